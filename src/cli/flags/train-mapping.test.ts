import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMapping } from "./train-mapping.js";

describe("buildMapping", () => {
  it("parses column flags into the API's mapping, field names in any style", async () => {
    expect(await buildMapping({ column: ["runtime_ms=took:s", "inputBytes=dl"], derive: ["outputBytes=a + b:KiB"], constant: ["app=x"], where: "x > 1" })).toEqual({
      columns: { runtimeMs: { column: "took", unit: "s" }, inputBytes: { column: "dl" }, outputBytes: { expr: "a + b", unit: "KiB" }, app: { value: "x" } },
      where: "x > 1",
      onInvalid: "throw",
    });
    await expect(buildMapping({ column: ["speed=x"] })).rejects.toThrow("FIELD one of");
    await expect(buildMapping({ next: ["a=b"] })).rejects.toThrow("SLU1205 --next");
  });

  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sluice-train-mapping-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("takes each function's next stages from a DAG file's edges with --dag, and --next adds to them", async () => {
    const dag = { name: "d", stages: [{ id: "a", function: "fa" }, { id: "b", function: "fb" }, { id: "c", function: "fc" }], edges: [{ from: "a", to: "b", pattern: "shuffle" }, { from: "a", to: "c", pattern: "broadcast" }] };
    const file = path.join(dir, "dag.json");
    await writeFile(file, JSON.stringify(dag));
    // fa → fb and fc from the edges; fc's next stage only from --next.
    expect((await buildMapping({ "fanout-run": "run", dag: file, next: ["fc=fd"] })).fanoutFromRuns).toEqual({ runColumn: "run", next: { fa: ["fb", "fc"], fc: ["fd"] } });
  });

  it.each([
    { name: "a file that is not JSON", text: "{", message: /--dag.*a DAG JSON file/ },
    { name: "a DAG that fails its schema", text: JSON.stringify({ stages: "x" }), message: /--dag.*a DAG JSON file/ },
  ])("rejects $name naming --dag", async ({ text, message }) => {
    const file = path.join(dir, "bad.json");
    await writeFile(file, text);
    await expect(buildMapping({ "fanout-run": "run", dag: file })).rejects.toThrow(message);
  });
});
