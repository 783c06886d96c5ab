import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";

// A scheduler loads the package by its name, from ES modules or from CommonJS. Node resolves the
// name through package.json's "exports" (a package may name itself), so these run what a user's
// `import("sluice")` and `require("sluice")` run: dist/, which `npm ci` builds (the prepare script).
const DAG = { name: "mr", stages: [{ id: "map", function: "sort-map", instances: 2 }, { id: "reduce", function: "sort-reduce", instances: 2 }], edges: [{ from: "map", to: "reduce", pattern: "shuffle" }] };

function node(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, args, { encoding: "utf8", timeout: 60_000 });
}

describe("the package by its name", () => {
  it("is built (npm ci runs the build)", () => {
    expect(existsSync("dist/index.js"), "dist/index.js: run npm run build").toBe(true);
  });

  it("plans from an ES module: import(\"sluice\")", () => {
    const r = node(["--input-type=module", "-e", `const { plan } = await import("sluice"); const p = await plan(${JSON.stringify(DAG)}, "1 GiB"); console.log(p.status, p.edges.length);`]);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("ok 1");
  });

  it("plans from CommonJS: require(\"sluice\") (Node ≥ 20.19 loads the ES module)", () => {
    const r = node(["-e", `const { plan, InputError } = require("sluice"); plan(${JSON.stringify(DAG)}, "1 GiB").then((p) => console.log(p.status, p.edges.length, typeof InputError));`]);
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("ok 1 function");
  });
});
