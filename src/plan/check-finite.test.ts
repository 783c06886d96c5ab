import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { nonFinitePaths } from "./check-finite.js";
import { plan } from "./plan.js";

const DAG = { name: "d", stages: [{ id: "map", function: "sort-map", instances: 4 }, { id: "reduce", function: "sort-reduce", instances: 4 }], edges: [{ from: "map", to: "reduce", pattern: "shuffle" }] };

describe("nonFinitePaths", () => {
  it("finds NaN and ±Infinity at any depth, in objects, arrays and Maps", () => {
    expect(nonFinitePaths({ a: 1, b: [2, Number.NaN], c: new Map([["k", { d: Infinity }]]), e: -Infinity })).toEqual([["b", 1], ["c", "k", "d"], ["e"]]);
    expect(nonFinitePaths({ a: 1, b: "NaN", c: null })).toEqual([]);
  });
});

describe("plan() never returns NaN or Infinity", () => {
  it("a NIC of 1e-300 bytes/s is an error naming the field, not a plan with Infinity in it", async () => {
    const err = await plan(DAG, "100 MB", { platform: { vm: { nicBytesPerSecond: 1e-300 } } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const issues = (err as InputError).issues;
    expect(issues.every((i) => i.code === "SLU6012" && i.message.endsWith("it comes from platform.vm.nicBytesPerSecond = 1e-300"))).toBe(true);
    // the direct transfer divides by the NIC: its time is one of the named quantities
    expect(issues.map((i) => i.path.slice(0, 3).join("."))).toContain("edges.map->reduce.direct");
  });

  it("a profile that returns Infinity is named with its function", async () => {
    const profiles = { f: { runtimeMs: () => 1e308 * 10, memoryMb: () => 100, outputBytes: (b: number) => b, fanout: () => 1 } };
    const err = await plan({ stages: [{ id: "a", function: "f" }] }, "1 GB", { profiles }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "SLU4024", issues: [expect.objectContaining({ path: ["profiles", "f", "runtimeMs"] })] });
  });

  it("finite but huge predictions that overflow when summed are caught", async () => {
    const profiles = { f: { runtimeMs: () => 1e308, memoryMb: () => 100, outputBytes: () => 1, fanout: () => 1 } };
    const err = await plan({ stages: [{ id: "a", function: "f", instances: 1 }, { id: "b", function: "f", instances: 1 }], edges: [{ from: "a", to: "b", pattern: "one-to-one" }] }, "1 GB", { profiles }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe("SLU6012");
  });
});
