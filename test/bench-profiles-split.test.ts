// The profiles benchmark's train / held-out split (bench/profiles-split.ts).
import { describe, expect, it } from "vitest";
import { groupBySize, MAX_TRAIN_RUNS, redrawRepeats, SAME_SIZE_FACTOR, splitRuns, TOP_RUNS } from "../bench/profiles-split.js";
import { mulberry32 } from "../src/util/mulberry32.js";
import type { TraceRecord } from "../src/traces/trace-record.js";

const row = (inputBytes: number, runtimeMs: number): TraceRecord => ({ app: "a", function: "f", inputBytes, runtimeMs }) as TraceRecord;
/** 14 sizes (0.25–128 MiB, as the collector traces them), 5 repeats each, in traced order. */
const SIZES_MIB = [0.25, 0.5, 1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128];
const rows = SIZES_MIB.flatMap((m, i) => Array.from({ length: 5 }, (_, k) => row(m * 2 ** 20, i * 10 + k)));

describe("splitRuns", () => {
  const s = splitRuns(rows);
  it("trains on at most 10 runs, all at sizes ≤ half the largest", () => {
    expect(s.train).toHaveLength(MAX_TRAIN_RUNS);
    expect(Math.max(...s.train.map((r) => r.inputBytes))).toBeLessThanOrEqual(64 * 2 ** 20);
  });
  it("takes the last TOP_RUNS rows ≤ half, and spreads the others over the rest, first and last included", () => {
    const small = rows.filter((r) => r.inputBytes <= 64 * 2 ** 20);
    expect(s.train.slice(-TOP_RUNS)).toEqual(small.slice(-TOP_RUNS));
    const spread = s.train.slice(0, -TOP_RUNS);
    expect(spread).toHaveLength(MAX_TRAIN_RUNS - TOP_RUNS);
    expect(spread[0]).toBe(small[0]);
    expect(spread[spread.length - 1]).toBe(small[small.length - TOP_RUNS - 1]);
  });
  it("so with 5 repeats per size the largest trained size has 3 runs, the others at most 1", () => {
    const perSize = new Map<number, number>();
    for (const r of s.train) perSize.set(r.inputBytes, (perSize.get(r.inputBytes) ?? 0) + 1);
    expect(perSize.get(64 * 2 ** 20)).toBe(3);
    expect([...perSize].filter(([x]) => x < 64 * 2 ** 20).every(([, n]) => n === 1)).toBe(true);
  });
  it("holds out only sizes never trained on; beyond reaches 2× the largest trained size", () => {
    const trained = new Set(s.train.map((r) => r.inputBytes));
    for (const r of [...s.within, ...s.beyond]) expect(trained.has(r.inputBytes)).toBe(false);
    expect(s.beyond.map((r) => r.inputBytes / 2 ** 20)).toEqual([96, 96, 96, 96, 96, 128, 128, 128, 128, 128]);
    expect(s.within.length + s.beyond.length + rows.filter((r) => trained.has(r.inputBytes)).length).toBe(rows.length);
  });
  it("topRuns 0 is the even spread: 10 runs at 10 distinct sizes, the smallest and the largest ≤ half included", () => {
    const even = splitRuns(rows, 0).train;
    expect(new Set(even.map((r) => r.inputBytes)).size).toBe(MAX_TRAIN_RUNS);
    expect(even[0]!.inputBytes).toBe(0.25 * 2 ** 20);
    expect(even[even.length - 1]!.inputBytes).toBe(64 * 2 ** 20);
  });
  it("refuses a topRuns that leaves fewer than 2 runs to spread", () => {
    expect(() => splitRuns(rows, MAX_TRAIN_RUNS - 1)).toThrow(/topRuns: expected a whole number in \[0, 8\], got 9/);
    expect(() => splitRuns(rows, -1)).toThrow(RangeError);
  });
  it("trains on every run when there are at most 10 at the smaller sizes", () => {
    const few = [row(1, 1), row(2, 2), row(4, 3), row(8, 4)];
    expect(splitRuns(few).train).toEqual(few.slice(0, 3));
    expect(splitRuns(few).beyond).toEqual([few[3]]);
  });
});

describe("redrawRepeats", () => {
  const s = splitRuns(rows);
  const draw = (seed: number) => redrawRepeats(rows, s, mulberry32(seed));
  it("keeps the design: the same sizes as often, no run twice", () => {
    for (const seed of [1, 2, 3]) {
      const d = draw(seed);
      expect(d.train.map((r) => r.inputBytes)).toEqual(s.train.map((r) => r.inputBytes));
      expect(new Set(d.train).size).toBe(d.train.length);
      expect(d.within).toEqual(s.within);
      expect(d.beyond).toEqual(s.beyond);
    }
  });
  it("takes other repeats than the traced order, reproducibly per seed", () => {
    const tracedOrder = new Set(s.train);
    const draws = [1, 2, 3, 4, 5].map(draw);
    expect(draws.some((d) => d.train.some((r) => !tracedOrder.has(r)))).toBe(true);
    expect(draw(7).train).toEqual(draw(7).train);
  });
  it("at the top size draws 3 of the 5 repeats, each of them in some draw", () => {
    const top = new Set(Array.from({ length: 40 }, (_, k) => draw(k + 1)).flatMap((d) => d.train.filter((r) => r.inputBytes === 64 * 2 ** 20)));
    expect(top.size).toBe(5);
  });
  it("draws within a group of sizes 2% apart, never above half the largest, and holds out what is not near a trained size", () => {
    // A stage after a root: 5 runs per size, 0.4% apart; the top group straddles half the largest.
    const near = [1, 2, 4, 8, 16, 32, 64, 128].flatMap((m, i) => Array.from({ length: 5 }, (_, k) => row(m * 1e6 * (1 + 0.004 * k), i * 10 + k)));
    near.push(row(2 * 128.8e6, 99));
    const ns = splitRuns(near);
    const draws = [1, 2, 3, 4, 5, 6].map((seed) => redrawRepeats(near, ns, mulberry32(seed)));
    expect(draws.some((d) => d.train.some((r) => !ns.train.includes(r)))).toBe(true);
    for (const d of draws) {
      expect(d.train.every((r) => r.inputBytes <= 128.8e6)).toBe(true);
      // Of the top group, only 128 and 128.512 MB are ≤ half the largest (128.8 MB): both are trained, the 3 above never.
      expect(d.train.filter((r) => r.inputBytes >= 128e6).map((r) => r.inputBytes).sort((a, b) => a - b)).toEqual([128e6, 128.512e6]);
      for (const h of [...d.within, ...d.beyond]) for (const t of d.train) expect(Math.max(h.inputBytes, t.inputBytes) / Math.min(h.inputBytes, t.inputBytes)).toBeGreaterThan(SAME_SIZE_FACTOR);
    }
  });
});

describe("groupBySize", () => {
  it("starts a group when a size exceeds its group's first by more than 2%", () => {
    const g = groupBySize([row(100, 0), row(102, 1), row(103, 2), row(50, 3)]);
    expect(g.map((x) => x.map((r) => r.inputBytes))).toEqual([[50], [100, 102], [103]]);
  });
});
