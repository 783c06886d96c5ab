import { describe, expect, it } from "vitest";
import type { InstanceOutcome, StoredCopy } from "../queue/job-data.js";
import { chooseRead, rangeInCopy } from "./read-plan.js";

const outcome = (copies: StoredCopy[], partitionBytes = [10, 20, 30, 40]): InstanceOutcome =>
  ({ vm: "vm-0", stageNo: 0, index: 0, round: 1, attempt: 1, partitionBytes, copies, startMs: 0, computeStartMs: 0, computeEndMs: 0, finishMs: 0, runtimeMs: 0, memoryBytes: 0, inputBytes: 0, outputBytes: 100, transfers: [] }) as InstanceOutcome;
const file: StoredCopy = { kind: "file", at: { vm: "vm-0", name: "s0-0.out" }, partitions: [0, 1, 2, 3] };
const remote: StoredCopy = { kind: "remote", at: { name: "p/r/s0/0" }, partitions: [1, 3] };

describe("rangeInCopy", () => {
  it.each([
    // Whole file: partition 2 starts after 10 + 20 = 30 bytes and is 30 long.
    { copy: file, first: 2, last: 2, expected: { offset: 30, length: 30 } },
    // Partitions 1…3 of the file: at 10, 20 + 30 + 40 = 90 bytes.
    { copy: file, first: 1, last: 3, expected: { offset: 10, length: 90 } },
    // The object holds 1 and 3 only: partition 3 starts after partition 1's 20 bytes.
    { copy: remote, first: 3, last: 3, expected: { offset: 20, length: 40 } },
    // Partition 2 is not in the object; 1…3 is not contiguous there.
    { copy: remote, first: 2, last: 2, expected: undefined },
    { copy: remote, first: 1, last: 3, expected: undefined },
  ])("partitions $first…$last of $copy.kind → $expected", ({ copy, first, last, expected }) => {
    expect(rangeInCopy(copy, [10, 20, 30, 40], first, last)).toEqual(expected);
  });
});

describe("chooseRead", () => {
  const o = outcome([file, remote]);
  it("reads the planned mode's copy", () => {
    expect(chooseRead("a->b", "remote", { sender: 0, first: 3, last: 3 }, [o], () => true).piece).toEqual({ edge: "a->b", kind: "remote", source: remote.at, offset: 20, length: 40 });
    expect(chooseRead("a->b", "vm-local", { sender: 0, first: 3, last: 3 }, [o], () => true).piece).toEqual({ edge: "a->b", kind: "vm-local", source: file.at, offset: 60, length: 40 });
  });
  it("falls back to another copy, flagged, when the planned one is gone", () => {
    const alive = (_: number, c: StoredCopy) => c.kind !== "file";
    expect(chooseRead("a->b", "direct", { sender: 0, first: 1, last: 1 }, [o], alive).piece).toEqual({ edge: "a->b", kind: "remote", source: remote.at, offset: 0, length: 20, fallback: true });
  });
  it("reports the sender as missing when no live copy holds the range", () => {
    const alive = (_: number, c: StoredCopy) => c.kind !== "file";
    expect(chooseRead("a->b", "direct", { sender: 0, first: 2, last: 2 }, [o], alive)).toEqual({ missingSender: 0 });
  });
});
