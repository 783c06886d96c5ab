import { describe, expect, it } from "vitest";
import { ownVm, stageOffsets } from "./placement.js";

describe("placement", () => {
  it("consecutive stages start on different VMs; co-located stages take none", () => {
    // 3 live VMs. a: 1 VM at offset 0; b beside a (no VMs of its own) at offset 1; c: 2 VMs at offset 1; d at (1 + 2) mod 3 = 0.
    const offsets = stageOffsets(
      [
        { stageId: "a", vms: 1, colocated: false },
        { stageId: "b", vms: 4, colocated: true },
        { stageId: "c", vms: 2, colocated: false },
        { stageId: "d", vms: 9, colocated: false },
      ],
      3,
    );
    expect([...offsets]).toEqual([["a", 0], ["b", 1], ["c", 1], ["d", 0]]);
  });

  it.each([
    // 6 instances on 2 of 3 VMs from offset 1: blocks of 3 → ⌊j · 2 / 6⌋ = 0,0,0,1,1,1 → VMs 1,1,1,2,2,2.
    { live: ["a", "b", "c"], offset: 1, vms: 2, n: 6, expected: ["b", "b", "b", "c", "c", "c"] },
    // The plan wants 4 VMs, only 2 live: blocks of 2 over both, wrapping from offset 1.
    { live: ["a", "b"], offset: 1, vms: 4, n: 4, expected: ["b", "b", "a", "a"] },
  ])("$n instances on $vms VMs of $live from $offset → $expected", ({ live, offset, vms, n, expected }) => {
    expect(Array.from({ length: n }, (_, j) => ownVm(live, offset, vms, n, j))).toEqual(expected);
  });
});
