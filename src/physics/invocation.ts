/**
 * Invocation and orchestration latency: the time from "this instance may start" to "its code
 * runs" — the orchestrator's step transition and the function's start. Each instance is warm
 * (warmMs) or, with probability coldFraction, cold (coldMs, which includes the warm path).
 * SeBS-Flow (EuroSys'25) measures the gap between one stage's last end and the next stage's first
 * start on AWS Step Functions + Lambda at ≈146–197 ms warm and 1–2.6 s when the next functions
 * start cold.
 *
 * The model shifts each instance's duration by this two-point law (distribution.ts `shiftAtoms`),
 * so a stage of n instances waits for its slowest start: with a cold fraction p it pays the cold
 * start with probability 1 − (1 − p)^n. The simulator draws warm or cold per instance.
 */

export interface InvocationLatency {
  readonly warmMs: number;
  readonly coldMs: number;
  /** Probability that an instance starts cold, in [0, 1]. */
  readonly coldFraction: number;
}

/** The two outcomes with their probabilities (one when the fraction is 0 or 1). */
export function startupOutcomes(inv: InvocationLatency): { readonly value: number; readonly prob: number }[] {
  const p = Math.min(1, Math.max(0, inv.coldFraction));
  if (p === 0) return [{ value: inv.warmMs, prob: 1 }];
  if (p === 1) return [{ value: inv.coldMs, prob: 1 }];
  return [
    { value: inv.warmMs, prob: 1 - p },
    { value: inv.coldMs, prob: p },
  ];
}

export function expectedStartupMs(inv: InvocationLatency): number {
  return startupOutcomes(inv).reduce((a, o) => a + o.value * o.prob, 0);
}

/** One instance's startup for a uniform draw u ∈ (0, 1): cold when u < coldFraction. */
export function drawStartupMs(inv: InvocationLatency, u: number): number {
  return u < inv.coldFraction ? inv.coldMs : inv.warmMs;
}

/** Probability that at least one of n instances starts cold. */
export function anyColdProbability(inv: InvocationLatency, n: number): number {
  return 1 - Math.pow(1 - Math.min(1, Math.max(0, inv.coldFraction)), Math.max(0, n));
}
