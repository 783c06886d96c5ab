import { describe, expect, it } from "vitest";
import type { InstanceJob, InstanceOutcome } from "./job-data.js";
import { instanceJobId } from "./keys.js";
import { collectRound, type RoundJob } from "./round-result.js";

const job = (index: number): RoundJob => ({ vm: `vm-${index % 2}`, data: { index } as InstanceJob });
const outcome = (index: number) => ({ index }) as InstanceOutcome;
// BullMQ keys a child by `bull:<queue>:<job id>`; the queue name holds a colon of its own.
const key = (index: number) => `bull:sluice:r1:vm-${index % 2}:${instanceJobId(0, index, 1)}`;

describe("collectRound", () => {
  const jobs = [0, 1, 2, 3].map(job);
  const jobIds = new Map(jobs.map((j) => [instanceJobId(0, j.data.index, 1), j] as const));
  it.each([
    // All four returned a value: none failed, none missing.
    { values: [0, 1, 2, 3], failures: [], completed: [0, 1, 2, 3], failed: [], missing: [] },
    // 1 failed after its retries, 3 was removed with its VM (neither a value nor a failure).
    { values: [0, 2], failures: [1], completed: [0, 2], failed: [1], missing: [3] },
    // A value and a failure for the same instance (a retry of a removed job): the value counts, once.
    { values: [0, 1, 2, 3], failures: [2], completed: [0, 1, 2, 3], failed: [], missing: [] },
    // Nothing came back: every instance is missing.
    { values: [], failures: [], completed: [], failed: [], missing: [0, 1, 2, 3] },
  ])("values $values, failures $failures → completed $completed, failed $failed, missing $missing", ({ values, failures, completed, failed, missing }) => {
    const r = collectRound(
      { values: Object.fromEntries(values.map((i) => [key(i), outcome(i)])), failures: Object.fromEntries(failures.map((i) => [key(i), `[function] boom ${i}`])) },
      jobIds,
      jobs,
    );
    expect(r.completed.map((o) => o.index)).toEqual(completed);
    expect(r.failed).toEqual(failed.map((i) => ({ index: i, reason: `[function] boom ${i}` })));
    expect(r.missing).toEqual(missing);
  });

  it("ignores children of another round (an id not among this round's jobs)", () => {
    const r = collectRound({ values: { [`bull:q:${instanceJobId(0, 0, 2)}`]: outcome(0) }, failures: {} }, jobIds, jobs);
    expect(r.completed).toEqual([]);
    expect(r.missing).toEqual([0, 1, 2, 3]);
  });
});
