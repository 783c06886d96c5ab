/**
 * Runs javascript-lp-solver in a worker thread so its time limit is enforced from outside.
 * The solver checks its own `timeout` only between branch-and-bound nodes, and a single slow or
 * cycling relaxation can run far past it; a blocking solve in the main thread cannot be stopped.
 * Here the worker is terminated at the hard limit and a fresh one is created for the next solve.
 *
 * One worker is created lazily and kept (idle, unref'd) between solves; solves are serialised.
 */

import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

export type WorkerOutcome =
  | { readonly kind: "answer"; readonly answer: unknown }
  | { readonly kind: "stopped" }
  | { readonly kind: "failed"; readonly message: string };

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const solver = require(workerData.solverPath);
parentPort.on("message", (model) => {
  try { parentPort.postMessage({ ok: true, answer: solver.Solve(model) }); }
  catch (error) { parentPort.postMessage({ ok: false, message: String((error && error.message) || error) }); }
});`;

let worker: Worker | undefined;
let queue: Promise<unknown> = Promise.resolve();

function getWorker(): Worker {
  if (worker === undefined) {
    const solverPath = createRequire(import.meta.url).resolve("javascript-lp-solver");
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { solverPath } });
    worker.unref();
  }
  return worker;
}

function runOnce(jslpModel: unknown, hardLimitMs: number): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const current = getWorker();
    const finish = (outcome: WorkerOutcome, discardWorker: boolean) => {
      clearTimeout(timer);
      current.off("message", onMessage);
      current.off("error", onError);
      if (discardWorker) {
        if (worker === current) worker = undefined;
        void current.terminate();
      }
      resolve(outcome);
    };
    const onMessage = (message: { ok: boolean; answer?: unknown; message?: string }) =>
      finish(message.ok ? { kind: "answer", answer: message.answer } : { kind: "failed", message: message.message ?? "unknown error" }, false);
    const onError = (error: Error) => finish({ kind: "failed", message: error.message }, true);
    const timer = setTimeout(() => finish({ kind: "stopped" }, true), hardLimitMs);
    current.on("message", onMessage);
    current.on("error", onError);
    current.postMessage(jslpModel);
  });
}

/** Solves a jsLPSolver JSON model in the worker; `stopped` if no answer came within `hardLimitMs`. */
export function solveJslpInWorker(jslpModel: unknown, hardLimitMs: number): Promise<WorkerOutcome> {
  const run = queue.then(() => runOnce(jslpModel, hardLimitMs));
  queue = run.catch(() => undefined);
  return run;
}
