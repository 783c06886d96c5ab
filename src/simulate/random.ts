/**
 * Seeded randomness for the simulator. Never Math.random: every draw comes from a stream derived
 * from (seed, label), so a stage instance draws the same numbers whatever the plan or the event
 * order — common random numbers across the policies being compared.
 */
import { mulberry32U32 } from "../util/mulberry32.js";

export interface RandomStream {
  /** A uniform float in (0, 1). */
  uniform(): number;
  /** A standard normal variate (Box–Muller). */
  normal(): number;
}

/** FNV-1a over the label's UTF-16 code units, mixed with the seed. */
export function hashLabel(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/** mulberry32 seeded from (seed, label). */
export function createStream(seed: number, label: string): RandomStream {
  const nextU32 = mulberry32U32(hashLabel(seed, label));
  const next = (): number => (nextU32() + 0.5) / 4294967296;
  return {
    uniform: next,
    normal: () => Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next()),
  };
}

/**
 * A multiplicative noise factor with mean 1 and coefficient of variation `cv` (lognormal:
 * σ² = ln(1 + cv²), μ = −σ²/2). cv = 0 gives exactly 1 and draws nothing.
 */
export function lognormalFactor(stream: RandomStream, cv: number): number {
  if (cv <= 0) return 1;
  const s2 = Math.log(1 + cv * cv);
  return Math.exp(-s2 / 2 + Math.sqrt(s2) * stream.normal());
}
