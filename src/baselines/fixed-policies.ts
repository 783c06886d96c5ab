/**
 * The fixed baseline policies as assignments over a Problem (only feasible options are chosen;
 * where a policy's mode is not feasible on an edge, the stated fallback is taken):
 * - all-remote:   remote everywhere (else the first feasible mode).
 * - all-direct:   direct everywhere (else remote, else the first feasible mode).
 * - all-vm-local: vm-local where feasible and the consumer is not already placed beside another
 *                 producer (edges in DAG order), else direct.
 * - cloudburst:   locality-first placement: each consumer runs beside the producer of its largest
 *                 vm-local-feasible input (Cloudburst schedules a function where most of its data
 *                 is cached), reading the rest direct. Same as all-vm-local for single-input stages.
 * - locus:        every shuffle edge through the cache tier, producers admitted largest output first
 *                 while the admitted bytes fit the tier's capacity; the other shuffle edges and every
 *                 non-shuffle edge use remote storage.
 */
import { sluiceError } from "../errors.js";
import type { Assignment, ModeShare, Problem, TransferMode } from "../model/types.js";

function feasible(problem: Problem, i: number): TransferMode[] {
  return problem.edges[i]!.options.map((o) => o.mode);
}

function firstOf(problem: Problem, i: number, preference: readonly TransferMode[]): TransferMode {
  const modes = feasible(problem, i);
  const picked = preference.find((m) => modes.includes(m)) ?? modes.find((m) => m !== "cache");
  if (picked === undefined) throw sluiceError("internal.noCandidatePlan", { params: { detail: `edge ${i} has only the cache mode, which needs admission` } });
  return picked;
}

const whole = (mode: TransferMode): ModeShare[] => [{ mode, fraction: 1 }];

export function allRemote(problem: Problem): Assignment {
  return { edges: problem.dag.edges.map((_, i) => whole(firstOf(problem, i, ["remote", "direct"]))), admitted: new Set() };
}

export function allDirect(problem: Problem): Assignment {
  return { edges: problem.dag.edges.map((_, i) => whole(firstOf(problem, i, ["direct", "remote"]))), admitted: new Set() };
}

/** vm-local on the chosen edge of each consumer (where feasible), direct elsewhere. */
function localityFirst(problem: Problem, chooseLocal: (candidates: readonly number[]) => number | undefined): Assignment {
  const { dag } = problem;
  const local = new Set<number>();
  for (const id of dag.order) {
    const candidates = dag.incoming.get(id)!.filter((i) => feasible(problem, i).includes("vm-local"));
    const pick = chooseLocal(candidates);
    if (pick !== undefined) local.add(pick);
  }
  return { edges: dag.edges.map((_, i) => whole(local.has(i) ? "vm-local" : firstOf(problem, i, ["direct", "remote"]))), admitted: new Set() };
}

export function allVmLocal(problem: Problem): Assignment {
  return localityFirst(problem, (c) => c[0]);
}

export function cloudburst(problem: Problem): Assignment {
  const bytes = (i: number) => problem.estimates.flows[i]!.totalReadBytes;
  return localityFirst(problem, (c) => [...c].sort((a, b) => bytes(b) - bytes(a) || a - b)[0]);
}

export function locus(problem: Problem): Assignment {
  const { dag } = problem;
  const shuffleProducers = [...new Set(dag.edges.filter((e, i) => e.pattern === "shuffle" && feasible(problem, i).includes("cache")).map((e) => e.from))];
  const size = (id: string) => problem.stages.get(id)!.cacheBytes;
  shuffleProducers.sort((a, b) => size(b) - size(a) || a.localeCompare(b));
  const admitted = new Set<string>();
  let used = 0;
  for (const id of shuffleProducers) {
    if (used + size(id) <= problem.cacheCapacityBytes) {
      admitted.add(id);
      used += size(id);
    }
  }
  return {
    edges: dag.edges.map((e, i) => whole(e.pattern === "shuffle" && admitted.has(e.from) && feasible(problem, i).includes("cache") ? "cache" : firstOf(problem, i, ["remote", "direct"]))),
    admitted,
  };
}
