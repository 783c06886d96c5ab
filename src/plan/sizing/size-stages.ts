/**
 * The sizing search: chooses open instance counts and, with memorySizes, memory sizes, so that
 * every stage's predicted peak fits its memory and the makespan is least within the budget (or the
 * cost least within the deadline, or makespan × cost least).
 *
 * What it searches: per open stage, min, the powers of two within its range and max (after a
 * scatter edge, multiples 1, 2, 4, … of the producer's count), up to what the VM pool runs at once
 * (poolSize × cores) — or up to the smallest count that fits memory, when that is more: past one
 * wave, more instances add waves rather than parallelism, and the search does not buy fractions of
 * a percent with thousands of instances; where the budget (deadline) falls between two adjacent
 * counts, the counts between them by bisection (refine-at-limit.ts: cost steps with the VMs a wave
 * holds, so the best count within the limit is often off the grid); per stage with memorySizes, "fit"
 * (the smallest listed size holding the predicted peak) and — only where the profile says runtime
 * falls with memory — every larger listed size. Each configuration is scored by the planner's
 * own pipeline (score-configuration.ts) with the heuristic solver; plan() then solves the chosen
 * configuration with the solver it was asked for.
 *
 * How: a start that walks the open stages in topological order and gives each the smallest count
 * at which it (and everything before it) fits, then coordinate descent — each stage in turn takes
 * its best setting with the others held — for at most MAX_ROUNDS rounds or until a round changes
 * nothing, and at most MAX_EVALUATIONS scored configurations.
 *
 * What it guarantees: deterministic (same inputs, same configuration); bounded (≤ MAX_EVALUATIONS
 * pipeline runs); the result is no worse than the start, and no single stage's setting on its grid
 * would improve it (a coordinate-wise optimum on the grid, as scored by the heuristic), unless the
 * evaluation cap stopped it, which the report says. It is not a global optimum over all joint
 * settings.
 */
import { validateDag } from "../../dag/validate-dag.js";
import type { PlanOptions } from "../options.js";
import { ownedOptions, prepareEstimates } from "../prepare-problem.js";
import { resolvePlatform } from "../../platform/resolve-platform.js";
import { resolveQuantiles } from "../../profiles/types.js";
import { parseSizeBytes } from "../../units/size.js";
import { compareScores } from "./compare-scores.js";
import { configurationKey } from "./configuration.js";
import { explainSizing } from "./explain-sizing.js";
import { checkMemorySizes, fittingSize, memoryLimitMb } from "./memory-sizes.js";
import { scoreConfiguration, type SizingContext } from "./score-configuration.js";
import { refineAtLimit } from "./refine-at-limit.js";
import { searchSpace, type StageSpace } from "./search-space.js";
import type { Configuration, ConfigurationScore, SizingReport, StageSetting } from "./sizing-types.js";

export const MAX_ROUNDS = 3;
export const MAX_EVALUATIONS = 600;

export interface SizingResult {
  /** The DAG with every open count and memory filled in. */
  readonly dagInput: unknown;
  readonly score: ConfigurationScore;
  readonly report: SizingReport;
  /** The chosen configuration and the context it was scored in (to re-score neighbours, e.g. in a checker). */
  readonly configuration: Configuration;
  readonly context: SizingContext;
}

/** Whether the plan needs sizing: open counts in the DAG, or memory sizes to choose from. */
export function needsSizing(dagInput: unknown, options: PlanOptions): boolean {
  if (options.memorySizes !== undefined) return true;
  const stages = (dagInput as { stages?: unknown } | null)?.stages;
  return Array.isArray(stages) && stages.some((s) => typeof (s as { instances?: unknown } | null)?.instances === "object" || (s as { instances?: unknown } | null)?.instances === "auto");
}

export async function sizeStages(dagInput: unknown, inputSize: number | string, options: PlanOptions): Promise<SizingResult> {
  const platform = resolvePlatform(options.platform);
  const sizes = checkMemorySizes(options.memorySizes, platform);
  const dag = validateDag(dagInput);
  const space = searchSpace(dag, sizes !== undefined);
  const { memorySizes: _m, ...rest } = options;
  const ctx: SizingContext = {
    dag,
    inputBytes: parseSizeBytes(inputSize),
    options: ownedOptions(rest),
    ...(sizes === undefined ? {} : { sizes }),
    limitMb: memoryLimitMb(platform),
    scatterProducer: new Map(space.filter((s) => s.scatterFrom !== undefined).map((s) => [s.stageId, s.scatterFrom!])),
    timeLimitMs: options.timeLimitMs ?? 10_000,
  };
  const { profiles } = await prepareEstimates(dagInput, inputSize, ctx.options);
  const quantiles = resolveQuantiles(options.quantile);
  // the plan option is a shorthand for the platform's invocation.coldFraction (prepare-problem.ts)
  const coldFraction = options.coldFraction ?? platform.invocation.coldFraction;
  const context = coldFraction > 0 ? { coldFraction } : {};

  const cache = new Map<string, ConfigurationScore>();
  let evaluations = 0;
  const score = async (config: Configuration): Promise<ConfigurationScore> => {
    const key = configurationKey(config);
    let s = cache.get(key);
    if (s === undefined) {
      s = await scoreConfiguration(ctx, config);
      cache.set(key, s);
      evaluations++;
    }
    return s;
  };
  const countOf = (sp: StageSpace, c: number): StageSetting => (sp.scatterFrom === undefined ? { instances: c } : { multiplier: c });
  const withSetting = (config: Configuration, id: string, s: StageSetting): Configuration => new Map([...config, [id, s]]);

  // Start: memory fitted everywhere it is searched; each open count the smallest that fits.
  let config: Configuration = new Map(space.filter((s) => s.memory).map((s) => [s.stageId, { memoryMb: "fit" } as StageSetting]));
  const position = new Map(dag.order.map((id, i) => [id, i]));
  for (const sp of space.filter((s) => s.counts.length > 0)) {
    let chosen = sp.counts[sp.counts.length - 1]!;
    for (const c of sp.counts) {
      const s = await score(withSetting(config, sp.stageId, { ...config.get(sp.stageId), ...countOf(sp, c) }));
      const blamed = s.failedStage === undefined ? undefined : position.get(s.failedStage);
      if (s.ok || (blamed !== undefined && blamed > position.get(sp.stageId)!)) {
        chosen = c;
        break;
      }
    }
    config = withSetting(config, sp.stageId, { ...config.get(sp.stageId), ...countOf(sp, chosen) });
  }

  // Counts past one wave of the pool only where memory needs them (the start's count).
  const concurrent = platform.vm.poolSize * platform.vm.cores;
  const startInstances = (await score(config)).stages;
  const capped = space.map((sp): StageSpace => {
    if (sp.counts.length === 0) return sp;
    const own = config.get(sp.stageId)!;
    const start = own.instances ?? own.multiplier!;
    const per = sp.scatterFrom === undefined ? 1 : Math.max(1, startInstances.get(sp.scatterFrom)?.instances ?? 1);
    const cap = Math.max(start, Math.floor(concurrent / per));
    const counts = sp.counts.filter((c) => c <= cap);
    return { ...sp, counts: counts.includes(start) ? counts : [...counts, start].sort((a, b) => a - b) };
  });
  // Counts the bisection at the limit added to a stage's grid (refine-at-limit.ts).
  const refined = new Map<string, Set<number>>();
  const countsOf = (sp: StageSpace): number[] => [...new Set([...sp.counts, ...(refined.get(sp.stageId) ?? [])])].sort((a, b) => a - b);
  // Descent: each searched stage in turn takes its best setting with the others held.
  const searched = capped.filter((s) => s.counts.length > 0 || s.memory);
  const settingsOf = (sp: StageSpace, current: ConfigurationScore): StageSetting[] => {
    const own = config.get(sp.stageId) ?? {};
    const counts: StageSetting[] = sp.counts.length > 0 ? countsOf(sp).map((c) => countOf(sp, c)) : [{ ...(own.instances === undefined ? {} : { instances: own.instances }), ...(own.multiplier === undefined ? {} : { multiplier: own.multiplier }) }];
    if (!sp.memory || sizes === undefined) return counts;
    const st = current.stages.get(sp.stageId);
    const fn = dag.stageById.get(sp.stageId)!.function;
    const profile = profiles.profileFor(fn, quantiles, context);
    const x = st?.instanceInputBytes ?? 0;
    const sensitive = profile !== undefined && Math.abs(profile.runtimeMs(x, sizes[0]) - profile.runtimeMs(x, sizes[sizes.length - 1])) > 1e-9 * Math.max(1, profile.runtimeMs(x, sizes[0]));
    const fit = st === undefined ? undefined : fittingSize(sizes, st.peakMemoryMb);
    const memories: (number | "fit")[] = ["fit", ...(sensitive && fit !== undefined ? sizes.filter((m) => m > fit) : [])];
    return counts.flatMap((c) => memories.map((m) => ({ ...c, memoryMb: m })));
  };
  let current = await score(config);
  let rounds = 0;
  let stoppedEarly = false;
  for (let round = 0; round < MAX_ROUNDS && !stoppedEarly; round++) {
    rounds++;
    let changed = false;
    for (const sp of searched) {
      for (const s of settingsOf(sp, current)) {
        if (evaluations >= MAX_EVALUATIONS) {
          stoppedEarly = true;
          break;
        }
        const candidate = withSetting(config, sp.stageId, s);
        const sc = await score(candidate);
        if (compareScores(sc, current, options.objective ?? "latency") < 0) {
          config = candidate;
          current = sc;
          changed = true;
        }
      }
      if (stoppedEarly) break;
      if (sp.counts.length === 0) continue;
      // Where the limit falls between two counts of the grid, the best count is at its edge: bisect.
      const held = config;
      const memoryMb = held.get(sp.stageId)?.memoryMb;
      const at = (c: number): Configuration => withSetting(held, sp.stageId, { ...countOf(sp, c), ...(memoryMb === undefined ? {} : { memoryMb }) });
      const found = await refineAtLimit(countsOf(sp), (c) => score(at(c)), () => MAX_EVALUATIONS - evaluations);
      if (found.length > 0) refined.set(sp.stageId, new Set([...(refined.get(sp.stageId) ?? []), ...found]));
      for (const c of found) {
        const sc = await score(at(c));
        if (compareScores(sc, current, options.objective ?? "latency") < 0) {
          config = at(c);
          current = sc;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  const report = explainSizing({ dag, space: capped, sizes, config, current, cache, settingsOf, evaluations, rounds, stoppedEarly, objective: options.objective ?? "latency" });
  return { dagInput: current.dagInput ?? dagInput, score: current, report, configuration: config, context: ctx };
}
