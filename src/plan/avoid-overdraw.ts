/**
 * Plans that the VM pool can run: a plan whose schedule holds the pool in a hold-and-wait — a host
 * keeps its VMs for a vm-local consumer that waits on a stage which cannot get VMs while the host
 * holds them — cannot run on a real pool of `poolSize` VMs. The model and the simulator both find
 * it (the "pool-overdrawn" code: pool-schedule.ts, simulation.ts) and both lend the waiting stage
 * VMs beyond the pool only so that their figures stay finite. The solvers do not model the
 * hold-and-wait, so plan() re-solves without vm-local on the edges behind it, until the plan's
 * schedule fits the pool: the vm-local edges into the stages that wait on an overdrawn stage (all
 * of the plan's vm-local edges when none does). Each round removes at least one vm-local option,
 * so it ends within one round per edge; vm-local is the only mode that holds a host's VMs, so a
 * plan without it never overdraws.
 */
import type { Assignment, Problem } from "../model/types.js";
import type { SolverOutcome } from "../solve/solver.js";
import { evaluateOnce } from "../solve/evaluate-once.js";

/** The vm-local edges of `assignment` behind its overdrawn stages (empty when none is overdrawn). */
export function overdrawingEdges(problem: Problem, assignment: Assignment): number[] {
  const { dag } = problem;
  const overdrawn = evaluateOnce(problem, assignment).violations.filter((v) => v.code === "pool-overdrawn").map((v) => String(v.path[1]));
  if (overdrawn.length === 0) return [];
  const waiting = new Set<string>(overdrawn);
  for (const id of dag.order) if (dag.incoming.get(id)!.some((i) => waiting.has(dag.edges[i]!.from))) waiting.add(id);
  const local = dag.edges.map((_, i) => i).filter((i) => (assignment.edges[i] ?? []).some((s) => s.mode === "vm-local"));
  const behind = local.filter((i) => waiting.has(dag.edges[i]!.to));
  return behind.length > 0 ? behind : local;
}

/** The problem with vm-local no longer offered on `edges` (rejected, with the reason). */
export function withoutVmLocal(problem: Problem, edges: readonly number[], reason: string): Problem {
  const drop = new Set(edges);
  return {
    ...problem,
    edges: problem.edges.map((c, i) => {
      if (!drop.has(i) || !c.options.some((o) => o.mode === "vm-local") || c.options.length === 1) return c;
      return { ...c, options: c.options.filter((o) => o.mode !== "vm-local"), rejected: [...c.rejected, { mode: "vm-local" as const, reason }] };
    }),
  };
}

/** Solves, and re-solves without the vm-local edges behind a hold-and-wait until none is left. */
export async function solveWithinPool(problem: Problem, solve: (p: Problem) => SolverOutcome | Promise<SolverOutcome>): Promise<{ problem: Problem; outcome: SolverOutcome }> {
  let current = problem;
  let outcome = await solve(current);
  const notes: string[] = [];
  for (let round = 0; round < problem.dag.edges.length && outcome.assignment !== undefined; round++) {
    const edges = overdrawingEdges(current, outcome.assignment);
    const next = withoutVmLocal(current, edges, `with vm-local here the plan held the VM pool (${current.platform.vm.poolSize} VMs) in a hold-and-wait: the host keeps its VMs for a consumer that waits on a stage which cannot get VMs meanwhile`);
    if (next.edges.every((c, i) => c === current.edges[i])) break;
    const keys = edges.map((i) => `${current.dag.edges[i]!.from}->${current.dag.edges[i]!.to}`);
    notes.push(`vm-local excluded on ${keys.join(", ")}: the plan with it held the VM pool in a hold-and-wait (pool-overdrawn)`);
    current = next;
    outcome = await solve(current);
  }
  return { problem: current, outcome: notes.length === 0 ? outcome : { ...outcome, notes: [...notes, ...(outcome.notes ?? [])] } };
}
