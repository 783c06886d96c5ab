// The profiles benchmark's train / held-out split (bench/profiles-split.ts).
import { describe, expect, it } from "vitest";
import { MAX_TRAIN_RUNS, splitRuns, TOP_RUNS } from "../bench/profiles-split.js";
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
  it("trains on every run when there are at most 10 at the smaller sizes", () => {
    const few = [row(1, 1), row(2, 2), row(4, 3), row(8, 4)];
    expect(splitRuns(few).train).toEqual(few.slice(0, 3));
    expect(splitRuns(few).beyond).toEqual([few[3]]);
  });
});
