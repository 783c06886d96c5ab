/**
 * The five policies the real-bytes benchmark runs and how each one plans: Sluice's plan, the
 * whole-mode baselines, and all-cache (every edge through the cache tier where it fits, every
 * producer admitted). Also the apps' DAGs as their workloads run them and a plan's modes in short.
 */
import { readFileSync } from "node:fs";
import { baselinePlan } from "../../src/baselines/baseline-plan.js";
import { planFromAssignment } from "../../src/baselines/plan-from-assignment.js";
import type { Assignment, ModeShare } from "../../src/model/types.js";
import { plan } from "../../src/plan/plan.js";
import { prepareProblem } from "../../src/plan/prepare-problem.js";
import type { Plan } from "../../src/plan/types.js";
import type { PlatformOverrides } from "../../src/platform/schema.js";
import type { ProfileSet } from "../../src/profiles/set/profile-set.js";

export const POLICIES = ["sluice", "all-vm-local", "all-direct", "all-remote", "all-cache"] as const;
export type Policy = (typeof POLICIES)[number];

// The query app as its workloads run it (examples/dags/query-pipeline.json adds a second aggregation
// level for planning at a terabyte, which the workload's q-aggregate cannot read back).
const QUERY_APP = { name: "query-pipeline", stages: [{ id: "scan", function: "q-scan", instances: "auto" }, { id: "filter", function: "q-filter", instances: "auto" }, { id: "join", function: "q-join" }, { id: "aggregate", function: "q-aggregate" }], edges: [{ from: "scan", to: "filter", pattern: "scatter" }, { from: "filter", to: "join", pattern: "one-to-one" }, { from: "join", to: "aggregate", pattern: "gather" }] };
export const dagOf = (app: string) => (app === "query-pipeline" ? QUERY_APP : (JSON.parse(readFileSync(new URL(`../../examples/dags/${app}.json`, import.meta.url), "utf8")) as unknown));

/** The plan a policy makes for `dag` at `size` bytes (`profiles` undefined: the bundled ones). */
export async function policyPlan(policy: Policy, dag: unknown, size: number, platform: PlatformOverrides, profiles: ProfileSet | undefined): Promise<Plan> {
  const options = { platform, ...(profiles === undefined ? {} : { profiles }) };
  if (policy === "sluice") return plan(dag, size, options);
  if (policy !== "all-cache") return baselinePlan(policy, dag, size, options);
  // all-cache: every edge through the cache tier (remote where the tier cannot hold the output), every producer admitted.
  const { problem } = await prepareProblem(dag, size, options);
  const edges: ModeShare[][] = problem.dag.edges.map((_, i) => [{ mode: problem.edges[i]!.options.some((o) => o.mode === "cache") ? "cache" : "remote", fraction: 1 }]);
  const admitted = new Set(problem.dag.edges.filter((_, i) => edges[i]![0]!.mode === "cache").map((e) => e.from));
  const assignment: Assignment = { edges, admitted };
  return planFromAssignment(problem, assignment, "baseline:all-cache");
}

/** A plan's modes per edge (L vm-local, D direct, R remote, C cache; percentages for a split) and its admitted stages. */
export const modesOf = (p: Plan) =>
  p.edges.map((e) => (e.split ? Object.entries(e.split).map(([m, f]) => `${m[0]!.toUpperCase()}${Math.round(f * 100)}`).join("+") : { "vm-local": "L", direct: "D", remote: "R", cache: "C" }[e.mode])).join(",") + (p.admitted.length > 0 ? ` [${p.admitted.join(",")}]` : "");
