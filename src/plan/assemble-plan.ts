/**
 * Phase "assemble": from a solved assignment to the caller's Plan — decisions, placement, timings,
 * prediction, the solver's account with its gap, and explanations.
 */
import { toDecisions } from "../model/decisions.js";
import { evaluateOnce } from "../solve/evaluate-once.js";
import type { Assignment, Decisions, Problem } from "../model/types.js";
import { costLowerBoundUsd, latencyLowerBoundMs } from "../solve/bounds/lower-bound.js";
import type { SolverOutcome } from "../solve/solver.js";
import { explainEdges } from "./explain-edges.js";
import type { Plan, StagePlacement } from "./types.js";

export interface AssembleInput {
  readonly problem: Problem;
  readonly assignment: Assignment;
  readonly outcome: SolverOutcome;
  readonly status: Plan["status"];
  readonly message?: string;
  /** Wall-clock milliseconds per phase, put in the plan only when given. */
  readonly timingsMs?: Readonly<Record<string, number>> | undefined;
}

export function assemblePlan({ problem, assignment, outcome, status, message, timingsMs }: AssembleInput): Plan {
  const evaluation = evaluateOnce(problem, assignment);
  const decisions = withPrefixes(problem, assignment, toDecisions(problem.dag, assignment));
  const placement: StagePlacement[] = evaluation.stages.map((s) => {
    const terms = problem.stages.get(s.stageId)!;
    const configured = problem.dag.stageById.get(s.stageId)!.memoryMb;
    const p: StagePlacement = { stageId: s.stageId, instances: problem.estimates.stages.get(s.stageId)!.instances, vms: s.vms, slotsPerVm: terms.slotsPerVm, waves: s.waves, billedMemoryMb: terms.billedMemoryMb, ...(configured === undefined ? {} : { memoryMb: configured }) };
    return s.colocatedWith === undefined ? p : { ...p, colocatedWith: s.colocatedWith };
  });
  const objectiveValue = problem.objective === "latency" ? evaluation.makespanMs : problem.objective === "cost" ? evaluation.costUsd : undefined;
  let lowerBound: number | null = null;
  if (objectiveValue !== undefined) {
    const relaxed = problem.objective === "latency" ? latencyLowerBoundMs(problem) : costLowerBoundUsd(problem);
    lowerBound = Math.min(objectiveValue, Math.max(relaxed, outcome.lowerBound ?? -Infinity));
    if (outcome.status === "optimal") lowerBound = objectiveValue;
  }
  const gap = objectiveValue === undefined || lowerBound === null ? null : objectiveValue > 0 ? Math.max(0, (objectiveValue - lowerBound) / objectiveValue) : 0;
  return {
    dagName: problem.dag.name,
    inputBytes: problem.estimates.inputBytes,
    objective: problem.objective,
    budgetUsd: Number.isFinite(problem.budgetUsd) ? problem.budgetUsd : null,
    deadlineMs: Number.isFinite(problem.deadlineMs) ? problem.deadlineMs : null,
    status,
    ...(message === undefined ? {} : { message }),
    edges: decisions.edges,
    admitted: decisions.admitted,
    placement,
    stages: evaluation.stages,
    predicted: { makespanMs: evaluation.makespanMs, costUsd: evaluation.costUsd, cost: evaluation.cost, cacheBytes: evaluation.cacheBytes, peakVms: evaluation.peakVms },
    vmPool: { reservedVms: problem.vmPool?.vms ?? 0 },
    violations: evaluation.violations,
    warnings: problem.estimates.warnings,
    solver: {
      name: outcome.name,
      status: outcome.status,
      lowerBound,
      lowerBoundMs: problem.objective === "latency" ? lowerBound : null,
      gap,
      notes: outcome.notes ?? [],
    },
    explanations: explainEdges(problem, assignment, evaluation),
    ...(timingsMs === undefined ? {} : { timingsMs }),
  };
}

/** Each edge with a remote share carries the key prefixes its remote option was priced with (a plan decision). */
function withPrefixes(problem: Problem, assignment: Assignment, decisions: Decisions): Decisions {
  return {
    ...decisions,
    edges: decisions.edges.map((d, i) => {
      if (!(assignment.edges[i] ?? []).some((s) => s.mode === "remote")) return d;
      const prefixes = problem.edges[i]!.options.find((o) => o.mode === "remote")?.terms.prefixes;
      return prefixes === undefined ? d : { ...d, prefixes };
    }),
  };
}
