/**
 * Phase "estimate": predicts every stage's instances, sizes, runtime and memory at this input size.
 * Pre: a validated Dag whose functions all have profiles. Post: one StageEstimate per stage and one
 * EdgeFlow per edge, all finite and non-negative, instance counts consistent with every pattern.
 *
 * A stage with `repeat` k runs k times in sequence per instance, each run on 1/k of the instance's
 * input: runtime and output add up over the runs, memory is one run's.
 *
 * Runtime is a distribution, not a point (stragglers, physics/order-statistics.ts): the profile's
 * quantile grid where it spreads (a learned set's residuals), else a lognormal of `noiseCv` around
 * the point; k repeated runs add up (mean k · μ, spread √k · σ). Where traces gave a cold-start
 * profile, its runtime is kept beside the warm one (stage-terms mixes them by the platform's cold
 * fraction). A profile whose durations include their object-store I/O has that I/O taken out.
 *
 * Root stages read the app input (or their `inputFraction` of it), split evenly over their instances. A stage without a fixed
 * instance count runs: n_u for a one-to-one input, 1 for a gather input, otherwise the largest
 * predicted fanout of its producers (rounded, at least 1; for scatter, rounded up to a multiple of n_u).
 */
import type { Dag } from "../dag/types.js";
import { InputError, issue, show, suggestionParams, type Issue } from "../errors.js";
import { extrapolationWarnings, memorySettingWarning } from "../profiles/set/extrapolation-warnings.js";
import type { FunctionProfile, ProfileContext, ProfileProvider, TargetQuantiles } from "../profiles/types.js";
import { meanOf, pointAtoms, spreadOver, type Atoms } from "../physics/distribution.js";
import { DEFAULT_RUNTIME_CV, targetAtoms } from "../physics/dispersion.js";
import { computeOnlyMs, type MeasuredIo } from "../physics/io-included.js";
import { edgeFlow, type EdgeFlow } from "./edge-flow.js";
import { profileQuantilesOf } from "../profiles/profile-quantiles.js";

export interface StageEstimate {
  readonly stageId: string;
  readonly function: string;
  readonly instances: number;
  /** Sequential runs per instance (the stage's `repeat`), each one invocation; 1 without a repeat. */
  readonly runs?: number;
  /** Bytes one instance reads. */
  readonly instanceInputBytes: number;
  /** Bytes the whole stage reads. */
  readonly stageInputBytes: number;
  /** Mean runtime of one instance (compute only: a profile whose durations include their I/O has it taken out). */
  readonly runtimeMs: number;
  /** How one instance's (warm) runtime spreads: the profile's quantile grid, or a lognormal around a point profile. */
  readonly runtimeAtoms: Atoms;
  /** The runtime of an instance that starts cold, where traces gave a cold-start profile (it includes the start). */
  readonly coldRuntimeAtoms?: Atoms;
  /** Bytes every instance reads from the object store besides its edges (reference files, models). */
  readonly sideInputBytes: number;
  readonly memoryMb: number;
  readonly instanceOutputBytes: number;
  /** Total output of the stage: instances × instanceOutputBytes. */
  readonly outputBytes: number;
  /** The profile's fanout at this stage's input (what a downstream stage without a fixed count uses). */
  readonly predictedFanout: number;
}

export interface Estimates {
  readonly inputBytes: number;
  /** Stages whose learned profiles were used outside the input sizes they were trained on. */
  readonly warnings: readonly string[];
  readonly stages: ReadonlyMap<string, StageEstimate>;
  /** Indexed like dag.edges. */
  readonly flows: readonly EdgeFlow[];
}

function checked(value: number, fn: string, target: string, atBytes: number, issues: Issue[]): number {
  if (!Number.isFinite(value) || value < 0) {
    issues.push(issue("profiles.unusableValue", { path: ["profiles", fn, target], actual: String(value), params: { atBytes } }));
    return 0;
  }
  return value;
}

export interface EstimateOptions {
  /** Coefficient of variation of point profiles' runtimes (default DEFAULT_RUNTIME_CV, the simulator's default noise). */
  readonly noiseCv?: number;
  /** The object store a profile that includes its I/O was measured against (its I/O is taken out of its durations). */
  readonly measuredIo?: MeasuredIo;
}

export function estimateStages(dag: Dag, inputBytes: number, profiles: ProfileProvider, quantiles: TargetQuantiles = {}, context: ProfileContext = {}, options: EstimateOptions = {}): Estimates {
  const cv = options.noiseCv ?? DEFAULT_RUNTIME_CV;
  const grid = profileQuantilesOf(profiles);
  const issues: Issue[] = [];
  const warnings: string[] = [];
  const stages = new Map<string, StageEstimate>();
  const flows: EdgeFlow[] = new Array(dag.edges.length);
  const cache = new Map<string, FunctionProfile | undefined>();
  const profileOf = (fn: string) => {
    if (!cache.has(fn)) cache.set(fn, profiles.profileFor(fn, quantiles, context));
    return cache.get(fn);
  };

  for (const id of dag.order) {
    const stage = dag.stageById.get(id)!;
    const profile = profileOf(stage.function);
    if (profile === undefined) {
      issues.push(issue("dag.unknownFunction", { path: ["stages", id, "function"], expected: `one of ${profiles.functionNames.join(", ")}`, actual: show(stage.function), params: suggestionParams(stage.function, profiles.functionNames) }));
      continue;
    }
    const inEdges = dag.incoming.get(id)!;
    let instances = stage.instances;
    if (instances === undefined) {
      if (inEdges.length === 0) instances = 1;
      else {
        const oneToOne = inEdges.find((i) => dag.edges[i]!.pattern === "one-to-one");
        if (oneToOne !== undefined) instances = stages.get(dag.edges[oneToOne]!.from)?.instances ?? 1;
        else if (inEdges.some((i) => dag.edges[i]!.pattern === "gather")) instances = 1;
        else {
          instances = 1;
          for (const i of inEdges) {
            const u = stages.get(dag.edges[i]!.from);
            if (u === undefined) continue;
            let n = Math.max(1, Math.round(u.predictedFanout));
            if (dag.edges[i]!.pattern === "scatter") n = Math.ceil(n / u.instances) * u.instances;
            instances = Math.max(instances, n);
          }
        }
      }
      // An open count not yet chosen (plan() sizes it first: src/plan/sizing) stays within its range.
      const range = stage.instanceRange;
      if (range !== undefined && !inEdges.some((i) => dag.edges[i]!.pattern === "one-to-one" || dag.edges[i]!.pattern === "gather")) instances = Math.min(range.max, Math.max(range.min, instances));
    }
    let instanceInputBytes = 0;
    if (inEdges.length === 0) instanceInputBytes = (inputBytes * (stage.inputFraction ?? 1)) / instances;
    for (const i of inEdges) {
      const e = dag.edges[i]!;
      const u = stages.get(e.from);
      if (u === undefined) continue;
      const flow = edgeFlow(e.pattern, u.outputBytes, u.instances, instances);
      flows[i] = flow;
      instanceInputBytes += flow.bytesPerReader;
      const bad =
        (e.pattern === "one-to-one" && u.instances !== instances) ||
        (e.pattern === "gather" && instances !== 1) ||
        (e.pattern === "scatter" && (instances < u.instances || instances % u.instances !== 0));
      if (bad) {
        issues.push(issue("plan.patternCountsPredicted", { path: ["edges", `${e.from}->${e.to}`, "pattern"], expected: e.pattern === "gather" ? "1 consumer instance" : `a count consistent with ${u.instances} producer instances`, actual: `${u.instances} → ${instances}`, params: { pattern: e.pattern } }));
      }
    }
    const fn = stage.function;
    // A stage that repeats runs `repeat` times in sequence, each run on its share of the input (one
    // invocation each); its runtime is taken at the stage's configured memory, when it has one.
    const runs = stage.repeat ?? 1;
    const runInputBytes = instanceInputBytes / runs;
    const pointRuntimeMs = checked(profile.runtimeMs(runInputBytes, stage.memoryMb), fn, "runtimeMs", runInputBytes, issues);
    const memoryMb = checked(profile.memoryMb(runInputBytes), fn, "memoryMb", runInputBytes, issues);
    let runOutputBytes = checked(profile.outputBytes(runInputBytes), fn, "outputBytes", runInputBytes, issues);
    // Output bytes drive transfers in sum: the mean over the profile's spread, unless a quantile was asked for.
    const outputGrid = quantiles.outputBytes === undefined ? grid.gridValues(fn, "outputBytes", runInputBytes) : undefined;
    if (outputGrid !== undefined) runOutputBytes = checked(outputGrid.reduce((a, v) => a + Math.max(0, v), 0) / outputGrid.length, fn, "outputBytes", runInputBytes, issues);
    const instanceOutputBytes = runs * runOutputBytes;
    const computeOnly = (p: FunctionProfile, ms: number) => (p.runtimeIncludesIo === true && options.measuredIo !== undefined ? computeOnlyMs(ms, runInputBytes, runOutputBytes, options.measuredIo) : ms);
    const runAtoms = (p: FunctionProfile, pointMs: number, spreadGrid: readonly number[] | undefined): Atoms =>
      quantiles.runtimeMs !== undefined ? pointAtoms(computeOnly(p, pointMs)) : targetAtoms(computeOnly(p, pointMs), spreadGrid === undefined ? undefined : (u) => computeOnly(p, spreadGrid[Math.min(spreadGrid.length - 1, Math.floor(u * spreadGrid.length))]!), cv);
    const runtimeGrid = quantiles.runtimeMs === undefined ? grid.gridValues(fn, "runtimeMs", runInputBytes, stage.memoryMb) : undefined;
    const runtimeAtoms = spreadOver(runAtoms(profile, pointRuntimeMs, runtimeGrid), runs);
    const runtimeMs = runs * (runtimeGrid === undefined ? computeOnly(profile, pointRuntimeMs) : meanOf(runAtoms(profile, pointRuntimeMs, runtimeGrid)));
    let coldRuntimeAtoms: Atoms | undefined;
    if (profiles.segments?.(fn).includes("cold") === true) {
      const cold = profiles.profileFor(fn, quantiles, { ...context, segment: "cold" });
      if (cold !== undefined) coldRuntimeAtoms = spreadOver(runAtoms(cold, checked(cold.runtimeMs(runInputBytes, stage.memoryMb), fn, "runtimeMs", runInputBytes, issues), undefined), runs);
    }
    const stageInputBytes = instanceInputBytes * instances;
    const predictedFanout = checked(profile.fanout(stageInputBytes), fn, "fanout", stageInputBytes, issues);
    // The fanout law matters only where a consumer takes its instance count from it.
    const fanoutUsed = dag.outgoing.get(id)!.some((i) => dag.stageById.get(dag.edges[i]!.to)!.instances === undefined);
    warnings.push(...extrapolationWarnings(profiles, id, fn, instanceInputBytes, stageInputBytes, fanoutUsed));
    const memoryWarning = memorySettingWarning(profiles, id, fn, stage.memoryMb);
    if (memoryWarning !== undefined) warnings.push(memoryWarning);
    stages.set(id, {
      stageId: id,
      function: fn,
      instances,
      ...(runs === 1 ? {} : { runs }),
      instanceInputBytes,
      stageInputBytes,
      runtimeMs,
      runtimeAtoms,
      ...(coldRuntimeAtoms === undefined ? {} : { coldRuntimeAtoms }),
      sideInputBytes: stage.sideInputBytes ?? 0,
      memoryMb,
      instanceOutputBytes,
      outputBytes: instanceOutputBytes * instances,
      predictedFanout,
    });
  }
  if (issues.length > 0) throw new InputError("Cannot estimate the DAG's stages", issues);
  return { inputBytes, warnings, stages, flows };
}
