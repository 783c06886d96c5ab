/**
 * vm-local chains. A stage beside its producer runs on that producer's VMs; a consumer beside it in
 * turn was priced on the stage's own VMs. The two agree — and the chain is allowed — only when the
 * stage's own placement has as many VMs as its producer's.
 */
import type { Problem } from "./types.js";

/** Whether the consumer of edge `edgeIndex`, when beside its producer, may itself host a vm-local consumer. */
export function mayHostWhenBeside(problem: Problem, edgeIndex: number): boolean {
  const e = problem.dag.edges[edgeIndex]!;
  return problem.stages.get(e.from)!.vms === problem.stages.get(e.to)!.vms;
}
