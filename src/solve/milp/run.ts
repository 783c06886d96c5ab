/**
 * One scalarised MILP solve: build the model for a spec, hand it to the engine, read back the
 * assignment and a lower bound on the primary in real units. When the solve is optimal, a second
 * pass breaks ties exactly (lexicographically): it caps the primary at the value found and
 * minimises the secondary, because the weighted tie term alone sits below the engine's gap tolerance.
 */
import type { MilpModel } from "../../lp/model.js";
import type { MilpResult } from "../../lp/result.js";
import { solveMilp, type EngineChoice } from "../../lp/solve-milp.js";
import type { Assignment, Problem } from "../../model/types.js";
import { extractAssignment } from "./extract.js";
import { buildPlanMilp, computeMilpScale, TIE_WEIGHT, type MilpScale, type MilpSpec } from "./formulation.js";
import { MAKESPAN_NAME } from "./names.js";

export interface MilpRunContext {
  readonly engine: EngineChoice;
  /** performance.now() value past which no solve starts. */
  readonly stopAtMs: number;
  /** Run the exact tie-breaking second pass. */
  readonly breakTies: boolean;
}

export interface MilpRun {
  readonly status: "optimal" | "feasible" | "infeasible" | "timedout";
  /** The primary pass's assignment first, then the tie-breaking pass's (if any). */
  readonly assignments: readonly Assignment[];
  /** Proven lower bound on the primary: ms for latency, USD (whole plan) for cost. */
  readonly lowerBound?: number;
  readonly message?: string;
}

const SPAN = 1000;

export function remainingMs(ctx: MilpRunContext): number {
  return ctx.stopAtMs - performance.now();
}

export async function runPlanMilp(problem: Problem, spec: MilpSpec, ctx: MilpRunContext): Promise<MilpRun> {
  const scale = computeMilpScale(problem);
  if (remainingMs(ctx) <= 0) return { status: "timedout", assignments: [], message: "no time left for the MILP" };
  const milp = buildPlanMilp(problem, spec, scale);
  const { result, fallback } = await solveWithFallback(milp.model, ctx);
  if (result.status === "infeasible") return { status: "infeasible", assignments: [] };
  if (result.status !== "optimal" && result.status !== "feasible") {
    return { status: "timedout", assignments: [], message: `MILP ${result.status} (${result.engine})${result.message === undefined ? "" : ": " + result.message}` };
  }
  const first = extractAssignment(problem, result.values);
  const bound = result.bestBound ?? (result.status === "optimal" ? result.objective : undefined);
  const lowerBound = bound === undefined ? undefined : toPrimaryBound(spec, scale, bound);
  const base = { status: result.status, assignments: [first], ...(lowerBound === undefined ? {} : { lowerBound }), ...(fallback === undefined ? {} : { message: fallback }) };
  if (result.status !== "optimal" || !ctx.breakTies || remainingMs(ctx) <= 0) return base;

  const capped = capPrimary(spec, scale, result.values, milp.costTerms);
  const { result: second } = await solveWithFallback(buildPlanMilp(problem, capped, scale).model, ctx);
  if (second.status !== "optimal" && second.status !== "feasible") return base;
  return { ...base, assignments: [first, extractAssignment(problem, second.values)] };
}

const FALLBACK_ENGINES = ["highs", "glpk"] as const;

async function solveWithFallback(model: MilpModel, ctx: MilpRunContext): Promise<{ result: MilpResult; fallback?: string }> {
  const result = await solveMilp(model, { engine: ctx.engine, timeLimitMs: remainingMs(ctx) });
  // An "infeasible" is confirmed by the other engine before it is trusted: GLPK can call a feasible
  // model infeasible when the budget row leaves a sliver of room (a budget at the cheapest plan's cost).
  if ((result.status !== "error" && result.status !== "infeasible") || ctx.engine !== "auto" || remainingMs(ctx) <= 0) return { result };
  const other = FALLBACK_ENGINES.find((name) => name !== result.engine);
  if (other === undefined) return { result };
  const retried = await solveMilp(model, { engine: other, timeLimitMs: remainingMs(ctx) });
  const why = result.status === "infeasible" ? "found the model infeasible" : `failed (${result.message ?? "error"})`;
  return { result: retried, fallback: `${result.engine} ${why}; retried with ${other}: ${retried.status}` };
}

/** The engine's bound (scaled, with the tie term) as a bound on the primary alone, in real units. */
function toPrimaryBound(spec: MilpSpec, scale: MilpScale, scaledBound: number): number {
  const primary = Math.max(0, scaledBound - TIE_WEIGHT * SPAN * (1 + 1e-9));
  return spec.minimize === "latency" ? primary * scale.msPerUnit : primary * scale.usdPerUnit + scale.constantUsd;
}

/** The same limits with the primary capped at the value just found, minimising the other term. */
function capPrimary(spec: MilpSpec, scale: MilpScale, values: Readonly<Record<string, number>>, costTerms: Readonly<Record<string, number>>): MilpSpec {
  const slack = 1 + 1e-9;
  if (spec.minimize === "latency") {
    const makespanMs = (values[MAKESPAN_NAME] ?? 0) * scale.msPerUnit * slack + 1e-9;
    return { minimize: "cost", budgetUsd: spec.budgetUsd, deadlineMs: Math.min(spec.deadlineMs, makespanMs) };
  }
  let units = 0;
  for (const [name, coef] of Object.entries(costTerms)) units += coef * (values[name] ?? 0);
  const costUsd = scale.constantUsd + Math.max(0, units) * scale.usdPerUnit * slack + 1e-12;
  return { minimize: "latency", budgetUsd: Math.min(spec.budgetUsd, costUsd), deadlineMs: spec.deadlineMs };
}
