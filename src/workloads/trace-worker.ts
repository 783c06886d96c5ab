/**
 * Worker entry: runs one invocation per message and replies with its measurement. Garbage is
 * collected before each invocation's baseline (gc exposed via V8 flags, which this file's worker
 * owns). Messages: { id, functionName, input, params } → { id, ok: true, measurement } | { id, ok: false, error }.
 */
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort } from "node:worker_threads";
import { measureInvocation } from "./measure-invocation.js";

export interface WorkerRequest {
  readonly id: number;
  readonly functionName: string;
  readonly input: Uint8Array;
  readonly params: unknown;
}

v8.setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

parentPort?.on("message", (req: WorkerRequest) => {
  try {
    const measurement = measureInvocation(req.functionName, req.input, req.params, collectGarbage);
    parentPort!.postMessage({ id: req.id, ok: true, measurement });
  } catch (e) {
    parentPort!.postMessage({ id: req.id, ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
});
