/**
 * The same Problem with every stage taken at a quantile of its own variation: its span at the
 * q-quantile of its instances' span on its slots (physics/order-statistics.ts `spanQuantile`) and,
 * under function billing, its billed time at the q-quantile of the sum of its n instances'
 * durations (n · μ + z_q · √n · σ, the normal approximation). Transfers and prices stay as they are
 * (the model draws no noise on them).
 *
 * With every stage at level q_s = 1 − (1 − c) / S over S stages, the makespan and cost evaluated on
 * this problem bound the real ones with probability at least c: the chance that some stage exceeds
 * its quantile is at most S · (1 − q_s) = 1 − c (the union bound), and otherwise no stage is slower
 * or costlier than assumed, so neither is the plan (finish times are maxima and sums of stage times,
 * costs sums — both non-decreasing in them). Conservative: stages rarely all reach their quantile.
 */
import { functionUsd, requestUsd } from "./modes/mode-module.js";
import { meanOf, type Atoms } from "../physics/distribution.js";
import { normalQuantile } from "../physics/normal.js";
import { spanQuantile } from "../physics/order-statistics.js";
import { spanWithPickupMs } from "../physics/slot-pickup.js";
import type { Problem, StageTerms } from "./types.js";

/** The per-stage level that makes a plan's figures hold with probability `confidence` over `stages` stages. */
export function unionBoundLevel(confidence: number, stages: number): number {
  return 1 - (1 - confidence) / Math.max(1, stages);
}

export function quantileProblem(problem: Problem, level: number): Problem {
  const stages = new Map<string, StageTerms>();
  const step = problem.platform.invocation.stepMs;
  for (const [id, t] of problem.stages) {
    const n = problem.estimates.stages.get(id)!.instances;
    const spanMs = spanWithPickupMs((a) => spanQuantile(a, n, t.vms * t.slotsPerVm, level), t.durationAtoms, n, t.vms * t.slotsPerVm, problem.platform.invocation.pickupMs);
    const billedMs = t.meanInstanceMs + (normalQuantile(level) * stdOf(t.durationAtoms)) / Math.sqrt(n);
    const computeUsd = functionUsd(n, Math.max(t.meanInstanceMs, billedMs), t.billedMemoryMb, problem.platform) + requestUsd(n * (problem.estimates.stages.get(id)!.runs ?? 1), problem.platform);
    stages.set(id, { ...t, spanMs, baseMs: step + spanMs, computeUsd });
  }
  return { ...problem, stages };
}

function stdOf(a: Atoms): number {
  const mu = meanOf(a);
  let v = 0;
  for (let k = 0; k < a.values.length; k++) v += a.probs[k]! * (a.values[k]! - mu) ** 2;
  return Math.sqrt(v);
}
