import { describe, expect, it } from "vitest";
import { writeLpFormat } from "./lp-format.js";
import type { MilpModel } from "./model.js";
import { buildNameMap, mapValuesToCaller } from "./name-map.js";

const model: MilpModel = {
  direction: "maximize",
  objective: { "y[map->reduce][direct]": 3, "t e": -0.5 },
  constraints: [
    { name: "range", terms: { "y[map->reduce][direct]": 1, "t e": 2 }, lower: 1, upper: 4 },
    { name: "eq", terms: { "t e": 1 }, lower: 2, upper: 2 },
    { name: "free row", terms: { "t e": 1 } },
  ],
  variables: [
    { name: "y[map->reduce][direct]", kind: "binary" },
    { name: "t e", kind: "continuous", lower: Number.NEGATIVE_INFINITY },
  ],
};

describe("writeLpFormat", () => {
  const text = writeLpFormat(model, buildNameMap(model));

  it("uses only internal names", () => {
    expect(text).not.toContain("map->reduce");
    expect(text).toContain("obj: + 3 x0 - 0.5 x1");
  });

  it("splits ranges, keeps equalities, drops free rows", () => {
    expect(text).toContain("c0_lo: + 1 x0 + 2 x1 >= 1");
    expect(text).toContain("c0_hi: + 1 x0 + 2 x1 <= 4");
    expect(text).toContain("c1: + 1 x1 = 2");
    expect(text).not.toContain("c2");
  });

  it("writes binaries as bounded general integers and free variables as free", () => {
    expect(text).toContain("0 <= x0 <= 1");
    expect(text).toContain("x1 free");
    expect(text).toMatch(/General\n x0\nEnd/);
  });
});

describe("name map", () => {
  it("maps internal values back to caller names, missing ones as 0", () => {
    const names = buildNameMap(model);
    expect(mapValuesToCaller(names, (id) => (id === "x0" ? 1 : undefined))).toEqual({ "y[map->reduce][direct]": 1, "t e": 0 });
  });
});
