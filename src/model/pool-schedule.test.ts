/**
 * The schedule under a VM pool on hand-made DAGs: stage base times and per-edge write / read times
 * given, VMs per stage given, pool of 64.
 */
import { describe, expect, it } from "vitest";
import { validateDag } from "../dag/validate-dag.js";
import { schedulePool } from "./pool-schedule.js";

const roots = validateDag({
  stages: [
    { id: "a", function: "f" },
    { id: "b", function: "f" },
    { id: "c", function: "f" },
    { id: "d", function: "f" },
  ],
  edges: [
    { from: "a", to: "d", pattern: "one-to-one" },
    { from: "b", to: "d", pattern: "one-to-one" },
    { from: "c", to: "d", pattern: "one-to-one" },
  ],
});
const base: Record<string, number> = { a: 100, b: 300, c: 50, d: 10 };
const run = (poolSize: number, vms: Record<string, number>, write = [0, 0, 0], read = [0, 0, 0]) =>
  schedulePool({
    dag: roots,
    poolSize,
    baseMs: (id) => base[id]!,
    transferMs: write.map((w, i) => w + read[i]!),
    writeMs: write,
    readMs: read,
    demand: (id) => vms[id]!,
    hostOf: () => undefined,
  });

describe("schedulePool", () => {
  it("three roots of 32 VMs on a pool of 64: the third waits for the first to finish", () => {
    // a (32) and b (32) lease at 0; c (32) waits until a finishes at 100 → c finishes 150.
    // d (1 VM) is ready when the last input is written: max(100, 300, 150) = 300 → finishes 310.
    const s = run(64, { a: 32, b: 32, c: 32, d: 1 });
    expect(s.startMs.get("c")).toBe(100);
    expect(s.finishMs.get("c")).toBe(150);
    expect(s.queuedMs.get("c")).toBe(100);
    expect(s.finishMs.get("d")).toBe(310);
    expect(s.peakVms).toBe(64);
    expect(s.makespanMs).toBe(310);
  });

  it("with room for all, nobody waits and the peak is the sum at once", () => {
    // a, b, c at once: 96 VMs; d after b at 300 (a and c released by then): 1.
    const s = run(128, { a: 32, b: 32, c: 32, d: 1 });
    expect(s.finishMs.get("c")).toBe(50);
    expect(s.queuedMs.get("c")).toBe(0);
    expect(s.peakVms).toBe(96);
  });

  it("reads start once every input is written: one edge's write, then another edge's read", () => {
    // writes a 10, b 20, c 5 → written at 110, 320, 55; reads a 40, b 5, c 60.
    // Each edge alone: max(100 + 50, 300 + 25, 50 + 65) = 325. Pairs: b's write (320) then c's read
    // (60) = 380 binds → d starts at 380, finishes 390.
    const s = run(128, { a: 32, b: 32, c: 32, d: 1 }, [10, 20, 5], [40, 5, 60]);
    expect(s.startMs.get("d")).toBe(380);
    expect(s.finishMs.get("d")).toBe(390);
  });

  it("pairs an edge's write with the slowest read of another edge, not its own", () => {
    // a: write 10, read 100 (written 110); b: write 0, read 5 (written 300); c: write 0, read 1 (50).
    // b then a's read: 300 + 100 = 400; a then b's read: 110 + 5 = 115; a alone: 100 + 110 = 210.
    // d starts at 400.
    const s = run(128, { a: 32, b: 32, c: 32, d: 1 }, [10, 0, 0], [100, 5, 1]);
    expect(s.startMs.get("d")).toBe(400);
  });
});

describe("schedulePool: a hold-and-wait on the pool", () => {
  // h (10 VMs, the whole pool) hosts x (vm-local: no VMs of its own) and keeps its VMs until x has
  // run; x also reads y (5 VMs), which cannot lease while h holds the pool. As the simulator does,
  // y is lent its VMs beyond the pool once nothing else can happen, and is named as overdrawn.
  const dag = validateDag({
    stages: [
      { id: "h", function: "f" },
      { id: "y", function: "f" },
      { id: "x", function: "f" },
    ],
    edges: [
      { from: "h", to: "x", pattern: "one-to-one" },
      { from: "y", to: "x", pattern: "one-to-one" },
    ],
  });
  const baseMs: Record<string, number> = { h: 100, y: 50, x: 10 };
  const vms: Record<string, number> = { h: 10, y: 5, x: 0 };
  const s = schedulePool({
    dag,
    poolSize: 10,
    baseMs: (id) => baseMs[id]!,
    transferMs: [0, 0],
    writeMs: [0, 0],
    readMs: [0, 0],
    demand: (id) => vms[id]!,
    hostOf: (id) => (id === "x" ? "h" : undefined),
  });

  it("finishes every stage: y is lent VMs when h finishes at 100, runs 100–150, and x runs 150–160", () => {
    expect(s.overdrawn).toEqual(["y"]);
    expect(s.startMs.get("y")).toBe(100);
    expect(s.finishMs.get("y")).toBe(150);
    expect(s.finishMs.get("x")).toBe(160);
    expect(s.makespanMs).toBe(160);
    // 10 of h's + 5 lent to y
    expect(s.peakVms).toBe(15);
  });
});
