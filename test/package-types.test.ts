import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// A scheduler written in TypeScript compiles against the published declarations (dist/*.d.ts) with
// `tsc --strict`, its own `types: ["node"]` and no skipLibCheck. The public types used to reach
// @tensorflow/tfjs-core's declarations (TrainOptions → mlp.d.ts and tf-backend.d.ts), which need
// @types/long in scope: "error TS2304: Cannot find name 'Long'" in such a project.
const CONSUMER = `
import { plan, evaluate, InputError, SluiceError, type Plan, type DagInput, type Evaluation, type PlanOptions, type StagePlacement } from "sluice";

type IsAny<T> = 0 extends 1 & T ? true : false;
function notAny<T>(_value: T, _check: IsAny<T> extends true ? never : true): void {}

const dag: DagInput = {
  name: "mapreduce-sort",
  stages: [{ id: "map", function: "sort-map", instances: 30 }, { id: "reduce", function: "sort-reduce" }],
  edges: [{ from: "map", to: "reduce", pattern: "shuffle" }],
};
const options: PlanOptions = { budgetUsd: 0.2 };
export async function schedule(): Promise<number> {
  const p: Plan = await plan(dag, "10 GiB", options);
  const status: "ok" | "infeasible" = p.status;
  const edge = p.edges[0]!;
  const mode: "vm-local" | "direct" | "remote" | "cache" = edge.mode;
  const directShare: number | undefined = edge.split?.direct;
  const placement: readonly StagePlacement[] = p.placement;
  const instances: number = placement[0]!.instances;
  const memoryMb: number = placement[0]!.billedMemoryMb;
  const finishMs: number = p.stages[0]!.finishMs;
  const lowerBoundMs: number | null = p.solver.lowerBoundMs;
  const verdict: "chosen" | "feasible" | "rejected" = p.explanations[0]!.options[0]!.verdict;
  notAny(p.sizing, true);
  notAny(p.risk, true);
  notAny(p.timingsMs, true);
  notAny(p.predicted, true);
  notAny(p.explanations, true);
  const w: Evaluation = await evaluate(dag, "10 GiB", p, options);
  notAny(w.edges, true);
  try {
    await plan({}, 1);
  } catch (err) {
    if (err instanceof InputError) return err.issues.length;
    if (err instanceof SluiceError) return -1;
  }
  return status === "ok" ? instances + memoryMb + finishMs + (lowerBoundMs ?? 0) + (directShare ?? 0) + w.makespanMs + mode.length + verdict.length : 0;
}
`;

const root = process.cwd();
const dir = mkdtempSync(path.join(os.tmpdir(), "sluice-types-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the published types, from a consumer's strict TypeScript project", () => {
  mkdirSync(path.join(dir, "node_modules", "@types"), { recursive: true });
  symlinkSync(root, path.join(dir, "node_modules", "sluice"), "dir");
  symlinkSync(path.join(root, "node_modules", "@types", "node"), path.join(dir, "node_modules", "@types", "node"), "dir");
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "scheduler", private: true, type: "module" }));
  writeFileSync(path.join(dir, "scheduler.ts"), CONSUMER);
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

  it.each([
    ["node16", "node16"],
    ["bundler", "esnext"],
  ])("compile under moduleResolution %s, without skipLibCheck", (resolution, module) => {
    const args = [tsc, "--strict", "--noEmit", "--target", "es2022", "--module", module, "--moduleResolution", resolution, "--types", "node", "scheduler.ts"];
    const r = spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8", timeout: 120_000 });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
