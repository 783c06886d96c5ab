import { describe, expect, it } from "vitest";
import { InputError, codeOf } from "../../errors.js";
import { importAsl } from "../index.js";
import { rejectedInputError } from "../../../test/support/input-error.js";

const issuesOf = async (input: string | object, source = "sm.asl.json") => (await rejectedInputError(() => importAsl(input, { source }))).issues;

const task = (next?: string) => ({ Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "fn" }, ...(next ? { Next: next } : { End: true }) });

describe("importAsl: bad input is one InputError naming each field by its JSON path", () => {
  it.each([
    ["malformed JSON, with its line", '{\n  "StartAt": "A",\n  "States": {,}\n}', ["sm.asl.json", "line 3"], codeOf("interop.malformedDocument")],
    ["malformed YAML, with its line", "StartAt: A\nStates:\n  A: [unclosed\n", ["sm.asl.yaml", "line 4"], codeOf("interop.malformedDocument")],
    ["an unknown state type", { StartAt: "A", States: { A: { Type: "Teleport", End: true } } }, ["States", "A", "Type"], codeOf("interop.unknownStateType")],
    ["a Next naming a missing state", { StartAt: "A", States: { A: task("Nowhere") } }, ["States", "A", "Next"], codeOf("interop.missingState")],
    ["a missing StartAt target", { StartAt: "Z", States: { A: task() } }, ["StartAt"], codeOf("interop.missingStart")],
    ["a Choice rule naming a missing state", { StartAt: "C", States: { C: { Type: "Choice", Choices: [{ Variable: "$.x", IsPresent: true, Next: "Gone" }], Default: "A" }, A: task() } }, ["States", "C", "Choices", 0, "Next"], codeOf("interop.missingState")],
    ["a missing state inside a Map", { StartAt: "M", States: { M: { Type: "Map", ItemProcessor: { StartAt: "T", States: { T: task("U") } }, End: true } } }, ["States", "M", "ItemProcessor", "States", "T", "Next"], codeOf("interop.missingState")],
    ["a Task without a Resource", { StartAt: "A", States: { A: { Type: "Task", End: true } } }, ["States", "A", "Resource"], codeOf("interop.wrongShape")],
    ["a state with neither Next nor End", { StartAt: "A", States: { A: { Type: "Pass" } } }, ["States", "A"], codeOf("interop.badValue")],
    // A → B → A by plain Next: no Choice can leave it, so it never ends.
    ["a cycle that is not a loop through a Choice", { StartAt: "A", States: { A: task("B"), B: task("A") } }, ["States", "B", "Next"], codeOf("interop.endlessCycle")],
  ])("%s", async (_what, input, path, code) => {
    const source = typeof input === "string" && input.startsWith("StartAt") ? "sm.asl.yaml" : "sm.asl.json";
    const issues = await issuesOf(input, source);
    expect(issues[0]?.code).toBe(code);
    expect(issues[0]?.path.slice(0, path.length)).toEqual(path);
  });

  it("lists every fault at once", async () => {
    const issues = await issuesOf({ StartAt: "A", States: { A: { Type: "Nope", End: true }, B: { Type: "Task", End: true } } });
    expect(issues.map((i) => i.path.join("."))).toEqual(["States.A.Type", "States.B.Resource"]);
  });
});

describe("importAsl: what the document leaves open is a default, named in the report", () => {
  // Poll: Start → Wait → Get → Choice(done? → Finish : Wait). The loop is Wait → Get → Choice.
  const polling = {
    StartAt: "Start",
    States: {
      Start: { Type: "Task", Resource: "arn:aws:states:::aws-sdk:glue:startJobRun", Next: "Wait" },
      Wait: { Type: "Wait", Seconds: 5, Next: "Get" },
      Get: { Type: "Task", Resource: "arn:aws:states:::aws-sdk:glue:getJobRun", Next: "Done?" },
      "Done?": { Type: "Choice", Choices: [{ Variable: "$.state", StringEquals: "SUCCEEDED", Next: "Finish" }], Default: "Wait" },
      Finish: { Type: "Task", Resource: "arn:aws:lambda:us-east-1:1:function:finish", End: true },
    },
  };

  it("keeps a polling loop as one stage that repeats once by default, and a hint raises it", async () => {
    const plain = await importAsl(polling);
    expect(plain.dag.stages.map((s) => [s.id, s.function, s.repeat ?? 1])).toEqual([
      ["Start", "glue:startJobRun", 1],
      ["Get", "glue:getJobRun", 1],
      ["Finish", "finish", 1],
    ]);
    expect(plain.report.loops).toEqual([expect.objectContaining({ states: ["Wait", "Get", "Done?"], via: "Done?", repeat: 1, repeatSource: "default", stages: ["Get"] })]);
    expect(plain.report.defaults.some((d) => d.includes("runs 1 time (default"))).toBe(true);
    // A hint on any state of the loop (here its Choice) sets the count.
    const hinted = await importAsl(polling, { hints: { repeat: { "Done?": 6 } } });
    expect(hinted.dag.stages.find((s) => s.id === "Get")?.repeat).toBe(6);
    expect(hinted.report.loops[0]?.repeatSource).toBe("hint");
  });

  it.each([
    // [MaxConcurrency, hint, default fanout] → instances, source
    [undefined, undefined, undefined, 10, "default"], // the stated default fanout
    [25, undefined, undefined, 25, "document"], // MaxConcurrency bounds the parallel items
    [0, undefined, undefined, 10, "default"], // 0 means unbounded: the default applies
    [25, 7, undefined, 7, "hint"], // a hint beats MaxConcurrency
    [undefined, undefined, 3, 3, "default"], // the default itself can be set
  ])("a Map with MaxConcurrency %s, hint %s, default %s runs %s instances (%s)", async (max, hint, defaultFanout, instances, source) => {
    const doc = { StartAt: "M", States: { M: { Type: "Map", ...(max !== undefined ? { MaxConcurrency: max } : {}), ItemProcessor: { StartAt: "T", States: { T: task() } }, End: true } } };
    const { dag, report } = await importAsl(doc, { hints: { ...(hint !== undefined ? { fanout: { M: hint } } : {}), ...(defaultFanout !== undefined ? { defaultFanout } : {}) } });
    expect(dag.stages[0]?.instances).toBe(instances);
    expect(report.stages[0]?.instancesSource).toBe(source);
  });

  it("caps nested distributed Maps at 10,000 instances and says so", async () => {
    // 300 × 100 = 30,000 > 10,000.
    const inner = { Type: "Map", MaxConcurrency: 100, ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED" }, StartAt: "T", States: { T: task() } }, End: true };
    const doc = { StartAt: "Outer", States: { Outer: { Type: "Map", MaxConcurrency: 300, ItemProcessor: { ProcessorConfig: { Mode: "DISTRIBUTED" }, StartAt: "Inner", States: { Inner: inner } }, End: true } } };
    const { dag, report } = await importAsl(doc);
    expect(dag.stages[0]?.instances).toBe(10_000);
    expect(report.defaults.some((d) => d.includes("300 × 100 instances capped at 10000"))).toBe(true);
  });

  it("reads the output of describe-state-machine (definition as a string) and keeps ${} placeholders", async () => {
    const definition = JSON.stringify({ StartAt: "A", States: { A: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "${ProcessFunctionArn}", "Payload.$": "$" }, End: true } } });
    const { dag } = await importAsl({ name: "my-machine", definition });
    expect(dag).toEqual({ name: "my-machine", stages: [{ id: "A", function: "${ProcessFunctionArn}", instances: 1 }], edges: [] });
  });

  it("imports a machine with no work as one stage, and says why", async () => {
    const { dag, report } = await importAsl({ StartAt: "P", States: { P: { Type: "Pass", End: true } } }, { source: "noop.asl.json" });
    expect(dag.stages).toEqual([{ id: "noop", function: "noop", instances: 1 }]);
    expect(report.notes.some((n) => n.includes("imported as one stage"))).toBe(true);
  });
});
