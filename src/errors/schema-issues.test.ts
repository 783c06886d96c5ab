import { describe, expect, it } from "vitest";
import { InputError } from "./error-classes.js";
import { parseStrict, schemaIssues } from "./schema-issues.js";
import { nestedTestSchema } from "../../test/support/nested-test-schema.js";

const schema = nestedTestSchema;
const KEYS = { unknownKey: "dag.unknownKey", wrongType: "dag.wrongType", badValue: "dag.badValue" } as const;

describe("schemaIssues", () => {
  it("reports an unknown key with a suggestion, a wrong type without coercion, and an out-of-range value", () => {
    const issues = schemaIssues(schema, { stages: [{ id: "a", instancez: 2 }, { id: "b", instances: "4" }, { id: "c", instances: 0 }] }, KEYS);
    expect(issues).toEqual([
      expect.objectContaining({ code: "SLU2001", path: ["stages", 0, "instancez"], message: 'unknown DAG field; did you mean "instances"?', expected: "one of id, instances", actual: '"instancez"' }),
      expect.objectContaining({ code: "SLU2002", path: ["stages", 1, "instances"], expected: "number", actual: '"4"' }),
      expect.objectContaining({ code: "SLU2003", path: ["stages", 2, "instances"], expected: "> 0", actual: "0" }),
    ]);
  });

  it("prefixes a root path and says what is missing", () => {
    expect(schemaIssues(schema, {}, KEYS, ["dag"])).toEqual([expect.objectContaining({ code: "SLU2002", path: ["dag", "stages"], expected: "array", actual: "nothing" })]);
  });

  it("parseStrict returns the parsed value or throws one InputError with every issue", () => {
    expect(parseStrict(schema, { stages: [] }, KEYS, "Invalid DAG")).toEqual({ name: "x", stages: [] });
    expect(() => parseStrict(schema, { stages: [], nmae: "y" }, KEYS, "Invalid DAG")).toThrow(InputError);
  });
});
