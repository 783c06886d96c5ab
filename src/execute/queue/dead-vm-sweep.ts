/**
 * Removes a round's children that sit on a dead VM, so that the parent completes without them and
 * the executor runs them again elsewhere. A child still locked by its dead worker cannot be removed
 * yet: it is tried again on the next sweep, after its lock has expired.
 */
import type { Queue } from "bullmq";
import type { Liveness } from "./liveness.js";
import type { RoundJob } from "./round-result.js";

/** Starts sweeping every `everyMs`; returns the function that stops it. */
export function sweepDeadVmChildren(jobIds: ReadonlyMap<string, RoundJob>, queues: ReadonlyMap<string, Queue>, liveness: Liveness, everyMs = 250): () => void {
  const removed = new Set<string>();
  const sweep = async () => {
    for (const [jobId, j] of jobIds) {
      if (removed.has(jobId) || liveness.isAlive(j.vm)) continue;
      const job = await queues.get(j.vm)!.getJob(jobId);
      if (job === undefined) {
        removed.add(jobId);
        continue;
      }
      try {
        await job.remove();
        removed.add(jobId);
      } catch {
        // Still locked by the dead worker: try again after its lock expires.
      }
    }
  };
  const timer = setInterval(() => void sweep().catch(() => undefined), everyMs);
  return () => clearInterval(timer);
}
