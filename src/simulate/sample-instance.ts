/**
 * What one instance actually does: its runtime, peak memory and output bytes at its actual input
 * size, drawn rather than predicted.
 * - A function whose profile has a predictive distribution (a trained profile set): the instance
 *   draws quantiles u (one for runtime, one shared by memory and output size — big data is big in
 *   both) and asks `profileFor(fn, { runtimeMs: u })` etc. Quantiles are rounded to a 1/200 grid so
 *   the provider is asked at most 200 times per function and target. `noiseCv` (default 0) adds
 *   lognormal noise on top.
 * - A point profile (plain functions, or a provider whose answer does not move with the quantile —
 *   probed at 0.1 vs 0.9): the prediction times lognormal noise with mean 1 and coefficient of
 *   variation `noiseCv` (default 0.1; 0 = deterministic).
 * - `truth` records (from traces): the k = 8 records of the function nearest in log input size,
 *   one drawn uniformly, its values rescaled to this input by the profile's own ratio
 *   f(x) / f(record input) (output and runtime fall back to x / record input without a usable
 *   profile); functions without records fall back to the profiles.
 * - A profile whose runtimes include their own object-store I/O has that I/O taken out of each
 *   drawn runtime (physics/io-included.ts), as the planner does: the run adds the I/O it does.
 * Profiles are read through the same quantile interface as the planner (profiles/profile-quantiles.ts).
 */
import { profileQuantilesOf } from "../profiles/profile-quantiles.js";
import { DEFAULT_RUNTIME_CV } from "../physics/dispersion.js";
import { computeOnlyMs, type MeasuredIo } from "../physics/io-included.js";
import { sluiceError } from "../errors.js";
import { toProfileProvider, type FunctionProfile, type Profiles, type ProfileTarget } from "../profiles/types.js";
import { lognormalFactor, type RandomStream } from "./random.js";

/** The fields of a trace record the simulator replays. */
export interface TruthRecord {
  readonly function: string;
  readonly inputBytes: number;
  readonly runtimeMs: number;
  readonly memoryMb: number;
  readonly outputBytes: number;
}

export interface InstanceDraw {
  readonly runtimeMs: number;
  readonly memoryMb: number;
  readonly outputBytes: number;
  /** Where the draw came from. */
  readonly source: "provider" | "noise" | "truth";
  /** True when the runtime came from a traced cold-start profile (which includes the start). */
  readonly coldProfile?: boolean;
}

export const DEFAULT_NOISE_CV = DEFAULT_RUNTIME_CV;
const NEAREST = 8;

export interface SamplerOptions {
  readonly profiles: Profiles;
  readonly noiseCv?: number;
  readonly truth?: readonly TruthRecord[];
  /** The object store profiles that include their I/O were measured against. */
  readonly measuredIo?: MeasuredIo;
}

/** How an instance runs: its configured memory, how many sequential runs it makes, whether it started cold. */
export interface DrawContext {
  readonly memoryMb?: number;
  /** Sequential runs (a stage's `repeat`), each on 1/runs of the input; runtimes and outputs add up. */
  readonly runs?: number;
  /** The instance starts cold: where the function has a traced cold-start profile, it runs at that. */
  readonly cold?: boolean;
}

export type Sampler = (fn: string, inputBytes: number, stream: RandomStream, context?: DrawContext) => InstanceDraw;

export function createSampler(options: SamplerOptions): Sampler {
  const provider = toProfileProvider(options.profiles);
  const grid = profileQuantilesOf(provider);
  const pointCv = options.noiseCv ?? DEFAULT_NOISE_CV;
  const spreadCv = options.noiseCv ?? 0;
  const spreads = (fn: string) => grid.spreads(fn);
  const truthByFn = new Map<string, TruthRecord[]>();
  for (const r of options.truth ?? []) {
    if (!(r.inputBytes >= 0)) continue;
    const list = truthByFn.get(r.function) ?? [];
    list.push(r);
    truthByFn.set(r.function, list);
  }
  for (const list of truthByFn.values()) list.sort((a, b) => a.inputBytes - b.inputBytes || a.runtimeMs - b.runtimeMs || a.outputBytes - b.outputBytes);

  const at = (fn: string, target: ProfileTarget, u: number): FunctionProfile => {
    const p = grid.at(fn, target, u);
    if (p === undefined) throw sluiceError("simulate.unknownFunction", { path: ["profiles", fn], params: { function: fn } });
    return p;
  };
  const computeOnly = (p: FunctionProfile, ms: number, x: number, out: number) => (p.runtimeIncludesIo === true && options.measuredIo !== undefined ? computeOnlyMs(ms, x, out, options.measuredIo) : ms);

  const coldProfiles = new Map<string, FunctionProfile | undefined>();
  const coldProfile = (fn: string): FunctionProfile | undefined => {
    if (!coldProfiles.has(fn)) coldProfiles.set(fn, provider.segments?.(fn).includes("cold") === true ? provider.profileFor(fn, {}, { segment: "cold" }) : undefined);
    return coldProfiles.get(fn);
  };

  const drawOne = (fn: string, x: number, stream: RandomStream, context: DrawContext): InstanceDraw => {
    const uRun = stream.uniform();
    const uData = stream.uniform();
    const runP = at(fn, "runtimeMs", uRun);
    const memP = at(fn, "memoryMb", uData);
    const outP = at(fn, "outputBytes", uData);
    const records = truthByFn.get(fn);
    if (records !== undefined && records.length > 0) {
      const rec = nearestRecord(records, x, stream);
      return {
        runtimeMs: rec.runtimeMs * ratio(runP.runtimeMs(x), runP.runtimeMs(rec.inputBytes), x, rec.inputBytes),
        memoryMb: rec.memoryMb * ratio(memP.memoryMb(x), memP.memoryMb(rec.inputBytes), 1, 1),
        outputBytes: rec.outputBytes * ratio(outP.outputBytes(x), outP.outputBytes(rec.inputBytes), x, rec.inputBytes),
        source: "truth",
      };
    }
    const cv = spreads(fn) ? spreadCv : pointCv;
    const nRun = lognormalFactor(stream, cv);
    const nData = lognormalFactor(stream, cv);
    const outputBytes = nonNegative(outP.outputBytes(x)) * nData;
    const cold = context.cold === true ? coldProfile(fn) : undefined;
    // a cold-start profile is a point: drawn with the point profiles' noise, as the planner's atoms are
    const runtimeMs =
      cold !== undefined
        ? computeOnly(cold, nonNegative(cold.runtimeMs(x, context.memoryMb)), x, nonNegative(outP.outputBytes(x))) * (spreads(fn) ? lognormalFactor(stream, pointCv) : nRun)
        : computeOnly(runP, nonNegative(runP.runtimeMs(x, context.memoryMb)), x, nonNegative(outP.outputBytes(x))) * nRun;
    return {
      runtimeMs,
      memoryMb: nonNegative(memP.memoryMb(x)) * nData,
      outputBytes,
      source: spreads(fn) ? "provider" : "noise",
      ...(cold === undefined ? {} : { coldProfile: true }),
    };
  };

  return (fn, x, stream, context = {}) => {
    const runs = Math.max(1, Math.floor(context.runs ?? 1));
    if (runs === 1) return drawOne(fn, x, stream, context);
    // k runs in sequence, each on 1/k of the input: runtimes and outputs add up, memory is the largest run's
    let runtimeMs = 0;
    let outputBytes = 0;
    let memoryMb = 0;
    let first: InstanceDraw | undefined;
    for (let r = 0; r < runs; r++) {
      const d = drawOne(fn, x / runs, stream, context);
      first ??= d;
      runtimeMs += d.runtimeMs;
      outputBytes += d.outputBytes;
      memoryMb = Math.max(memoryMb, d.memoryMb);
    }
    return { ...first!, runtimeMs, outputBytes, memoryMb };
  };
}

function nonNegative(v: number): number {
  return Number.isFinite(v) && v > 0 ? v : 0;
}

/** f(x) / f(x0) when both are usable, else the fallback ratio x / x0 (1 when undefined). */
function ratio(fx: number, fx0: number, x: number, x0: number): number {
  if (Number.isFinite(fx) && Number.isFinite(fx0) && fx > 0 && fx0 > 0) return fx / fx0;
  if (x0 > 0 && x > 0) return x / x0;
  return 1;
}

function nearestRecord(sorted: readonly TruthRecord[], x: number, stream: RandomStream): TruthRecord {
  const lx = Math.log(Math.max(x, 1));
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.inputBytes < x) lo = mid + 1;
    else hi = mid;
  }
  // Widen a window around the insertion point to the NEAREST closest records in log size.
  let a = lo;
  let b = lo;
  const dist = (i: number) => Math.abs(Math.log(Math.max(sorted[i]!.inputBytes, 1)) - lx);
  while (b - a < Math.min(NEAREST, sorted.length)) {
    if (a === 0) b++;
    else if (b === sorted.length) a--;
    else if (dist(a - 1) <= dist(b)) a--;
    else b++;
  }
  return sorted[a + Math.min(b - a - 1, Math.floor(stream.uniform() * (b - a)))]!;
}
