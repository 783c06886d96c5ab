/**
 * A profile provider read through a quantile function per target — the one interface both engines
 * use to see how a function's runtime, memory and output spread, whatever stores the spread (a
 * trained set's residuals, a fixed-size quantile summary, or nothing).
 *
 * `spreads(fn)`: whether the provider's answer moves with the quantile (probed at 0.1 vs 0.9 at
 * three sizes). `at(fn, target, u)`: the profile with `target` at quantile u snapped to the
 * QUANTILE_GRID midpoints (physics/dispersion.ts) — at most 200 profiles per function and target,
 * cached. A point provider (plain functions) answers the median for every u.
 */
import { QUANTILE_GRID, snapQuantile } from "../physics/dispersion.js";
import type { FunctionProfile, ProfileProvider, ProfileTarget } from "../profiles/types.js";

export interface ProfileQuantiles {
  readonly provider: ProfileProvider;
  spreads(fn: string): boolean;
  at(fn: string, target: ProfileTarget, u: number): FunctionProfile | undefined;
  /** The target's value at input x for every grid midpoint, or undefined for a point profile. */
  gridValues(fn: string, target: ProfileTarget, x: number, read: (p: FunctionProfile, x: number) => number): number[] | undefined;
}

export function createProfileQuantiles(provider: ProfileProvider): ProfileQuantiles {
  const spreadByFn = new Map<string, boolean>();
  const byKey = new Map<string, FunctionProfile | undefined>();
  const spreads = (fn: string): boolean => {
    let v = spreadByFn.get(fn);
    if (v === undefined) {
      const lo = provider.profileFor(fn, { runtimeMs: 0.1, memoryMb: 0.1, outputBytes: 0.1 });
      const hi = provider.profileFor(fn, { runtimeMs: 0.9, memoryMb: 0.9, outputBytes: 0.9 });
      v = lo !== undefined && hi !== undefined && [1e4, 1e6, 1e8].some((x) => lo.runtimeMs(x) !== hi.runtimeMs(x) || lo.outputBytes(x) !== hi.outputBytes(x) || lo.memoryMb(x) !== hi.memoryMb(x));
      spreadByFn.set(fn, v);
    }
    return v;
  };
  const at = (fn: string, target: ProfileTarget, u: number): FunctionProfile | undefined => {
    const q = spreads(fn) ? snapQuantile(u) : 0.5;
    const key = `${fn}\u0000${target}\u0000${q}`;
    if (!byKey.has(key)) byKey.set(key, provider.profileFor(fn, q === 0.5 ? {} : { [target]: q }));
    return byKey.get(key);
  };
  return {
    provider,
    spreads,
    at,
    gridValues(fn, target, x, read) {
      if (!spreads(fn)) return undefined;
      const out: number[] = [];
      for (let k = 0; k < QUANTILE_GRID; k++) {
        const p = at(fn, target, (k + 0.5) / QUANTILE_GRID);
        out.push(p === undefined ? 0 : read(p, x));
      }
      return out;
    },
  };
}
