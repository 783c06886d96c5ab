/**
 * A worker thread that runs invocations one at a time (trace-worker.ts, loaded through tsx's
 * loader so the TypeScript sources run as they are). Its first invocation is reported cold and
 * measured as it comes (one call, no warm-up); later ones with the `measure` options given.
 */
import { Worker } from "node:worker_threads";
import { inputErrorOf, type Issue } from "../../src/errors.js";
import type { InvocationMeasurement, MeasureOptions } from "./measure-invocation.js";
import type { InvokeResult } from "./run-app.js";

type Reply = { id: number; ok: true; measurement: InvocationMeasurement } | { id: number; ok: false; error: string; issues?: Issue[] };

export class StageWorker {
  private readonly worker: Worker;
  private invocations = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: InvokeResult) => void; reject: (e: Error) => void; cold: boolean }>();

  constructor(private readonly measure: Omit<MeasureOptions, "collectGarbage"> = {}) {
    const entry = new URL("./trace-worker.ts", import.meta.url).href;
    const tsxApi = import.meta.resolve("tsx/esm/api");
    const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
    this.worker = new Worker(bootstrap, { eval: true });
    this.worker.on("message", (reply: Reply) => {
      const p = this.pending.get(reply.id);
      if (p === undefined) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve({ ...reply.measurement, cold: p.cold });
      // a catalogue error keeps its code across the thread boundary
      else p.reject(reply.issues === undefined ? new Error(reply.error) : inputErrorOf(reply.issues));
    });
    this.worker.on("error", (e) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    });
  }

  invoke(functionName: string, input: Uint8Array, params: unknown): Promise<InvokeResult> {
    const id = this.nextId++;
    const cold = this.invocations++ === 0;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, cold });
      this.worker.postMessage({ id, functionName, input, params, measure: cold ? {} : this.measure });
    });
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}
