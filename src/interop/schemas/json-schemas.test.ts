/**
 * The shipped JSON Schemas are what the zod schemas generate (so they cannot drift), and every
 * example file validates against its schema: DAGs, platform files, column maps, the DAGs every
 * example workflow imports to, and the plans every example DAG gets.
 */
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { AWS_DEFAULT_PLATFORM } from "../../platform/aws-default.js";
import { plan } from "../../plan/plan.js";
import { importWorkflow } from "../import-workflow.js";
import { readExecutionHistory } from "../history/read-execution-history.js";
import type { ImportFormat } from "../import-report.js";
import { jsonSchema, schemaFiles, type SchemaName } from "./json-schemas.js";

type Validate = ((v: unknown) => boolean) & { errors?: unknown };
const Ajv2020 = createRequire(import.meta.url)("ajv/dist/2020.js") as { default: new (o: object) => { compile(s: object): Validate } };
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
const validators = new Map<SchemaName, Validate>();
const validatorOf = (name: SchemaName) => validators.get(name) ?? validators.set(name, ajv.compile(jsonSchema(name))).get(name)!;
function expectValid(name: SchemaName, value: unknown, what: string) {
  const v = validatorOf(name);
  expect(v(value), `${what}: ${JSON.stringify(v.errors)}`).toBe(true);
}

const json = (path: string) => JSON.parse(readFileSync(path, "utf8")) as unknown;
const files = (dir: string) => readdirSync(dir).sort();

/** Which schema each examples/ folder's files follow; a folder missing here fails the test. */
const FOLDER_SCHEMA: Readonly<Record<string, SchemaName | ImportFormat | "execution-history">> = {
  dags: "dag",
  platforms: "platform-overrides",
  "column-maps": "column-map",
  asl: "asl",
  "sebs-flow": "sebs-flow",
  "serverless-workflow": "serverless-workflow",
  // Not ours to give a schema: AWS's get-execution-history output, checked by reading it.
  history: "execution-history",
};

describe("JSON Schemas", () => {
  it("schemas/ holds exactly what the zod schemas generate (npm run schemas rewrites it)", () => {
    const generated = schemaFiles();
    expect(files("schemas")).toEqual(Object.keys(generated).sort());
    for (const [file, text] of Object.entries(generated)) expect(readFileSync(`schemas/${file}`, "utf8"), file).toBe(text);
  });

  it("every folder of examples/ with data files has a schema", () => {
    const folders = readdirSync("examples", { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.filter((f) => FOLDER_SCHEMA[f] === undefined)).toEqual([]);
  });

  it.each(Object.entries(FOLDER_SCHEMA))("every file of examples/%s validates", async (folder, kind) => {
    for (const file of files(`examples/${folder}`)) {
      const path = `examples/${folder}/${file}`;
      if (kind === "execution-history") expect(readExecutionHistory(json(path), file).records.length, path).toBeGreaterThan(0);
      else if (kind === "asl" || kind === "sebs-flow" || kind === "serverless-workflow") {
        const { dag } = await importWorkflow(kind, readFileSync(path, "utf8"), { source: file });
        expectValid("dag", dag, `${path} imported`);
      } else expectValid(kind, json(path), path);
    }
  });

  it("the plans of the example DAGs validate as plans, the default platform as a platform", async () => {
    for (const file of files("examples/dags")) expectValid("plan", JSON.parse(JSON.stringify(await plan(json(`examples/dags/${file}`), "1 GiB"))), file);
    expectValid("platform", AWS_DEFAULT_PLATFORM, "AWS_DEFAULT_PLATFORM");
  });

  it.each([
    ["dag", { stages: [{ id: "a" }] }, "a stage without its function"],
    // (A count's integer and > 0 checks are a zod refinement, which JSON Schema cannot carry: validateDag still rejects 0.)
    ["dag", { stages: [{ id: "a", function: "f", instances: "many" }] }, "instances neither a count, \"auto\" nor { min, max }"],
    ["dag", { stages: [{ id: "a", function: "f" }], edges: [{ from: "a", to: "a", pattern: "fan" }] }, "an unknown pattern"],
    ["platform-overrides", { vm: { cores: -1 } }, "negative cores"],
    ["platform-overrides", { vm: { corez: 4 } }, "a misspelt field"],
    ["column-map", { runtimeMs: { column: "took", unit: "hours" } }, "an unknown unit"],
    ["column-map", { runtime: "took" }, "an unknown field"],
    ["plan", { dagName: "x" }, "a plan missing its fields"],
  ] as [SchemaName, unknown, string][])("%s rejects %j (%s)", (name, value) => {
    expect(validatorOf(name)(value)).toBe(false);
  });
});
