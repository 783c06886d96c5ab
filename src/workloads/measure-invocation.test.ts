import { describe, expect, it } from "vitest";
import { codeOf } from "../errors.js";
import { generateSortRecords } from "./gen-sort-records.js";
import { measureInvocation } from "./measure-invocation.js";

describe("measureInvocation", () => {
  it("returns the function's outputs with their total size, a runtime and memory ≥ the input", () => {
    const input = generateSortRecords(20_000, 1);
    const m = measureInvocation("sort-map", input, { partitionUnitBytes: 1_500 }); // ⌈√(20000/1500)⌉ = ⌈√13.3⌉ = ⌈3.65⌉ = 4 partitions
    expect(m.outputs).toHaveLength(4);
    expect(m.outputBytes).toBe(input.length);
    expect(m.runtimeMs).toBeGreaterThanOrEqual(0);
    expect(m.memoryBytes).toBeGreaterThanOrEqual(input.length);
  });

  it("calls the garbage collector hook before the baseline", () => {
    let calls = 0;
    measureInvocation("sort-reduce", generateSortRecords(1_000, 2), {}, () => calls++);
    expect(calls).toBe(1);
  });

  it("rejects an unknown function by name", () => {
    expect(() => measureInvocation("nope", new Uint8Array(0), {})).toThrow(expect.objectContaining({ code: codeOf("workloads.unknownFunction"), issues: [expect.objectContaining({ path: ["function"], actual: '"nope"', expected: expect.stringContaining("sort-map") })] }));
  });
});
