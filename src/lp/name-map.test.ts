import { describe, expect, it } from "vitest";
import { codeOf } from "../errors.js";
import { buildNameMap, lookupVariableId, mapValuesToCaller } from "./name-map.js";
import type { MilpModel } from "./model.js";

// Two variables with names no LP-format reader takes as they are.
const model: MilpModel = {
  direction: "minimize",
  objective: { "y[a->b][direct]": 1 },
  constraints: [{ name: "one mode", terms: { "y[a->b][direct]": 1, "2nd var": 1 }, lower: 1 }],
  variables: [
    { name: "y[a->b][direct]", kind: "binary" },
    { name: "2nd var", kind: "continuous" },
  ],
};
const names = buildNameMap(model);

describe("buildNameMap", () => {
  it.each([
    // variables are x<i> and constraints c<j>, in model order
    { name: "y[a->b][direct]", id: "x0" },
    { name: "2nd var", id: "x1" },
  ])("maps $name to $id and back", ({ name, id }) => {
    expect(lookupVariableId(names, name)).toBe(id);
    expect(names.variableOfId.get(id)).toBe(name);
  });

  it("reads engine values back under the caller's names; a missing value reads as 0", () => {
    expect(mapValuesToCaller(names, (id) => (id === "x0" ? 1 : undefined))).toEqual({ "y[a->b][direct]": 1, "2nd var": 0 });
  });

  it.each([
    // a name the model does not declare: validateMilpModel refuses such a model, so only a bug reaches here
    { name: "y[a->c][direct]" },
    { name: "" },
    { name: "__proto__" },
  ])("a variable the model does not declare ($name) is the internal error SLU9002", ({ name }) => {
    expect(() => lookupVariableId(names, name)).toThrow(expect.objectContaining({ code: codeOf("internal.unknownLpVariable"), exitCode: 70 }));
  });
});
