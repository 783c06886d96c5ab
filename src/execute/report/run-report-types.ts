/** What execute() returns: the simulator's report shape, measured, with the plan's prediction beside it. */
import type { Plan } from "../../plan/types.js";
import type { SimInstance, SimulationReport } from "../../simulate/types.js";

/** A measured instance: the simulator's fields, and whether it was its thread's first call of the function. */
export interface MeasuredInstance extends SimInstance {
  readonly cold?: boolean;
}

export interface StageComparison {
  readonly stageId: string;
  readonly predictedStartMs: number;
  readonly predictedFinishMs: number;
  /** null when the stage ran no instance (nothing measured); never NaN. */
  readonly measuredStartMs: number | null;
  readonly measuredFinishMs: number | null;
}

export interface RunReport extends SimulationReport {
  readonly runId: string;
  readonly kind: "measured";
  readonly instances: readonly MeasuredInstance[];
  readonly predicted: Plan["predicted"] & { readonly stages: Plan["stages"] };
  readonly comparison: {
    /** (measured − predicted) / predicted. */
    readonly makespanError: number;
    readonly stages: readonly StageComparison[];
  };
  /** Where the sinks' outputs are (kept unless the run was asked not to). */
  readonly result: { readonly bucket: string; readonly keys: readonly string[]; readonly bytes: number };
  /** Instance executions beyond one per instance (re-runs after lost VMs or inputs). */
  readonly reruns: number;
  /** Objects and cache keys the cleanup deleted. */
  readonly cleanup: { readonly objects: number; readonly cacheKeys: number };
}
