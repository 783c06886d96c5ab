/**
 * Runs one app at one root input size: generates the input, runs each stage's instances one at a
 * time through `invoke` (a worker, or in-process in tests), routes the real outputs to the next
 * stage by the edge's pattern, and returns one trace row per invocation.
 */
import { sluiceError } from "../../src/errors.js";
import type { AppDefinition } from "../../src/workloads/apps.js";
import type { InvocationMeasurement } from "./measure-invocation.js";
import { routeOutputs } from "../../src/workloads/route-outputs.js";
import { buildTraceRow, type TraceRow } from "../../src/workloads/trace-row.js";

export interface InvokeResult extends InvocationMeasurement {
  /** True for the first invocation in a fresh worker. */
  readonly cold: boolean;
}

export type Invoke = (functionName: string, input: Uint8Array, params: unknown) => Promise<InvokeResult>;

export interface RunAppOptions {
  readonly seed: number;
  readonly memorySettingMb?: number;
  /** Called after each invocation with its row and full measurement (progress, wall times). */
  readonly onInvocation?: (row: TraceRow, measured: InvokeResult) => void;
}

export async function runApp(app: AppDefinition, inputBytes: number, invoke: Invoke, options: RunAppOptions): Promise<TraceRow[]> {
  const rows: TraceRow[] = [];
  let inputs: Uint8Array[] = [app.generate(inputBytes, options.seed)];
  let outputs: Uint8Array[][] = [];
  for (const [index, stage] of app.stages.entries()) {
    if (index > 0) {
      if (stage.inputPattern === undefined) throw sluiceError("workloads.stageWithoutInput", { path: [app.app, "stages", index, "inputPattern"], actual: "nothing", params: { app: app.app, index, function: stage.function } });
      inputs = routeOutputs(stage.inputPattern, outputs);
    }
    const stageOutputs: Uint8Array[][] = [];
    for (const input of inputs) {
      const m = await invoke(stage.function, input, stage.params);
      stageOutputs.push(m.outputs);
      const row = buildTraceRow({
        app: app.app,
        functionName: stage.function,
        inputBytes: input.length,
        runtimeMs: m.runtimeMs,
        memoryBytes: m.memoryBytes,
        outputBytes: m.outputBytes,
        outputCount: m.outputs.length,
        memorySettingMb: options.memorySettingMb,
        cold: m.cold,
      });
      rows.push(row);
      options.onInvocation?.(row, m);
    }
    outputs = stageOutputs;
  }
  return rows;
}
