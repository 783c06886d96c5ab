/**
 * Lambda's Max Memory Used is not always the invocation's own peak: when invocations share an
 * execution environment, the REPORT gives the maximum over every invocation that environment has
 * served so far (AWS Lambda Developer Guide, "REPORT line data fields"). A warm invocation on a small
 * input after a large one in the same environment reports the large one's peak, which would bend a
 * memory law upward at small sizes.
 *
 * Where the log names each report's environment (its log stream), this finds those reports: in an
 * environment, in log order, a report whose memory equals the running maximum that an earlier report
 * on a larger input set. Its memory is an upper bound, not a measurement, so the memory target skips
 * it (runtime and the rest still train). A report that raises the maximum, or equals it on an input
 * at least as large as the one that set it, measures its own peak (or as near as the log allows) and
 * is kept. Pure.
 */

export interface EnvironmentReport {
  readonly requestId: string;
  /** The execution environment (log stream); reports without one are never masked. */
  readonly environment?: string;
  /** Position in the log (its order within an environment is the invocation order). */
  readonly line: number;
  /** The place of the report's file among a folder export's parts, read one after another (lines restart in each). */
  readonly part?: number;
  readonly maxMemoryUsedMb: number;
}

/** The request ids whose reported memory is the environment's running maximum from a larger input. */
export function maskedByRunningMax(reports: readonly EnvironmentReport[], inputOf: (requestId: string) => { readonly function: string; readonly inputBytes: number } | undefined): Set<string> {
  const byEnvironment = new Map<string, { report: EnvironmentReport; inputBytes: number }[]>();
  for (const report of reports) {
    if (report.environment === undefined) continue;
    const input = inputOf(report.requestId);
    if (input === undefined) continue;
    // A log stream belongs to one function's log group; key by function too, should files be merged.
    const key = `${input.function}\u0000${report.environment}`;
    const list = byEnvironment.get(key) ?? [];
    list.push({ report, inputBytes: input.inputBytes });
    byEnvironment.set(key, list);
  }
  const masked = new Set<string>();
  for (const list of byEnvironment.values()) {
    list.sort((a, b) => (a.report.part ?? 0) - (b.report.part ?? 0) || a.report.line - b.report.line);
    let maxMb = -Infinity;
    let largestInputAtMax = -Infinity;
    for (const { report, inputBytes } of list) {
      if (report.maxMemoryUsedMb > maxMb) {
        maxMb = report.maxMemoryUsedMb;
        largestInputAtMax = inputBytes;
      } else if (report.maxMemoryUsedMb === maxMb) {
        if (inputBytes < largestInputAtMax) masked.add(report.requestId);
        else largestInputAtMax = inputBytes;
      }
      // Below the maximum: not a running maximum after all (another environment under one name);
      // the value is the invocation's own and is kept.
    }
  }
  return masked;
}
