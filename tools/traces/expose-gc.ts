/**
 * A full garbage collection on demand, in the thread that calls it (gc is exposed through V8's
 * flags at run time, so no command-line flag is needed). The collector calls it in the parent and
 * in the worker before each invocation so neither thread frees old garbage during the measurement.
 */
import v8 from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * Returns a function that runs full collections: two by default, as ArrayBuffer backing stores
 * freed by one collection are released by a concurrent sweeper that the next collection
 * completes, so after a single gc() `process.memoryUsage().arrayBuffers` can still drop later,
 * mid-measurement. Under V8's --single-threaded there is no concurrent sweeper and one suffices.
 */
export function exposeGc(passes: number = process.execArgv.includes("--single-threaded") ? 1 : 2): () => void {
  v8.setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  return () => {
    for (let i = 0; i < passes; i++) gc();
  };
}
