/**
 * The oracle (small DAGs only, ≤ ORACLE_MAX_EDGES edges): every whole-mode assignment of the
 * feasible modes (no splits; a consumer beside at most one producer; exactly the producers of
 * cache edges admitted) is run on the simulator with the true sizes (the caller's seed, noise and
 * truth records; several seeds are averaged); the fastest simulated plan whose simulated cost is
 * within the budget wins (none within it: the cheapest). Runs that overflow the cache tier are excluded. Its makespan is the
 * best any whole-mode plan achieves on that very run — the yardstick for the planner.
 */
import { sluiceError } from "../errors.js";
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
  /** One run per seed. */
  readonly reports: readonly SimulationReport[];
  /** Means over the runs. */
  readonly makespanMs: number;
  readonly costUsd: number;
}

/**
 * Every candidate whole-mode plan with its simulated runs (in enumeration order), one per seed
 * (default: `simulation.seed`); candidates are scored by the mean over the seeds.
 */
export function oracleCandidates(problem: Problem, dagInput: unknown, simulation: SimulateOptions & { readonly profiles: Profiles }, seeds: readonly number[] = [simulation.seed ?? 1]): OracleCandidate[] {
  const { dag } = problem;
  if (dag.edges.length > ORACLE_MAX_EDGES) {
    throw sluiceError("solve.tooLargeForOracle", { path: ["baseline", "oracle"], expected: `≤ ${ORACLE_MAX_EDGES} edges`, actual: `${dag.edges.length} edges` });
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
      const reports: SimulationReport[] = [];
      for (const seed of seeds) {
        const report = simulateSync(dagInput, plan, { ...simulation, seed });
        if (report.violations.some((v) => v.code === "cache-overflow")) return;
        reports.push(report);
      }
      const mean = (f: (r: SimulationReport) => number) => reports.reduce((a, r) => a + f(r), 0) / reports.length;
      out.push({ assignment, plan, reports, makespanMs: mean((r) => r.makespanMs), costUsd: mean((r) => r.cost.totalUsd) });
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

/**
 * The fastest simulated candidate within the budget, else the cheapest. `basis` says which cost
 * must fit: "simulated" (the truth, default) or "predicted" (the model's — the rule a planner and
 * every other policy can be held to before running).
 */
export function pickOracle(candidates: readonly OracleCandidate[], budgetUsd: number, basis: "simulated" | "predicted" = "simulated"): OracleCandidate {
  if (candidates.length === 0) throw sluiceError("internal.noCandidatePlan", { params: { detail: "the oracle has no candidate plan" } });
  const costOf = (c: OracleCandidate) => (basis === "simulated" ? c.costUsd : c.plan.predicted.costUsd);
  const within = candidates.filter((c) => costOf(c) <= budgetUsd * (1 + 1e-9));
  const pool = within.length > 0 ? within : candidates;
  const key = within.length > 0 ? (c: OracleCandidate) => [c.makespanMs, c.costUsd] : (c: OracleCandidate) => [c.costUsd, c.makespanMs];
  return [...pool].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka[0]! - kb[0]! || ka[1]! - kb[1]!;
  })[0]!;
}

export function oraclePlan(chosen: OracleCandidate, budgetUsd: number): Plan {
  const seeds = chosen.reports.map((r) => r.seed).join(", ");
  const note = `oracle: simulated makespan ${chosen.makespanMs.toFixed(1)} ms at $${chosen.costUsd.toPrecision(4)} (mean over seeds ${seeds})${chosen.costUsd > budgetUsd * (1 + 1e-9) ? "; no whole-mode plan meets the budget, showing the cheapest" : ""}`;
  return { ...chosen.plan, solver: { ...chosen.plan.solver, notes: [...chosen.plan.solver.notes, note] } };
}
