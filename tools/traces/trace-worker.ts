/**
 * Worker entry: runs one invocation per message and replies with its measurement (warm-up, timed
 * and memory calls as the message's `measure` options say; garbage collected before each timed call
 * and, in the memory call, before each sample). Messages: { id, functionName, input, params, measure }
 * → { id, ok: true, measurement } | { id, ok: false, error, issues? } (issues: a catalogue error's
 * issues, so the caller rethrows it with its code).
 */
import { parentPort } from "node:worker_threads";
import { SluiceError } from "../../src/errors.js";
import { exposeGc } from "./expose-gc.js";
import { measureInvocation, type MeasureOptions } from "./measure-invocation.js";

export interface WorkerRequest {
  readonly id: number;
  readonly functionName: string;
  readonly input: Uint8Array;
  readonly params: unknown;
  readonly measure: Omit<MeasureOptions, "collectGarbage">;
}

const collectGarbage = exposeGc();

parentPort?.on("message", (req: WorkerRequest) => {
  try {
    const measurement = measureInvocation(req.functionName, req.input, req.params, { ...req.measure, collectGarbage });
    parentPort!.postMessage({ id: req.id, ok: true, measurement });
  } catch (e) {
    const issues = e instanceof SluiceError ? { issues: e.issues } : {};
    parentPort!.postMessage({ id: req.id, ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e), ...issues });
  }
});
