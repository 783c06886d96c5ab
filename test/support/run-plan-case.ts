/**
 * Runs one random planning case (random-plan-case.ts) and checks what plan() promises: it either
 * returns a plan or rejects the input with a typed InputError — never another exception — and a
 * returned plan has finite, non-negative figures, a gap in [0, 1], a bound no higher than its
 * objective, and, when "ok", no violation and the limit kept.
 */
import { InputError } from "../../src/errors.js";
import type { Objective } from "../../src/model/types.js";
import { plan } from "../../src/plan/plan.js";
import type { PlanOptions } from "../../src/plan/options.js";
import type { Plan } from "../../src/plan/types.js";
import type { SolverName } from "../../src/solve/solver.js";
import { randomPlanCase } from "./random-plan-case.js";

export type CaseVerdict = "ok" | "infeasible" | "rejected";

export interface CaseOutcome {
  readonly verdict: CaseVerdict;
  /** Broken promises; empty when the case passed. */
  readonly problems: readonly string[];
  readonly solverName?: string;
}

export async function runPlanCase(seed: number, objective: Objective, solver: SolverName = "auto"): Promise<CaseOutcome> {
  const c = randomPlanCase(seed, objective);
  const base: PlanOptions = { ...c.options, solver: "heuristic" };
  try {
    const cheap = await plan(c.dag, c.inputBytes, { ...base, objective: "cost" });
    const fast = await plan(c.dag, c.inputBytes, { ...base, objective: "latency" });
    const pos = c.limitPosition;
    const limit: PlanOptions =
      objective === "latency"
        ? { budgetUsd: Math.max(1e-12, cheap.predicted.costUsd + pos * (fast.predicted.costUsd - cheap.predicted.costUsd)) }
        : objective === "cost"
          ? { deadlineMs: Math.max(1e-3, fast.predicted.makespanMs + pos * (cheap.predicted.makespanMs - fast.predicted.makespanMs)) }
          : {};
    const p = await plan(c.dag, c.inputBytes, { ...c.options, ...limit, solver });
    return { verdict: p.status === "ok" ? "ok" : "infeasible", problems: checkPlan(p), solverName: p.solver.name };
  } catch (error) {
    if (error instanceof InputError && error.issues.length > 0) return { verdict: "rejected", problems: [] };
    return { verdict: "rejected", problems: [`threw ${(error as Error)?.constructor?.name ?? typeof error}: ${(error as Error)?.message ?? String(error)}`] };
  }
}

function checkPlan(p: Plan): string[] {
  const problems: string[] = [];
  const figures = { makespanMs: p.predicted.makespanMs, costUsd: p.predicted.costUsd };
  for (const [name, x] of Object.entries(figures)) if (!(Number.isFinite(x) && x >= 0)) problems.push(`${name} is ${x}`);
  const { gap, lowerBound } = p.solver;
  if (gap !== null && !(gap >= 0 && gap <= 1)) problems.push(`gap is ${gap}`);
  const value = p.objective === "latency" ? p.predicted.makespanMs : p.objective === "cost" ? p.predicted.costUsd : undefined;
  if (lowerBound !== null && value !== undefined && !(lowerBound <= value * (1 + 1e-9) + 1e-12)) problems.push(`bound ${lowerBound} above the plan's ${value}`);
  if (p.status === "ok") {
    if (p.violations.length > 0) problems.push(`ok plan with violations: ${p.violations.map((v) => v.code).join(", ")}`);
    if (p.budgetUsd !== null && p.predicted.costUsd > p.budgetUsd * (1 + 1e-9)) problems.push("budget broken");
    if (p.deadlineMs !== null && p.predicted.makespanMs > p.deadlineMs * (1 + 1e-9)) problems.push("deadline broken");
  }
  return problems;
}
