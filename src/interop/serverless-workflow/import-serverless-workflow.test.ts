import { describe, expect, it } from "vitest";
import { codeOf } from "../../errors.js";
import { importServerlessWorkflow } from "../index.js";
import { rejectedInputError } from "../../../test/support/input-error.js";

const doc = (dsl: string, body: string) => `document:\n  dsl: '${dsl}'\n  namespace: test\n  name: wf\n  version: '0.1.0'\n${body}`;
const issuesOf = async (text: string) => (await rejectedInputError(() => importServerlessWorkflow(text, { source: "wf.yaml" }))).issues;

const TWO_CALLS = `do:\n  - fetch:\n      call: http\n      with:\n        method: get\n        endpoint: https://api.example.com/items\n  - store:\n      call: saveItems\n`;

describe("importServerlessWorkflow", () => {
  it.each(["1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0.0-alpha5"])("reads DSL %s (the SDK's deserialize refuses all but 1.0.0; its constructor is used)", async (dsl) => {
    const { dag, report } = await importServerlessWorkflow(doc(dsl, TWO_CALLS), { source: "wf.yaml" });
    expect(dag).toEqual({
      name: "wf",
      stages: [
        { id: "fetch", function: "GET https://api.example.com/items", instances: 1 },
        { id: "store", function: "saveItems", instances: 1 },
      ],
      edges: [{ from: "fetch", to: "store", pattern: "one-to-one" }],
    });
    expect(report.notes).toContain(`DSL ${dsl}`);
    expect(report.notes.some((n) => n.includes("SDK"))).toBe(false);
  });

  it("follows then: a switch loop back is a repeated stage; exit leaves the list", async () => {
    const text = doc("1.0.3", `do:
  - start:
      call: startJob
  - check:
      call: getJob
  - done:
      switch:
        - yes:
            when: .state == "DONE"
            then: finish
        - no:
            then: check
  - skipped:
      call: neverReached
      then: exit
  - finish:
      call: publish
`);
    const { dag, report } = await importServerlessWorkflow(text, { hints: { repeat: { check: 3 } } });
    expect(dag.stages.map((s) => [s.id, s.repeat ?? 1])).toEqual([["start", 1], ["check", 3], ["finish", 1]]);
    expect(report.loops[0]).toMatchObject({ states: ["check", "done"], via: "done", repeat: 3 });
    expect(report.dropped.map((d) => d.what)).toContain("skipped");
  });

  it.each([
    ["malformed YAML", "document: [\n", ["wf.yaml", "line 2"], codeOf("interop.malformedDocument")],
    ["a 0.x document", `id: old\nversion: '1.0'\nspecVersion: '0.8'\nstates: []\n`, ["specVersion"], codeOf("interop.unsupportedVersion")],
    ["an unsupported DSL version", doc("2.0.0", TWO_CALLS), ["document", "dsl"], codeOf("interop.unsupportedVersion")],
    ["an unknown task type", doc("1.0.0", `do:\n  - a:\n      teleport: {}\n`), ["do", 0, "a"], codeOf("interop.unknownStateType")],
    ["then naming a missing task", doc("1.0.0", `do:\n  - a:\n      call: f\n      then: nowhere\n`), ["do", 0, "a", "then"], codeOf("interop.missingState")],
    ["a task list that is not a list", doc("1.0.0", `do: 42\n`), ["do"], codeOf("interop.wrongShape")],
    // two tasks named a in one list: `then: a` could mean either
    ["a task name used twice in one list", doc("1.0.0", `do:\n  - a:\n      call: f\n  - a:\n      call: g\n`), ["do", 1, "a"], codeOf("interop.duplicateTask")],
    // a → b → a through plain `then`: nothing can leave the loop.
    ["a cycle no switch leaves", doc("1.0.0", `do:\n  - a:\n      call: f\n  - b:\n      call: g\n      then: a\n`), ["do", 1, "b", "then"], codeOf("interop.endlessCycle")],
  ])("rejects %s, naming its path", async (_what, text, path, code) => {
    const issues = await issuesOf(text);
    expect(issues[0]?.code).toBe(code);
    expect(issues[0]?.path.slice(0, path.length)).toEqual(path);
  });

  it("reports what the SDK's schema says of a document it can still read", async () => {
    // `while` is newer than the SDK's 1.0.0 schema.
    const { dag, report } = await importServerlessWorkflow(doc("1.0.3", `do:\n  - pages:\n      while: .next != null\n      do:\n        - get:\n            call: getPage\n`));
    expect(dag.stages).toEqual([{ id: "get", function: "getPage", instances: 1 }]);
    expect(report.notes.some((n) => n.startsWith("the SDK's 1.0.0 schema check reports"))).toBe(true);
  });

  it("runs a listen task's foreach list once per consumed event (a loop after the listen stage)", async () => {
    const text = doc("1.0.3", `do:
  - gossip:
      listen:
        to:
          any: []
      foreach:
        item: event
        do:
          - post:
              call: http
              with:
                method: post
                endpoint: https://chat.example.com/room
`);
    const { dag, report } = await importServerlessWorkflow(text, { hints: { repeat: { "gossip (foreach)": 25 } } });
    expect(dag.stages.map((s) => [s.id, s.function, s.repeat ?? 1])).toEqual([["gossip", "listen:gossip", 1], ["post", "POST https://chat.example.com/room", 25]]);
    expect(report.loops[0]).toMatchObject({ via: "gossip (foreach)", repeat: 25, stages: ["post"] });
  });

  it("reads the 1.0.0-alpha1 form (do as a map of tasks), and drops a task-level catch as an error path", async () => {
    const text = doc("1.0.0-alpha1", `do:
  first:
    call: a
    catch:
      do:
        - recover:
            call: cleanup
  second:
    call: b
`);
    const { dag, report } = await importServerlessWorkflow(text);
    expect(dag.stages.map((s) => s.function)).toEqual(["a", "b"]);
    expect(report.dropped.map((d) => d.path)).toContain("$.do[0].first.catch.do");
    expect(report.notes.some((n) => n.includes("1.0.0-alpha1"))).toBe(true);
  });
});
