import { describe, expect, it } from "vitest";
import type { MeasuredInstance } from "../execute/report/run-report-types.js";
import { fitInvocation, meanAndStandardError, type InvocationRun } from "./fit-invocation.js";

const inst = (stageId: string, index: number, o: { readyMs: number; startMs: number; inputBytes: number; runtimeMs: number; cold?: boolean }): MeasuredInstance => ({
  stageId, index, vm: "vm-0", readyMs: o.readyMs, startMs: o.startMs, computeStartMs: o.startMs, computeEndMs: o.startMs + o.runtimeMs, finishMs: o.startMs + o.runtimeMs,
  inputBytes: o.inputBytes, outputBytes: 0, runtimeMs: o.runtimeMs, memoryMb: 128, transfers: [], ...(o.cold ? { cold: true } : {}),
});
const run = (instances: MeasuredInstance[]): InvocationRun => ({ dagName: "app", instances });
const value = (cs: ReturnType<typeof fitInvocation>, path: string) => cs.find((c) => c.path === path)?.value;

// Warm "map" instances follow runtime = 10 ms + bytes / (1 MB/s), i.e. 10 + bytes / 1000 ms:
// 1,000 B → 11 ms, 2,000 B → 12 ms, 4,000 B → 14 ms.
const warmUp = run([
  inst("map", 0, { readyMs: 0, startMs: 0, inputBytes: 2000, runtimeMs: 12 + 50, cold: true }), // 50 ms over the warm 12
  inst("map", 1, { readyMs: 0, startMs: 0, inputBytes: 4000, runtimeMs: 14 + 70, cold: true }), // 70 ms over the warm 14
]);
const steady = [
  run([
    inst("map", 0, { readyMs: 0, startMs: 4, inputBytes: 1000, runtimeMs: 11 }),
    inst("map", 1, { readyMs: 0, startMs: 5, inputBytes: 2000, runtimeMs: 12 }),
    inst("reduce", 0, { readyMs: 20, startMs: 26, inputBytes: 10, runtimeMs: 3 }),
  ]),
  run([
    inst("map", 0, { readyMs: 0, startMs: 6, inputBytes: 4000, runtimeMs: 14 }),
    inst("map", 1, { readyMs: 0, startMs: 6, inputBytes: 1000, runtimeMs: 11 }),
    inst("reduce", 0, { readyMs: 30, startMs: 38, inputBytes: 10, runtimeMs: 3 }),
  ]),
];

describe("fitInvocation", () => {
  it("cold start: the mean of the cold instances' runtimes over the warm fit at their inputs", () => {
    const cs = fitInvocation({ warmUp: [warmUp], steady });
    // (50 + 70) / 2 = 60 ms; sd of {50, 70} = 14.14, SE = 14.14 / √2 = 10, relative 10 / 60.
    expect(value(cs, "invocation.coldStartMs")).toBeCloseTo(60, 6);
    expect(cs.find((c) => c.path === "invocation.coldStartMs")!.relativeError).toBeCloseTo(10 / 60, 6);
  });

  it("cold share and stage step come from the steady runs only", () => {
    const cs = fitInvocation({ warmUp: [warmUp], steady });
    // No steady instance is cold: 0 of 6.
    expect(value(cs, "invocation.coldFraction")).toBe(0);
    // Steps per run and stage, first start − inputs ready (a root's release; else the last finish before the release):
    // run 1: map 4 − 0 = 4; reduce: map#0 ends 4 + 11 = 15, map#1 5 + 12 = 17 → 26 − 17 = 9.
    // run 2: map 6 − 0 = 6; reduce: map#0 ends 6 + 14 = 20, map#1 6 + 11 = 17 → 38 − 20 = 18.  Mean (4 + 9 + 6 + 18) / 4 = 9.25.
    expect(value(cs, "invocation.stepMs")).toBeCloseTo(9.25, 9);
  });

  it("one cold instance among four steady ones is a share of 0.25 with binomial error √(0.25 · 0.75 / 4) / 0.25", () => {
    const cs = fitInvocation({ steady: [run([...steady[0]!.instances.slice(0, 2), inst("map", 2, { readyMs: 0, startMs: 5, inputBytes: 1000, runtimeMs: 40, cold: true }), inst("map", 3, { readyMs: 0, startMs: 5, inputBytes: 4000, runtimeMs: 14 })])] });
    expect(value(cs, "invocation.coldFraction")).toBe(0.25);
    expect(cs.find((c) => c.path === "invocation.coldFraction")!.relativeError).toBeCloseTo(Math.sqrt(0.25 * 0.75 / 4) / 0.25, 9);
    // Warm fit through (1000, 11), (2000, 12), (4000, 14): the cold one at 1,000 B is 40 − 11 = 29 ms over.
    expect(value(cs, "invocation.coldStartMs")).toBeCloseTo(29, 6);
  });

  it("no run, no constant; cold instances faster than warm ones give 0, never a negative cold start", () => {
    expect(fitInvocation({ steady: [] })).toEqual([]);
    const fast = run([inst("map", 0, { readyMs: 0, startMs: 0, inputBytes: 1000, runtimeMs: 5, cold: true }), inst("map", 1, { readyMs: 0, startMs: 0, inputBytes: 1000, runtimeMs: 11 }), inst("map", 2, { readyMs: 0, startMs: 0, inputBytes: 1000, runtimeMs: 11 })]);
    const cs = fitInvocation({ steady: [fast] });
    expect(value(cs, "invocation.coldStartMs")).toBe(0);
    for (const c of cs) expect(Number.isFinite(c.value)).toBe(true);
  });
});

describe("pickup: a slot's gap before an instance queued for it", () => {
  const on = (vm: string, i: MeasuredInstance): MeasuredInstance => ({ ...i, vm });
  it("is the median over instances that were ready when their VM's previous instance ended", () => {
    const r = run([
      // vm-0 runs map#0–2 one after another, all ready at 0: gaps 12 − 10 = 2 and 25 − 22 = 3
      on("vm-0", inst("map", 0, { readyMs: 0, startMs: 0, inputBytes: 1, runtimeMs: 10 })),
      on("vm-0", inst("map", 1, { readyMs: 0, startMs: 12, inputBytes: 1, runtimeMs: 10 })),
      on("vm-0", inst("map", 2, { readyMs: 0, startMs: 25, inputBytes: 1, runtimeMs: 10 })),
      // vm-1: map#3 then map#4 queued behind it: 19 − 15 = 4
      on("vm-1", inst("map", 3, { readyMs: 0, startMs: 1, inputBytes: 1, runtimeMs: 14 })),
      on("vm-1", inst("map", 4, { readyMs: 0, startMs: 19, inputBytes: 1, runtimeMs: 10 })),
      // reduce released at 40, after vm-0's last finish (35): not queued, no gap
      on("vm-0", inst("reduce", 0, { readyMs: 40, startMs: 45, inputBytes: 1, runtimeMs: 3 })),
    ]);
    const cs = fitInvocation({ steady: [r] });
    // gaps {2, 3, 4}: median 3; MAD 1 → SE 1.2533 · 1.4826 · 1 / √3 = 1.0728, relative 1.0728 / 3
    expect(value(cs, "invocation.pickupMs")).toBe(3);
    expect(cs.find((c) => c.path === "invocation.pickupMs")!.relativeError).toBeCloseTo((1.2533 * 1.4826) / Math.sqrt(3) / 3, 6);
  });

  it("no instance waited for a slot: no pickup constant", () => {
    expect(value(fitInvocation({ steady }), "invocation.pickupMs")).toBeUndefined();
  });
});

describe("meanAndStandardError", () => {
  it("8, 10, 12: mean 10, sd 2, SE 2 / √3, relative 0.11547", () => {
    const m = meanAndStandardError([8, 10, 12]);
    expect(m.mean).toBe(10);
    expect(m.relativeError).toBeCloseTo(2 / Math.sqrt(3) / 10, 9);
  });
});
