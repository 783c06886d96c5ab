/**
 * A pool of worker threads (function-thread.ts), one per VM slot. Invocations queue when every
 * thread is busy. A thread that dies fails its invocation and is replaced. Under tsx (the .ts
 * sources) threads load the entry through tsx's loader, as the trace collector does.
 */
import { Worker } from "node:worker_threads";
import type { FunctionRef } from "./function-ref.js";
import type { InvocationReply, InvocationRequest } from "./function-thread.js";

export interface Invocation {
  readonly fn: FunctionRef;
  readonly inputs: Uint8Array[];
  readonly meta: InvocationRequest["meta"];
}

export interface InvocationResult {
  readonly outputs: Uint8Array[];
  readonly runtimeMs: number;
  readonly memoryBytes: number;
  readonly computeStartMs: number;
  readonly computeEndMs: number;
  /** The thread's first call of this function. */
  readonly cold: boolean;
}

interface Slot {
  worker: Worker;
  busy?: { id: number; resolve: (r: InvocationResult) => void; reject: (e: Error) => void };
}

function spawnThread(): Worker {
  const entry = new URL(`./function-thread${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url).href;
  if (!entry.endsWith(".ts")) return new Worker(new URL(entry));
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true });
}

export class FunctionPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { req: Invocation; resolve: (r: InvocationResult) => void; reject: (e: Error) => void }[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number) {
    if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(`slots: expected an integer ≥ 1, got ${size}`);
    for (let k = 0; k < size; k++) this.slots.push(this.makeSlot());
  }

  private makeSlot(): Slot {
    const slot: Slot = { worker: spawnThread() };
    slot.worker.on("message", (reply: InvocationReply) => {
      const busy = slot.busy;
      if (busy === undefined || busy.id !== reply.id) return;
      slot.busy = undefined;
      if (reply.ok) busy.resolve({ outputs: reply.outputs!, runtimeMs: reply.runtimeMs!, memoryBytes: reply.memoryBytes!, computeStartMs: reply.computeStartMs!, computeEndMs: reply.computeEndMs!, cold: reply.cold === true });
      else busy.reject(new Error(reply.error));
      this.pump();
    });
    slot.worker.on("error", (e) => {
      const busy = slot.busy;
      slot.busy = undefined;
      busy?.reject(e);
    });
    slot.worker.on("exit", () => {
      if (this.closed) return;
      const k = this.slots.indexOf(slot);
      slot.busy?.reject(new Error("the function's thread exited"));
      if (k >= 0) this.slots[k] = this.makeSlot();
      this.pump();
    });
    slot.worker.unref();
    return slot;
  }

  /** Runs one invocation; the inputs' buffers are transferred to the thread (unusable here afterwards). */
  run(req: Invocation): Promise<InvocationResult> {
    if (this.closed) return Promise.reject(new Error("function pool closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ req, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy !== undefined || this.queue.length === 0) continue;
      const next = this.queue.shift()!;
      const id = this.nextId++;
      slot.busy = { id, resolve: next.resolve, reject: next.reject };
      const msg: InvocationRequest = { id, fn: next.req.fn, inputs: next.req.inputs, meta: next.req.meta };
      // Inputs that own their whole buffer move to the thread without a copy (the caller is done with them).
      const movable = [...new Set(next.req.inputs.filter((b) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer).map((b) => b.buffer as ArrayBuffer))];
      slot.worker.postMessage(msg, movable);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const q of this.queue.splice(0)) q.reject(new Error("function pool closed"));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
