/**
 * The fastest plan's makespan when vm-local's two placement rules are respected — a stage runs
 * beside at most one producer's output, and a stage beside its producer cannot host a vm-local
 * consumer — ignoring the budget and the cache capacity.
 *
 * A dynamic program over the DAG keeps two earliest finishes per stage: F_N(v), v on its own VMs
 * (no vm-local input), and F_L(v), v beside one producer k (edge k vm-local, which needs k's
 * producer on its own VMs, F_N — or beside its own producer on as many VMs, vm-local-chain.ts):
 *   ready_i  = min(F_N(u_i), F_L(u_i)) + fastest non-vm-local time of edge i
 *   F_N(v)   = base(v) + max_i ready_i
 *   F_L(v)   = base(v) + min over vm-local-capable k of max(F_N(u_k) + vm-local time of k, max_{i≠k} ready_i)
 * Every plan has finish(v) ≥ F_N(v) or F_L(v) for the state it puts v in, so
 * max over stages of min(F_N, F_L) is a valid lower bound on the makespan. Walking the choices
 * back (consumers first, a producer forced to F_N when a consumer sits beside it) gives a plan
 * that respects both rules; it often meets the bound.
 */
import type { Problem } from "../../model/types.js";
import { mayHostWhenBeside } from "../../model/vm-local-chain.js";
import { fastestChoice, wholeChoices, type EdgeChoice } from "../edge/edge-choices.js";
import { phaseFloors, phaseStartFloorMs } from "../bounds/phase-floors.js";

export interface FastestWithHosting {
  /** A lower bound on the makespan of any plan (budget and cache capacity relaxed). */
  readonly boundMs: number;
  /** Per edge, the walked-back choice (undefined where an edge has no usable choice). */
  readonly choices: readonly (EdgeChoice | undefined)[];
}

/** Per edge list (shared by every copy of a Problem that only changes its objective or limits) and splits setting. */
const memo = new WeakMap<object, Map<boolean, FastestWithHosting>>();

/** Depends only on the DAG, the priced options and allowSplits, so it is computed once per problem and reused. */
export function fastestWithHosting(problem: Problem): FastestWithHosting {
  let bySplits = memo.get(problem.edges);
  if (bySplits === undefined) memo.set(problem.edges, (bySplits = new Map()));
  let hit = bySplits.get(problem.allowSplits);
  if (hit === undefined) bySplits.set(problem.allowSplits, (hit = computeFastestWithHosting(problem)));
  return hit;
}

function computeFastestWithHosting(problem: Problem): FastestWithHosting {
  const { dag } = problem;
  const nonLocal = problem.edges.map((c) => fastestChoice(c, problem.allowSplits, (o) => o.mode === "vm-local"));
  const local = problem.edges.map((c) => wholeChoices(c).find((ch) => ch.usesVmLocal));
  const finN = new Map<string, number>();
  const finL = new Map<string, number>();
  const localEdge = new Map<string, number>();
  const best = (u: string) => Math.min(finN.get(u)!, finL.get(u)!);
  /** Beside its producer, u may still host a vm-local consumer when its own placement matches (vm-local-chain.ts). */
  const hostable = (u: string) => localEdge.has(u) && mayHostWhenBeside(problem, localEdge.get(u)!);
  for (const v of dag.order) {
    const base = problem.stages.get(v)!.baseMs;
    const incoming = dag.incoming.get(v)!;
    const ready = incoming.map((i) => (nonLocal[i] === undefined ? Infinity : best(dag.edges[i]!.from) + nonLocal[i]!.timeMs));
    finN.set(v, base + ready.reduce((a, b) => Math.max(a, b), 0));
    let bestL = Infinity;
    incoming.forEach((i, k) => {
      const l = local[i];
      if (l === undefined) return;
      const u = dag.edges[i]!.from;
      let r = (hostable(u) ? best(u) : finN.get(u)!) + l.timeMs;
      ready.forEach((x, j) => {
        if (j !== k) r = Math.max(r, x);
      });
      if (r < bestL) {
        bestL = r;
        localEdge.set(v, i);
      }
    });
    finL.set(v, base + bestL);
  }
  const boundMs = hostingBoundMs(problem, nonLocal.map((c) => c?.timeMs ?? Infinity), local.map((c) => c?.timeMs ?? Infinity));

  const choices: (EdgeChoice | undefined)[] = new Array(dag.edges.length);
  const forcedOwn = new Set<string>();
  for (let k = dag.order.length - 1; k >= 0; k--) {
    const v = dag.order[k]!;
    const beside = !forcedOwn.has(v) && finL.get(v)! < finN.get(v)! ? localEdge.get(v) : undefined;
    for (const i of dag.incoming.get(v)!) {
      if (i === beside) {
        choices[i] = local[i];
        if (!hostable(dag.edges[i]!.from)) forcedOwn.add(dag.edges[i]!.from);
      } else choices[i] = nonLocal[i] ?? (beside === undefined ? local[i] : undefined);
    }
  }
  return { boundMs, choices };
}

/**
 * The bound itself, with the producer's state read per kind of stay beside: F_N, F_LH (beside a
 * producer whose placement lets it host in turn) and F_LX (beside one that does not). A vm-local
 * edge out of u needs u in N or LH, so it reads min(F_N, F_LH)(u). The walk-back above reads
 * "hostable" from u's best stay beside alone, which is right for choosing a plan but, when u's best
 * stay cannot host and a slower one can, would read F_N(u) for a plan that hosts from the slower
 * stay — above that plan's finish, so not a bound. A stage with several inputs also starts no
 * earlier than one input's write plus another's read (bounds/phase-floors.ts), in every state.
 */
function hostingBoundMs(problem: Problem, nonLocalMs: readonly number[], localMs: readonly number[]): number {
  const { dag } = problem;
  const finN = new Map<string, number>();
  const finLH = new Map<string, number>();
  const finLX = new Map<string, number>();
  const floors = phaseFloors(problem.edges, problem.allowSplits);
  const best = (u: string) => Math.min(finN.get(u)!, finLH.get(u)!, finLX.get(u)!);
  let boundMs = 0;
  for (const v of dag.order) {
    const base = problem.stages.get(v)!.baseMs;
    const incoming = dag.incoming.get(v)!;
    const ready = incoming.map((i) => best(dag.edges[i]!.from) + nonLocalMs[i]!);
    // the phase rule holds whichever input v sits beside: one input's write, then another's read
    const phaseMs = phaseStartFloorMs(incoming, (i) => best(dag.edges[i]!.from), floors);
    finN.set(v, base + Math.max(phaseMs, ready.reduce((a, b) => Math.max(a, b), 0)));
    let hosts = Infinity;
    let cannot = Infinity;
    incoming.forEach((i, k) => {
      if (!Number.isFinite(localMs[i]!)) return;
      const u = dag.edges[i]!.from;
      let r = Math.max(phaseMs, Math.min(finN.get(u)!, finLH.get(u)!) + localMs[i]!);
      ready.forEach((x, j) => {
        if (j !== k) r = Math.max(r, x);
      });
      if (mayHostWhenBeside(problem, i)) hosts = Math.min(hosts, r);
      else cannot = Math.min(cannot, r);
    });
    finLH.set(v, base + hosts);
    finLX.set(v, base + cannot);
    boundMs = Math.max(boundMs, best(v));
  }
  return boundMs;
}
