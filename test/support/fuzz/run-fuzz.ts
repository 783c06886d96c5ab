/** Runs `count` seeded cases of a target and tallies them: kinds, error codes, the slowest case, and every crash or non-finite result with its input. */
import fc from "fast-check";
import { classify, type FuzzKind } from "./run-case.js";
import type { FuzzTarget } from "./targets.js";

export interface FuzzTally {
  readonly target: string;
  readonly cases: number;
  readonly kinds: Record<FuzzKind, number>;
  readonly codes: ReadonlyMap<string, number>;
  readonly over5s: number;
  readonly maxMs: number;
  readonly medianMs: number;
  readonly failures: readonly { kind: FuzzKind; detail: string; input: string }[];
}

export async function runFuzz<T>(target: FuzzTarget<T>, count: number, seed: number): Promise<FuzzTally> {
  const kinds: Record<FuzzKind, number> = { result: 0, error: 0, nonFinite: 0, crash: 0 };
  const codes = new Map<string, number>();
  const failures: { kind: FuzzKind; detail: string; input: string }[] = [];
  const times: number[] = [];
  for (const input of fc.sample(target.arb, { numRuns: count, seed })) {
    const o = await classify(() => target.run(input));
    kinds[o.kind]++;
    times.push(o.ms);
    if (o.kind === "error") codes.set(o.detail!, (codes.get(o.detail!) ?? 0) + 1);
    if (o.kind === "crash" || o.kind === "nonFinite") failures.push({ kind: o.kind, detail: o.detail ?? "", input: fc.stringify(input).slice(0, 600) });
  }
  times.sort((a, b) => a - b);
  return { target: target.name, cases: count, kinds, codes, over5s: times.filter((t) => t > 5000).length, maxMs: times.at(-1) ?? 0, medianMs: times[Math.floor((times.length - 1) / 2)] ?? 0, failures };
}
