/**
 * A profile provider read through a quantile function per target — the one interface both engines
 * use to see how a function's runtime, memory and output spread, whatever stores the spread (a
 * trained set's residuals, a fixed-size quantile summary, or nothing).
 *
 * `spreads(fn)`: whether the provider's answer moves with the quantile (probed at 0.1 vs 0.9 at
 * three sizes). `at(fn, target, u)`: the profile with `target` at quantile u snapped to the
 * QUANTILE_GRID midpoints (physics/dispersion.ts) — at most 200 profiles per function and target,
 * cached by grid cell. A point provider (plain functions) answers the median for every u.
 */
import { QUANTILE_GRID } from "../physics/dispersion.js";
import type { FunctionProfile, ProfileProvider, ProfileTarget } from "./types.js";

export interface ProfileQuantiles {
  readonly provider: ProfileProvider;
  spreads(fn: string): boolean;
  at(fn: string, target: ProfileTarget, u: number): FunctionProfile | undefined;
  /**
   * The target's value at input x (runtime at `memoryMb`, when given) for every grid midpoint, or
   * undefined for a point profile. Kept per input (the last GRID_VALUES_KEPT per function and target):
   * the sizing search asks for the same inputs again and again. Read-only: callers share it.
   */
  gridValues(fn: string, target: ProfileTarget, x: number, memoryMb?: number): readonly number[] | undefined;
}

/** Grids of values kept per function and target (≈ 1.6 kB each). */
export const GRID_VALUES_KEPT = 64;

function read(p: FunctionProfile, target: ProfileTarget, x: number, memoryMb: number | undefined): number {
  switch (target) {
    case "runtimeMs":
      return p.runtimeMs(x, memoryMb);
    case "memoryMb":
      return p.memoryMb(x);
    case "outputBytes":
      return p.outputBytes(x);
    case "fanout":
      return p.fanout(x);
  }
}

/** Per function: whether it spreads, its median profile, and per target the profiles of the grid cells asked for so far. */
interface FunctionCells {
  readonly spreads: boolean;
  median?: FunctionProfile | undefined;
  readonly cells: Map<ProfileTarget, (FunctionProfile | undefined)[]>;
  /** Per target: grids of values by "x memoryMb", oldest first. */
  readonly values: Map<ProfileTarget, Map<string, readonly number[]>>;
}

export function createProfileQuantiles(provider: ProfileProvider): ProfileQuantiles {
  const byFn = new Map<string, FunctionCells>();
  const cellsOf = (fn: string): FunctionCells => {
    let c = byFn.get(fn);
    if (c === undefined) {
      const lo = provider.profileFor(fn, { runtimeMs: 0.1, memoryMb: 0.1, outputBytes: 0.1 });
      const hi = provider.profileFor(fn, { runtimeMs: 0.9, memoryMb: 0.9, outputBytes: 0.9 });
      const spreads = lo !== undefined && hi !== undefined && [1e4, 1e6, 1e8].some((x) => lo.runtimeMs(x) !== hi.runtimeMs(x) || lo.outputBytes(x) !== hi.outputBytes(x) || lo.memoryMb(x) !== hi.memoryMb(x));
      c = { spreads, cells: new Map(), values: new Map() };
      byFn.set(fn, c);
    }
    return c;
  };
  const median = (c: FunctionCells, fn: string): FunctionProfile | undefined => {
    if (!("median" in c)) c.median = provider.profileFor(fn, {});
    return c.median;
  };
  /** The profile with `target` at the midpoint of grid cell k (no midpoint is 0.5: the grid has an even count). */
  const cell = (c: FunctionCells, fn: string, target: ProfileTarget, k: number): FunctionProfile | undefined => {
    let row = c.cells.get(target);
    if (row === undefined) {
      row = new Array<FunctionProfile | undefined>(QUANTILE_GRID);
      c.cells.set(target, row);
    }
    if (!(k in row)) row[k] = provider.profileFor(fn, { [target]: (k + 0.5) / QUANTILE_GRID });
    return row[k];
  };
  const cellIndex = (u: number) => Math.min(QUANTILE_GRID - 1, Math.max(0, Math.floor(u * QUANTILE_GRID)));
  return {
    provider,
    spreads: (fn) => cellsOf(fn).spreads,
    at(fn, target, u) {
      const c = cellsOf(fn);
      return c.spreads ? cell(c, fn, target, cellIndex(u)) : median(c, fn);
    },
    gridValues(fn, target, x, memoryMb) {
      const c = cellsOf(fn);
      if (!c.spreads) return undefined;
      let kept = c.values.get(target);
      if (kept === undefined) {
        kept = new Map();
        c.values.set(target, kept);
      }
      const key = `${x} ${memoryMb}`;
      const hit = kept.get(key);
      if (hit !== undefined) return hit;
      const out: number[] = new Array(QUANTILE_GRID);
      for (let k = 0; k < QUANTILE_GRID; k++) {
        const p = cell(c, fn, target, k);
        out[k] = p === undefined ? 0 : read(p, target, x, memoryMb);
      }
      if (kept.size >= GRID_VALUES_KEPT) kept.delete(kept.keys().next().value!);
      kept.set(key, out);
      return out;
    },
  };
}

const kept = new WeakMap<ProfileProvider, ProfileQuantiles>();

/**
 * Marks a provider whose answers never change (the package's default profiles): its quantile
 * profiles are then built once and kept across calls, instead of once per estimate — the sizing
 * search estimates the same functions hundreds of times.
 */
export function keepProfileQuantiles(provider: ProfileProvider): void {
  if (!kept.has(provider)) kept.set(provider, createProfileQuantiles(provider));
}

/** The provider's quantile reader: the kept one for a marked provider, else a new one (cached for one call). */
export function profileQuantilesOf(provider: ProfileProvider): ProfileQuantiles {
  return kept.get(provider) ?? createProfileQuantiles(provider);
}
