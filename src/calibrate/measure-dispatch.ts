/**
 * Measures the orchestration step between two stages on BullMQ, as the executor pays it: a flow
 * whose parent waits for one child; the child's job starts on a worker, returns at once, and the
 * parent is then taken by the stages worker. step = (child start − flow added) + (parent start −
 * child end): the dispatch of a stage plus the release of the next. Then the pickup: one flow of
 * `pickups` + 1 children on the one-slot worker's queue; each child after the first starts
 * (start − the previous child's end) after the slot freed — the job's completion and the next
 * fetch. Queues are obliterated after.
 */
import { nowMs } from "../execute/clock.js";
import { redisOptions } from "../execute/queue/redis-connect.js";
import type { Sample } from "./sample.js";

export async function measureDispatch(redisUrl: string, repeats: number, name = `calibrate-${process.pid}`, pickups = repeats): Promise<Sample[]> {
  const { FlowProducer, Queue, Worker } = await import("bullmq");
  const connection = redisOptions(redisUrl);
  const flows = new FlowProducer({ connection });
  const childQ = `${name}-vm`;
  const parentQ = `${name}-stages`;
  const childTimes = new Map<string, { start: number; end: number }>();
  const queued: { start: number; end: number }[] = [];
  const parentStart = new Map<string, (t: number) => void>();
  const child = new Worker(childQ, async (job) => {
    const start = nowMs();
    if (job.data.queued === true) queued.push({ start, end: nowMs() });
    else childTimes.set(job.data.k as string, { start, end: nowMs() });
    return 0;
  }, { connection });
  const parent = new Worker(parentQ, async (job) => {
    parentStart.get(job.data.k as string)?.(nowMs());
    return 0;
  }, { connection });
  const samples: Sample[] = [];
  try {
    await Promise.all([child.waitUntilReady(), parent.waitUntilReady()]);
    for (let r = 0; r < repeats + 1; r++) {
      const k = `r${r}`;
      const parentAt = new Promise<number>((resolve) => parentStart.set(k, resolve));
      const added = nowMs();
      await flows.add({ name: "stage", queueName: parentQ, data: { k }, opts: { removeOnComplete: true }, children: [{ name: "instance", queueName: childQ, data: { k }, opts: { removeOnComplete: true } }] });
      const p = await parentAt;
      const c = childTimes.get(k)!;
      // The first round warms connections and scripts: not recorded.
      if (r > 0) samples.push({ backend: "dispatch", operation: "step", objectBytes: 0, concurrency: 1, requests: 1, durationMs: c.start - added + (p - c.end) });
    }
    // Pickup: every child is queued before the one-slot worker takes the first.
    const k = "pickup";
    const parentAt = new Promise<number>((resolve) => parentStart.set(k, resolve));
    const children = Array.from({ length: pickups + 1 }, (_, j) => ({ name: "instance", queueName: childQ, data: { k, queued: true, j }, opts: { removeOnComplete: true } }));
    await flows.add({ name: "stage", queueName: parentQ, data: { k }, opts: { removeOnComplete: true }, children });
    await parentAt;
    queued.sort((a, b) => a.start - b.start);
    for (let j = 1; j < queued.length; j++) samples.push({ backend: "dispatch", operation: "pickup", objectBytes: 0, concurrency: 1, requests: 1, durationMs: queued[j]!.start - queued[j - 1]!.end });
  } finally {
    await child.close();
    await parent.close();
    await flows.close();
    for (const q of [childQ, parentQ]) {
      const queue = new Queue(q, { connection });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
  }
  return samples;
}
