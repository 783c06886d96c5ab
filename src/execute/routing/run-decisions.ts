/**
 * What of a plan `execute()` acts on: the input size, each edge's mode (and split), the admitted
 * stages, the object-store prefixes and the placement (instances, VMs, slots, memory, co-location). Two plans with the same
 * key run decision for decision the same way — a benchmark measures such a pair once and counts
 * the one measurement for both, instead of comparing a plan with itself across noisy runs.
 * Predictions, explanations and labels are not part of it.
 */
import type { Plan } from "../../plan/types.js";

type RunDecisionsInput = Pick<Plan, "inputBytes" | "edges" | "admitted" | "placement">;

export function runDecisionsKey(plan: RunDecisionsInput): string {
  const edges = plan.edges.map((e) => ({
    from: e.from,
    to: e.to,
    // A split names every mode with its fraction; an unsplit edge is its one mode at 1.
    prefixes: e.prefixes ?? null,
    shares: Object.entries(e.split ?? { [e.mode]: 1 }).filter(([, f]) => f > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  }));
  const placement = plan.placement
    .map((p) => [p.stageId, p.instances, p.vms, p.slotsPerVm, p.waves, p.memoryMb ?? null, p.colocatedWith ?? null] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({ inputBytes: plan.inputBytes, edges, admitted: [...plan.admitted].sort(), placement });
}

/** True when the two plans run the same way (same runDecisionsKey). */
export function sameRunDecisions(a: RunDecisionsInput, b: RunDecisionsInput): boolean {
  return runDecisionsKey(a) === runDecisionsKey(b);
}
