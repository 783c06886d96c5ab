/**
 * Slot pickup: a job engine whose workers fetch one job at a time starts an instance queued for a
 * slot `pickupMs` after that slot's previous instance ended (the job's completion and the next
 * fetch, platform.invocation.pickupMs). The first wave's pickup is within the stage's step
 * (invocation.stepMs), so over n instances on S slots, `span` being the span law of
 * order-statistics.ts (its mean or a quantile):
 *
 *   span with pickup = span(D + pickup) − pickup   (n > S: every later instance pays it)
 *                    = span(D)                     (n ≤ S: one wave, nothing queued)
 *
 * A point duration d over w = ⌈n / S⌉ waves gives w · d + (w − 1) · pickup.
 */
import { shiftAtoms, type Atoms } from "./distribution.js";

export function spanWithPickupMs(span: (atoms: Atoms) => number, atoms: Atoms, instances: number, slots: number, pickupMs: number): number {
  if (!(pickupMs > 0) || instances <= slots) return span(atoms);
  return span(shiftAtoms(atoms, [{ value: pickupMs, prob: 1 }])) - pickupMs;
}
