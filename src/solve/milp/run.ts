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
import { buildPlanMilp, TIE_WEIGHT, type MilpSpec } from "./formulation.js";
import { computeMilpScale, type MilpScale } from "./scale.js";
import { MAKESPAN_NAME } from "./names.js";
import { warmStartValues } from "./warm-start.js";

export interface MilpRunContext {
  readonly engine: EngineChoice;
  /** performance.now() value past which no solve starts (a safety net: see `stoppedByTime`). */
  readonly stopAtMs: number;
  /** Run the exact tie-breaking second pass (only when the primary is solved exactly). */
  readonly breakTies: boolean;
  /** Stop once the incumbent is within this relative gap of the engine's bound (default: exact). */
  readonly relativeGap?: number;
  /** Branch-and-bound node limit per solve: a work limit, so runs repeat exactly. */
  readonly maxNodes?: number;
  /** A plan to start from (its values become the engine's first incumbent). */
  readonly start?: Assignment;
}

export interface MilpRun {
  readonly status: "optimal" | "feasible" | "infeasible" | "timedout";
  /** The wall clock, not work, ended a solve early: the answer may differ from run to run. */
  readonly stoppedByTime: boolean;
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
  if (remainingMs(ctx) <= 0) return { status: "timedout", stoppedByTime: true, assignments: [], message: "no time left for the MILP" };
  const milp = buildPlanMilp(problem, spec, scale);
  const start = ctx.start === undefined ? undefined : warmStartValues(problem, ctx.start, scale);
  const { result, fallback } = await solveWithFallback(milp.model, ctx, start);
  const stoppedByTime = result.stoppedBy === "time";
  if (result.status === "infeasible") return { status: "infeasible", stoppedByTime, assignments: [] };
  if (result.status !== "optimal" && result.status !== "feasible") {
    return { status: "timedout", stoppedByTime, assignments: [], message: `MILP ${result.status} (${result.engine})${result.message === undefined ? "" : ": " + result.message}` };
  }
  const first = extractAssignment(problem, result.values);
  // "optimal" within a caller's gap proves only objective − gap · |objective| when the engine reports no bound of its own
  const bound = result.bestBound ?? (result.status === "optimal" ? result.objective - (ctx.relativeGap ?? 0) * Math.abs(result.objective) : undefined);
  const lowerBound = bound === undefined ? undefined : toPrimaryBound(spec, scale, bound);
  const base = { status: result.status, stoppedByTime, assignments: [first], ...(lowerBound === undefined ? {} : { lowerBound }), ...(fallback === undefined ? {} : { message: fallback }) };
  if (result.status !== "optimal" || !ctx.breakTies || (ctx.relativeGap ?? 0) > 0 || remainingMs(ctx) <= 0) return base;

  const capped = capPrimary(spec, scale, result.values, milp.costTerms);
  const { result: second } = await solveWithFallback(buildPlanMilp(problem, capped, scale).model, ctx);
  if (second.stoppedBy === "time") return { ...base, stoppedByTime: true };
  if (second.status !== "optimal" && second.status !== "feasible") return base;
  return { ...base, assignments: [first, extractAssignment(problem, second.values)] };
}

const FALLBACK_ENGINES = ["highs", "glpk"] as const;

async function solveWithFallback(model: MilpModel, ctx: MilpRunContext, start?: Readonly<Record<string, number>>): Promise<{ result: MilpResult; fallback?: string }> {
  // started from a plan, the engine's job is mostly to prove it: no effort on primal heuristics
  const limits = { ...(ctx.relativeGap === undefined ? {} : { relativeGap: ctx.relativeGap }), ...(ctx.maxNodes === undefined ? {} : { maxNodes: ctx.maxNodes }), ...(start === undefined ? {} : { start, lean: true }) };
  const result = await solveMilp(model, { engine: ctx.engine, timeLimitMs: remainingMs(ctx), ...limits });
  if (result.unavailable === true) {
    const retried = await solveMilp(model, { engine: "highs", timeLimitMs: remainingMs(ctx), ...limits });
    return { result: retried, fallback: `${result.message}; used HiGHS: ${retried.status}` };
  }
  // An "infeasible" is confirmed by the other engine before it is trusted: GLPK can call a feasible
  // model infeasible when the budget row leaves a sliver of room (a budget at the cheapest plan's cost).
  if ((result.status !== "error" && result.status !== "infeasible") || ctx.engine !== "auto" || remainingMs(ctx) <= 0) return { result };
  const other = FALLBACK_ENGINES.find((name) => name !== result.engine);
  if (other === undefined) return { result };
  const retried = await solveMilp(model, { engine: other, timeLimitMs: remainingMs(ctx), ...limits });
  const why = result.status === "infeasible" ? "found the model infeasible" : `failed (${result.message ?? "error"})`;
  // only a checked plan refutes an "infeasible": a second engine that fails too leaves the first answer standing
  const refuted = retried.status === "optimal" || retried.status === "feasible";
  if (result.status === "infeasible" && !refuted) return { result, fallback: `${result.engine} ${why}; ${other} found no checked plan either (${retried.status}${retried.message === undefined ? "" : ": " + retried.message})` };
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
