/** The sizing search's vocabulary: a stage's setting, a scored configuration, and the report a plan carries. */

/** What the search sets on one stage: an instance count (or, after a scatter edge, a multiple of the producer's) and a memory size. */
export interface StageSetting {
  readonly instances?: number;
  /** Scatter consumers: instances = multiplier × the producer's instances. */
  readonly multiplier?: number;
  /** A configured memory size (MB), or "fit": the smallest listed size that holds the predicted peak. */
  readonly memoryMb?: number | "fit";
}

export type Configuration = ReadonlyMap<string, StageSetting>;

/** One configuration through the pipeline. */
export interface ConfigurationScore {
  /** False when the configuration cannot run (memory that no size holds, a pattern it breaks…): `reason` says why. */
  readonly ok: boolean;
  readonly reason?: string;
  /** The stage the failure is about, when it names one. */
  readonly failedStage?: string;
  /** Within the budget (latency objective) or deadline (cost objective). */
  readonly withinLimit: boolean;
  readonly makespanMs: number;
  readonly costUsd: number;
  /** Per stage: resolved instances, configured memory (if any) and predicted peak memory. */
  readonly stages: ReadonlyMap<string, { readonly instances: number; readonly instanceInputBytes: number; readonly memoryMb?: number; readonly peakMemoryMb: number }>;
  /** The DAG input this configuration planned (instances and memory filled in). */
  readonly dagInput?: unknown;
}

export interface SizingStageReport {
  readonly stageId: string;
  readonly instances: number;
  /** fixed: the DAG's number; fanout: the producer's predicted fanout; pattern: open but fixed by its input pattern; sized: chosen by the search. */
  readonly instancesHow: "fixed" | "fanout" | "pattern" | "sized";
  readonly instanceRange?: { readonly min: number; readonly max: number };
  /** Configured memory, MB (absent: billed at the predicted peak). */
  readonly memoryMb?: number;
  /** configured: the DAG's memoryMb; sized: chosen from memorySizes; peak: the predicted peak, rounded. */
  readonly memoryHow: "configured" | "sized" | "peak";
  readonly peakMemoryMb: number;
  /** Why this setting, against its neighbours. */
  readonly reason: string;
}

export interface SizingReport {
  /** What was searched, in words. */
  readonly searched: string;
  readonly guarantee: string;
  readonly evaluations: number;
  readonly rounds: number;
  readonly stoppedEarly: boolean;
  readonly stages: readonly SizingStageReport[];
}
