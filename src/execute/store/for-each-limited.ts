/** Bounded concurrency for a count of tasks: multipart parts, ranged GETs, deletions, an instance's reads. */

/** Runs task(0 … count − 1) with at most `limit` running at once. */
export async function forEachLimited(count: number, limit: number, task: (k: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, count) }, async () => {
    while (next < count) await task(next++);
  });
  await Promise.all(lanes);
}
