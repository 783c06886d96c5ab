import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { prepareProblem } from "./prepare-problem.js";

const sort = { name: "s", stages: [{ id: "map", function: "sort-map", instances: 4 }, { id: "reduce", function: "sort-reduce" }], edges: [{ from: "map", to: "reduce", pattern: "shuffle" }] };

describe("prepareProblem() with a caller's options object", () => {
  // The resolved platform was memoised per options object: a caller reusing one object and changing
  // it between calls got the first call's platform (coldFraction 0 after setting it to 1).
  it("reads the object as it is at each call", async () => {
    const options: { budgetUsd: number; coldFraction?: number } = { budgetUsd: 1 };
    const first = await prepareProblem(sort, "1 GiB", options);
    options.coldFraction = 1;
    const second = await prepareProblem(sort, "1 GiB", options);
    expect(first.problem.platform.invocation.coldFraction).toBe(0);
    expect(second.problem.platform.invocation.coldFraction).toBe(1);
  });

  it("checks it again at each call", async () => {
    const options: Record<string, unknown> = {};
    await prepareProblem(sort, "1 GiB", options);
    options["quantile"] = "0.9";
    await expect(prepareProblem(sort, "1 GiB", options)).rejects.toBeInstanceOf(InputError);
  });

  it("throws an InputError, not a TypeError, for null", async () => {
    await expect(prepareProblem(sort, "1 GiB", null as never)).rejects.toBeInstanceOf(InputError);
  });
});
