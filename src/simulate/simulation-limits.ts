/**
 * How large a run the simulator takes on before refusing with a named error. Measured on the
 * project's 2-core machine under load: about 0.2–0.5 ms per instance on chains and 1.5–2.5 ms per
 * instance on 100-wide shuffles, so the defaults cap a run at minutes, not hours. Each can be
 * raised through options.limits.
 */
import { issue, type Issue } from "../errors.js";
import type { Dag } from "../dag/types.js";
import type { SimulationLimits } from "./types.js";

export const DEFAULT_SIMULATION_LIMITS: SimulationLimits = {
  maxInstances: 1_000_000,
  maxTransfers: 20_000_000,
  maxEvents: 50_000_000,
};

/** Transfers an edge makes between its producer's `nu` and consumer's `nv` instances (an upper bound for splits). */
function transfersOf(pattern: Dag["edges"][number]["pattern"], nu: number, nv: number): number {
  switch (pattern) {
    case "one-to-one":
    case "scatter":
      return Math.max(nu, nv);
    case "gather":
      return nu;
    case "broadcast":
    case "shuffle":
      return nu * nv;
  }
}

/** Issues for a run over the limits, from the plan's instance counts; none when it fits. */
export function checkSimulationSize(dag: Dag, instancesOf: (stageId: string) => number, limits: SimulationLimits): Issue[] {
  let instances = 0;
  for (const s of dag.stages) instances += instancesOf(s.id);
  let transfers = 0;
  for (const e of dag.edges) transfers += transfersOf(e.pattern, instancesOf(e.from), instancesOf(e.to));
  const issues: Issue[] = [];
  if (instances > limits.maxInstances) issues.push(issue("simulate.tooManyInstances", { path: ["plan", "placement"], actual: `${instances} instances`, params: { limit: limits.maxInstances } }));
  if (transfers > limits.maxTransfers) issues.push(issue("simulate.tooManyTransfers", { path: ["plan", "edges"], actual: `${transfers} transfers`, params: { limit: limits.maxTransfers } }));
  return issues;
}
