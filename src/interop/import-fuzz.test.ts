/**
 * Property: whatever document an importer is handed — well-formed or not, with cycles, missing
 * states, unknown types, wrong value types — it returns a DAG that validateDag accepts, or throws
 * one InputError with issues; never another error, never a hang.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateDag } from "../dag/validate-dag.js";
import { InputError } from "../errors.js";
import type { ImportFormat } from "./import-report.js";
import { importWorkflow } from "./import-workflow.js";

const NAMES = ["A", "B", "C", "D", "E"];
// Mostly well-formed, sometimes not: a missing state, a value of the wrong type.
const name = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...NAMES) }, { weight: 1, arbitrary: fc.constant("Missing") });
const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.string({ maxLength: 4 }), fc.constant([]), fc.constant({}));
const mostly = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> => fc.oneof({ weight: 15, arbitrary: a }, { weight: 1, arbitrary: junk });
/** A record of the five state names, each mapped by `state`: every name exists, so transitions mostly resolve. */
const allStates = (state: fc.Arbitrary<unknown>) => fc.tuple(...NAMES.map(() => state)).map((xs) => Object.fromEntries(NAMES.map((n, i) => [n, xs[i]])));

const aslScope = (depth: number): fc.Arbitrary<unknown> =>
  fc.record({
    StartAt: mostly(fc.constant("A")),
    States: allStates(
      fc.oneof(
        { weight: 4, arbitrary: fc.record({ Type: fc.constant("Task"), Resource: mostly(fc.constantFrom("arn:aws:states:::lambda:invoke", "arn:aws:states:::aws-sdk:s3:getObject", "${Fn}")), Next: fc.option(name, { nil: undefined }), End: fc.constant(true) }) },
        fc.record({ Type: mostly(fc.constantFrom("Pass", "Wait", "Succeed", "Fail")), Next: fc.option(name, { nil: undefined }), End: fc.constant(true) }),
        fc.record({ Type: fc.constant("Choice"), Choices: mostly(fc.array(fc.record({ Next: name }), { minLength: 1, maxLength: 3 })), Default: fc.option(name, { nil: undefined }) }),
        ...(depth > 0
          ? [
              fc.record({ Type: fc.constant("Parallel"), Branches: mostly(fc.array(aslScope(depth - 1), { minLength: 1, maxLength: 2 })), Next: fc.option(name, { nil: undefined }), End: fc.constant(true) }),
              fc.record({ Type: fc.constant("Map"), MaxConcurrency: fc.option(mostly(fc.nat(50)), { nil: undefined }), ItemProcessor: aslScope(depth - 1), Next: fc.option(name, { nil: undefined }), End: fc.constant(true) }),
            ]
          : []),
      ),
    ),
  });

const sebsScope = (depth: number): fc.Arbitrary<unknown> =>
  fc.record({
    root: mostly(fc.constant("A")),
    states: allStates(
      fc.oneof(
        { weight: 4, arbitrary: fc.record({ type: mostly(fc.constantFrom("task", "repeat", "loop")), func_name: mostly(fc.constantFrom("f", "g")), count: mostly(fc.integer({ min: 1, max: 4 })), next: fc.option(name, { nil: undefined }) }) },
        fc.record({ type: fc.constant("switch"), cases: mostly(fc.array(fc.record({ next: name }), { minLength: 1, maxLength: 3 })), default: fc.option(name, { nil: undefined }) }),
        ...(depth > 0 ? [fc.record({ type: fc.constant("map"), root: fc.constant("A"), states: sebsScope(depth - 1).map((s) => (s as { states: unknown }).states), next: fc.option(name, { nil: undefined }) }), fc.record({ type: fc.constant("parallel"), parallel_functions: mostly(fc.array(sebsScope(depth - 1), { minLength: 1, maxLength: 2 })), next: fc.option(name, { nil: undefined }) })] : []),
      ),
    ),
  });

const swTask = (depth: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ call: mostly(fc.constantFrom("http", "myFn", "grpc")), then: fc.option(fc.oneof(name, fc.constantFrom("exit", "end", "continue")), { nil: undefined }), if: fc.option(fc.constant(".x"), { nil: undefined }) }) },
    fc.record({ switch: mostly(fc.array(fc.dictionary(fc.constantFrom("c1", "c2"), fc.record({ when: fc.option(fc.constant(".y"), { nil: undefined }), then: name }), { minKeys: 1, maxKeys: 1 }), { minLength: 1, maxLength: 2 })) }),
    fc.record({ set: fc.constant({}), then: fc.option(name, { nil: undefined }) }),
    ...(depth > 0 ? [fc.record({ for: fc.constant({ each: "i", in: ".xs" }), do: swList(depth - 1) }), fc.record({ fork: fc.record({ branches: swList(depth - 1) }) }), fc.record({ try: swList(depth - 1), catch: fc.constant({ do: [] }) })] : []),
  );
// Task names A, B, C… in order, so `then` targets mostly exist.
const swList = (depth: number): fc.Arbitrary<unknown> => mostly(fc.array(swTask(depth), { minLength: 1, maxLength: 5 }).map((ts) => ts.map((t, i) => ({ [NAMES[i]!]: t }))));
const swDoc = fc.record({ document: fc.record({ dsl: mostly(fc.constantFrom("1.0.0", "1.0.3")), namespace: fc.constant("t"), name: fc.constant("w"), version: fc.constant("1") }), do: swList(2) });

async function importsOrRejects(format: ImportFormat, doc: unknown, seen: { imported: number; rejected: number }): Promise<void> {
  try {
    const { dag } = await importWorkflow(format, doc as object);
    expect(() => validateDag(dag)).not.toThrow();
    seen.imported++;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
    seen.rejected++;
  }
}

describe("importers never crash (property)", () => {
  it.each([
    ["asl", aslScope(2)],
    ["sebs-flow", sebsScope(2)],
    ["serverless-workflow", swDoc],
  ] as [ImportFormat, fc.Arbitrary<unknown>][])("%s: a valid DAG or an InputError", async (format, arb) => {
    const seen = { imported: 0, rejected: 0 };
    await fc.assert(fc.asyncProperty(arb, (doc) => importsOrRejects(format, doc, seen)), { numRuns: format === "serverless-workflow" ? 120 : 300, seed: 8 });
    // Both outcomes occur, so neither branch is vacuous.
    expect(seen.imported).toBeGreaterThan(0);
    expect(seen.rejected).toBeGreaterThan(0);
  });
});
