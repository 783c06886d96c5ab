/** One Lambda invocation report, as parse-lambda-report.ts reads it from a log (text REPORT line or platform.report event). */
export interface LambdaReport {
  readonly requestId: string;
  readonly line: number;
  readonly durationMs: number;
  readonly billedDurationMs?: number;
  readonly memorySizeMb?: number;
  readonly maxMemoryUsedMb: number;
  /** Present only on a cold start. */
  readonly initDurationMs?: number;
  /** Present only on a SnapStart restore: a cold start from a snapshot. */
  readonly restoreDurationMs?: number;
  /** "success", or how the invocation failed ("timeout", "error", "failure"), lower case. */
  readonly status: string;
  /** The log stream (execution environment) the report came from, when the export names it. */
  readonly environment?: string;
  /** The file of a folder export the report was read from (its `line` is that file's), and that file's place among the parts. */
  readonly file?: string;
  readonly part?: number;
}
