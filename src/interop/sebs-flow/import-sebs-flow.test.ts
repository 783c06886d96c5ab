import { describe, expect, it } from "vitest";
import { codeOf } from "../../errors.js";
import { importSebsFlow } from "../index.js";
import { rejectedInputError } from "../../../test/support/input-error.js";

const issuesOf = async (doc: object) => (await rejectedInputError(() => importSebsFlow(doc))).issues;

describe("importSebsFlow", () => {
  it("reads every state type: task, map (func_name and nested states), repeat, loop, parallel (dict and list), switch", async () => {
    const { dag, report } = await importSebsFlow({
      root: "gen",
      states: {
        gen: { type: "task", func_name: "generate", next: "pick" },
        pick: { type: "switch", cases: [{ var: "n", op: ">", val: 3, next: "fan" }], default: "one" },
        fan: { type: "map", func_name: "process", array: "items", next: "join" },
        one: { type: "repeat", func_name: "process_one", count: 3, next: "join" },
        join: { type: "parallel", parallel_functions: [{ root: "a", states: { a: { type: "task", func_name: "fa" } } }, { root: "b", states: { b: { type: "loop", func_name: "fb", array: "xs" } } }], next: "end" },
        end: { type: "map", root: "e", array: "parts", states: { e: { type: "task", func_name: "finish" } } },
      },
    }, { hints: { fanout: { fan: 4, end: 2 }, repeat: { b: 5 } } });
    expect(dag.stages.map((s) => [s.id, s.function, s.instances, s.repeat ?? 1])).toEqual([
      ["gen", "generate", 1, 1],
      ["fan", "process", 4, 1], // the fanout hint for the map
      ["one", "process_one", 1, 3], // repeat: count 3, from the document
      ["a", "fa", 1, 1],
      ["b", "fb", 1, 5], // loop: one run per element, hinted 5
      ["e", "finish", 2, 1],
    ]);
    // gen → fan (scatter 1→4), gen → one; fan gathers into a and b (4→1); one → a, b; a, b scatter into e (1→2).
    expect((dag.edges ?? []).map((e) => `${e.from}->${e.to}:${e.pattern}`)).toEqual([
      "gen->fan:scatter", "gen->one:one-to-one", "fan->a:gather", "one->a:one-to-one", "fan->b:gather", "one->b:one-to-one", "a->e:scatter", "b->e:scatter",
    ]);
    expect(report.stages.filter((s) => s.conditional).map((s) => s.id)).toEqual(["fan", "one"]);
  });

  it.each([
    ["an unknown state type", { root: "a", states: { a: { type: "teleport" } } }, ["states", "a", "type"], codeOf("interop.unknownStateType")],
    ["a next naming a missing state", { root: "a", states: { a: { type: "task", func_name: "f", next: "b" } } }, ["states", "a", "next"], codeOf("interop.missingState")],
    ["a root naming a missing state", { root: "z", states: { a: { type: "task", func_name: "f" } } }, ["root"], codeOf("interop.missingStart")],
    ["a task without func_name", { root: "a", states: { a: { type: "task" } } }, ["states", "a", "func_name"], codeOf("interop.wrongShape")],
    ["a repeat with count 0", { root: "a", states: { a: { type: "repeat", func_name: "f", count: 0 } } }, ["states", "a", "count"], codeOf("interop.badValue")],
    ["a missing state inside a map", { root: "m", states: { m: { type: "map", root: "x", array: "a", states: { y: { type: "task", func_name: "f" } } } } }, ["states", "m", "root"], codeOf("interop.missingStart")],
    // a → b → a with no switch on the way never ends.
    ["a cycle that no switch leaves", { root: "a", states: { a: { type: "task", func_name: "f", next: "b" }, b: { type: "task", func_name: "g", next: "a" } } }, ["states", "b", "next"], codeOf("interop.endlessCycle")],
  ])("rejects %s, naming its JSON path", async (_what, doc, path, code) => {
    const issues = await issuesOf(doc);
    expect(issues[0]?.code).toBe(code);
    expect(issues[0]?.path).toEqual(path);
  });

  it("keeps a loop back through a switch as a repeated stage", async () => {
    const { dag, report } = await importSebsFlow({
      root: "poll",
      states: {
        poll: { type: "task", func_name: "check", next: "ready" },
        ready: { type: "switch", cases: [{ var: "done", op: "==", val: true, next: "use" }], default: "poll" },
        use: { type: "task", func_name: "use" },
      },
    }, { hints: { repeat: { poll: 4 } } });
    expect(dag.stages.map((s) => [s.id, s.repeat ?? 1])).toEqual([["poll", 4], ["use", 1]]);
    expect(report.loops[0]).toMatchObject({ states: ["poll", "ready"], via: "ready", repeat: 4, repeatSource: "hint" });
  });
});
