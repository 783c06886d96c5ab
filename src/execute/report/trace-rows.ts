/**
 * Trace rows from a measured run: one row per instance, in the datasets/ CSV layout that
 * `sluice train` and `trainProfiles` read (src/workloads/trace-row.ts), so that profiles can be
 * trained from this machine's own runs of an app instead of the bundled ones.
 *   function     the stage's function (the DAG names it; several stages may share one)
 *   input_bytes  bytes the instance read (its inputs, whatever mode brought them)
 *   runtime_ms   the function's own wall time in its thread (computeEnd − computeStart): data
 *                passing is not in it, as the model adds transfers on top of a profile's runtime
 *   memory_mb    inputs + the growth of heap and ArrayBuffer bytes during the call
 *   output_bytes bytes the instance produced (all partitions)
 *   fanout       instances of the next stage (the largest consumer stage; 1 for a sink)
 *   cold         the instance was its thread's first call of the function (module load, no JIT);
 *                the trainer fits cold rows apart, so a fresh cluster's first run trains both
 * Only the last attempt of an instance is in a report, so a retried instance gives one row.
 */
import type { Dag } from "../../dag/types.js";
import type { SimulationReport } from "../../simulate/types.js";
import type { MeasuredInstance } from "./run-report-types.js";
import { buildTraceRow, formatTraceCsv, TRACE_HEADER, type TraceRow } from "../../workloads/trace-row.js";

/** The DAG's shape the rows need: which function each stage runs, and who consumes it. */
export type TraceDag = Pick<Dag, "name" | "stages" | "edges">;

export function runTraceRows(dag: TraceDag, report: { readonly instances: readonly MeasuredInstance[]; readonly stages: SimulationReport["stages"] }, app: string = dag.name): TraceRow[] {
  const fnOf = new Map(dag.stages.map((s) => [s.id, s.function] as const));
  const count = new Map(report.stages.map((s) => [s.stageId, s.instances] as const));
  const fanout = (id: string) => Math.max(1, ...dag.edges.filter((e) => e.from === id).map((e) => count.get(e.to) ?? 1));
  return report.instances.map((i) =>
    buildTraceRow({
      app,
      functionName: fnOf.get(i.stageId) ?? i.stageId,
      inputBytes: i.inputBytes,
      runtimeMs: i.runtimeMs,
      memoryBytes: i.memoryMb * 1024 * 1024,
      outputBytes: i.outputBytes,
      outputCount: fanout(i.stageId),
      cold: i.cold === true,
    }),
  );
}

/**
 * Rows appended to a trace CSV's text: `existing` (the file's text, or undefined for a new file)
 * must start with the same header, so that runs at several sizes collect into one file.
 */
export function appendTraceCsv(existing: string | undefined, rows: readonly TraceRow[]): string {
  const fresh = formatTraceCsv(rows);
  if (existing === undefined || existing.trim() === "") return fresh;
  const header = existing.slice(0, existing.indexOf("\n") < 0 ? existing.length : existing.indexOf("\n")).trim();
  if (header !== TRACE_HEADER.join(",")) throw new RangeError(`expected a trace CSV starting with "${TRACE_HEADER.join(",")}", got "${header.slice(0, 80)}"`);
  const body = fresh.slice(fresh.indexOf("\n") + 1);
  return (existing.endsWith("\n") ? existing : existing + "\n") + body;
}
