/**
 * The oracle (small DAGs only, ≤ ORACLE_MAX_EDGES edges): every whole-mode assignment of the
 * feasible modes (no splits; a consumer beside at most one producer; exactly the producers of
 * cache edges admitted) is run on the simulator with the true sizes (the caller's seed, noise and
 * truth records); the fastest simulated run whose simulated cost is within the budget wins (none
 * within it: the cheapest). Runs that overflow the cache tier are excluded. Its makespan is the
 * best any whole-mode plan achieves on that very run — the yardstick for the planner.
 */
import { InputError } from "../errors.js";
import { evaluateAssignment } from "../model/evaluate-assignment.js";
import type { Assignment, Problem, TransferMode } from "../model/types.js";
import type { Plan } from "../plan/types.js";
import type { Profiles } from "../profiles/types.js";
import { simulateSync } from "../simulate/simulate.js";
import type { SimulateOptions, SimulationReport } from "../simulate/types.js";
import { planFromAssignment } from "./plan-from-assignment.js";
import { ORACLE_MAX_EDGES } from "./types.js";

export interface OracleCandidate {
  readonly assignment: Assignment;
  readonly plan: Plan;
  readonly report: SimulationReport;
}

/** Every candidate whole-mode plan with its simulated run (in enumeration order). */
export function oracleCandidates(problem: Problem, dagInput: unknown, simulation: SimulateOptions & { readonly profiles: Profiles }): OracleCandidate[] {
  const { dag } = problem;
  if (dag.edges.length > ORACLE_MAX_EDGES) {
    throw new InputError("Invalid baseline", [{ code: "unsupported", path: ["baseline", "oracle"], message: "the oracle searches exhaustively and is for small DAGs", expected: `≤ ${ORACLE_MAX_EDGES} edges`, actual: `${dag.edges.length} edges` }]);
  }
  const choices = problem.edges.map((c) => c.options.map((o) => o.mode));
  const out: OracleCandidate[] = [];
  const pick: TransferMode[] = [];
  const visit = (i: number): void => {
    if (i === choices.length) {
      const locals = new Set<string>();
      for (let k = 0; k < pick.length; k++) {
        if (pick[k] !== "vm-local") continue;
        const to = dag.edges[k]!.to;
        if (locals.has(to)) return;
        locals.add(to);
      }
      const admitted = new Set(dag.edges.filter((_, k) => pick[k] === "cache").map((e) => e.from));
      const assignment: Assignment = { edges: pick.map((mode) => [{ mode, fraction: 1 }]), admitted };
      if (evaluateAssignment(problem, assignment).violations.some((v) => v.code === "cache-capacity")) return;
      const plan = planFromAssignment(problem, assignment, "baseline:oracle");
      const report = simulateSync(dagInput, plan, simulation);
      if (report.violations.some((v) => v.code === "cache-overflow")) return;
      out.push({ assignment, plan, report });
      return;
    }
    for (const m of choices[i]!) {
      pick.push(m);
      visit(i + 1);
      pick.pop();
    }
  };
  visit(0);
  return out;
}

/** The fastest simulated candidate within the budget (simulated cost), else the cheapest. */
export function pickOracle(candidates: readonly OracleCandidate[], budgetUsd: number): OracleCandidate {
  if (candidates.length === 0) throw new Error("the oracle has no candidate plan");
  const within = candidates.filter((c) => c.report.cost.totalUsd <= budgetUsd * (1 + 1e-9));
  const pool = within.length > 0 ? within : candidates;
  const key = within.length > 0 ? (c: OracleCandidate) => [c.report.makespanMs, c.report.cost.totalUsd] : (c: OracleCandidate) => [c.report.cost.totalUsd, c.report.makespanMs];
  return [...pool].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka[0]! - kb[0]! || ka[1]! - kb[1]!;
  })[0]!;
}

export function oraclePlan(chosen: OracleCandidate, budgetUsd: number): Plan {
  const note = `oracle: simulated makespan ${chosen.report.makespanMs.toFixed(1)} ms at $${chosen.report.cost.totalUsd.toPrecision(4)} (seed ${chosen.report.seed})${chosen.report.cost.totalUsd > budgetUsd ? "; no whole-mode plan meets the budget, showing the cheapest" : ""}`;
  return { ...chosen.plan, solver: { ...chosen.plan.solver, notes: [...chosen.plan.solver.notes, note] } };
}
