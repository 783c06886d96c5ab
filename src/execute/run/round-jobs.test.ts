import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { validateDag } from "../../dag/validate-dag.js";
import type { StagePlacement } from "../../plan/types.js";
import { RunFailedError } from "../backend-error.js";
import type { FunctionRef } from "../functions/function-ref.js";
import type { InstanceOutcome } from "../queue/job-data.js";
import { Liveness } from "../queue/liveness.js";
import { buildRoundJobs, type RunLayout } from "./round-jobs.js";
import { RunState } from "./run-state.js";

// a (2 instances, the root) → b over a vm-local one-to-one edge; two VMs. The liveness is never
// started (no Redis call): VMs die only by markDead.
const dag = validateDag({ name: "d", stages: [{ id: "a", function: "f", instances: 2 }, { id: "b", function: "f" }], edges: [{ from: "a", to: "b", pattern: "one-to-one" }] });

function layout(): RunLayout & { liveness: Liveness } {
  const liveness = new Liveness({} as Redis, ["vm-0", "vm-1"]);
  const state = new RunState(liveness);
  return {
    liveness,
    dag,
    runId: "r1",
    prefix: "sluice/",
    assignment: { edges: [[{ mode: "vm-local", fraction: 1 }]], admitted: new Set() },
    placement: new Map([["b", { stageId: "b", vms: 1, instances: 2 } as StagePlacement]]),
    functions: new Map(["a", "b"].map((id) => [id, { kind: "workload", name: "f" } as unknown as FunctionRef])),
    offsets: new Map([["a", 0], ["b", 1]]),
    // The 100-byte input cut at 40 for a's two instances.
    input: { key: "in", bytes: 100, cuts: new Map([["a", [0, 40, 100]]]) },
    state,
  };
}

/** a#j wrote one 10-byte partition to a file on `vm`. */
const fileOutcome = (j: number, vm: string) =>
  ({ vm, stageNo: 0, index: j, round: 1, attempt: 1, partitionBytes: [10], copies: [{ kind: "file", at: { vm, name: `s0-${j}.out` }, partitions: [0] }], transfers: [], finishMs: 0 }) as unknown as InstanceOutcome;

describe("buildRoundJobs", () => {
  it("cuts a root's share of the input: instance 0 reads bytes 0–40, instance 1 bytes 40–100", () => {
    const s = layout();
    s.state.counts.set("a", 2);
    const { jobs, missing } = buildRoundJobs(s, "a", 0, [0, 1]);
    expect(jobs.map((j) => j.data.reads)).toEqual([[{ edge: "input", kind: "input", source: { name: "in" }, offset: 0, length: 40 }], [{ edge: "input", kind: "input", source: { name: "in" }, offset: 40, length: 60 }]]);
    // Not a sink (no result key); one-to-one: one output per instance.
    expect(jobs.map((j) => [j.data.resultKey, j.data.fanout])).toEqual([[undefined, 1], [undefined, 1]]);
    expect(missing.size).toBe(0);
  });

  it("runs a vm-local receiver on the VM that holds its input, and gives a sink its result key", () => {
    const s = layout();
    s.state.counts.set("b", 2);
    s.state.record("a", fileOutcome(0, "vm-1"));
    s.state.record("a", fileOutcome(1, "vm-0"));
    const { jobs } = buildRoundJobs(s, "b", 1, [0, 1]);
    expect(jobs.map((j) => j.vm)).toEqual(["vm-1", "vm-0"]);
    expect(jobs[0]!.data.reads).toEqual([{ edge: "a->b", kind: "vm-local", source: { vm: "vm-1", name: "s0-0.out" }, offset: 0, length: 10 }]);
    expect(jobs.map((j) => j.data.resultKey)).toEqual(["sluice/r1/result/b/0", "sluice/r1/result/b/1"]);
  });

  it("names the producer instance to re-run when its file died with its VM (the stage runner re-runs it before dispatching the round)", () => {
    const s = layout();
    s.state.counts.set("b", 2);
    s.state.record("a", fileOutcome(0, "vm-1"));
    s.state.record("a", fileOutcome(1, "vm-0"));
    s.liveness.markDead("vm-1");
    const { jobs, missing } = buildRoundJobs(s, "b", 1, [0, 1]);
    expect([...missing]).toEqual([["a", new Set([0])]]);
    // b#0 found no live copy of its input (no read), so it is placed among the live VMs; b#1 reads a#1's file on vm-0 and runs there.
    expect(jobs.map((j) => [j.data.index, j.vm, j.data.reads.length])).toEqual([[0, "vm-0", 0], [1, "vm-0", 1]]);
  });

  it("fails the run when no worker is left alive", () => {
    const s = layout();
    s.state.counts.set("a", 2);
    s.liveness.markDead("vm-0");
    s.liveness.markDead("vm-1");
    expect(() => buildRoundJobs(s, "a", 0, [0, 1])).toThrow(RunFailedError);
  });
});
