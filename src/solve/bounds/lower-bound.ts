/**
 * Valid lower bounds by relaxation.
 * Latency: the longest path with every edge at its fastest choice (whole modes and two-mode
 * splits), respecting vm-local's placement rules but ignoring the budget and the cache capacity
 * (dp/fastest-with-hosting.ts) — no plan of those choices can be faster.
 * Cost: the stage constants plus every edge at its cheapest whole mode (a split never costs less
 * than its cheaper mode: cost is affine in the fraction), ignoring the deadline and admission, plus
 * (VM-pool billing) the reserved pool's minimum bill.
 */
import type { Problem } from "../../model/types.js";
import { wholeChoices } from "../edge/edge-choices.js";
import { fastestWithHosting } from "../dp/fastest-with-hosting.js";

export function latencyLowerBoundMs(problem: Problem): number {
  return fastestWithHosting(problem).boundMs;
}

export function costLowerBoundUsd(problem: Problem): number {
  let usd = 0;
  for (const s of problem.stages.values()) usd += s.computeUsd + s.ioUsd;
  for (const c of problem.edges) usd += Math.min(...wholeChoices(c).map((ch) => ch.costUsd));
  if (problem.platform.billing.compute === "vm-pool" && problem.vmPool !== undefined) usd += problem.vmPool.usdPerMs * problem.vmPool.minimumMs;
  return usd;
}
