import { describe, expect, it } from "vitest";
import { codeOf } from "../../src/errors.js";
import { generateSortRecords } from "../../src/workloads/inputs/gen-sort-records.js";
import { measureInvocation } from "./measure-invocation.js";

describe("measureInvocation", () => {
  it("returns the function's outputs with their total size, a runtime and memory ≥ the input", () => {
    const input = generateSortRecords(20_000, 1);
    const m = measureInvocation("sort-map", input, { partitionUnitBytes: 1_500 }); // ⌈√(20000/1500)⌉ = ⌈√13.3⌉ = ⌈3.65⌉ = 4 partitions
    expect(m.outputs).toHaveLength(4);
    expect(m.outputBytes).toBe(input.length);
    expect(m.runtimeMs).toBeGreaterThanOrEqual(0);
    expect(m.wallMs).toBeGreaterThanOrEqual(0);
    expect(m.memoryBytes).toBeGreaterThanOrEqual(input.length);
  });

  it.each([
    // one timed call, memory measured in it: one collection before it
    ["defaults", {}, 1],
    // 2 timed calls: one collection before each; the memory call: one when arming + one per sample
    // (sort-reduce samples twice, and once more at disarm) = 2 + 1 + 3 = 6
    ["2 timed calls and a separate memory call", { timedCalls: 2, separateMemoryCall: true }, 6],
    // warm-up calls collect nothing: the same 1 as the defaults
    ["3 warm-up calls", { warmupCalls: 3 }, 1],
  ])("collects garbage where the options say (%s)", (_name, options, expected) => {
    let calls = 0;
    measureInvocation("sort-reduce", generateSortRecords(1_000, 2), {}, { ...options, collectGarbage: () => calls++ });
    expect(calls).toBe(expected);
  });

  it("a live-data memory call counts no garbage: memory ≥ input and the outputs are returned", () => {
    const input = generateSortRecords(50_000, 3);
    const m = measureInvocation("sort-reduce", input, {}, { separateMemoryCall: true, timedCalls: 1, collectGarbage: () => undefined });
    expect(m.memoryBytes).toBeGreaterThanOrEqual(input.length);
    expect(m.outputBytes).toBe(input.length);
  });

  it.each([0, 1.5, -1])("rejects timedCalls %s by name", (timedCalls) => {
    expect(() => measureInvocation("sort-reduce", new Uint8Array(0), {}, { timedCalls })).toThrow(/SLU7903[\s\S]*timedCalls/);
  });

  it("rejects an unknown function by name", () => {
    expect(() => measureInvocation("nope", new Uint8Array(0), {})).toThrow(expect.objectContaining({ code: codeOf("workloads.unknownFunction"), issues: [expect.objectContaining({ path: ["function"], actual: '"nope"', expected: expect.stringContaining("sort-map") })] }));
  });
});
