/**
 * Phase "estimate": predicts every stage's instances, sizes, runtime and memory at this input size.
 * Pre: a validated Dag whose functions all have profiles. Post: one StageEstimate per stage and one
 * EdgeFlow per edge, all finite and non-negative, instance counts consistent with every pattern.
 *
 * Root stages read the app input (or their `inputFraction` of it), split evenly over their instances. A stage without a fixed
 * instance count runs: n_u for a one-to-one input, 1 for a gather input, otherwise the largest
 * predicted fanout of its producers (rounded, at least 1; for scatter, rounded up to a multiple of n_u).
 */
import type { Dag } from "../dag/types.js";
import { InputError, type Issue } from "../errors.js";
import type { FunctionProfile, ProfileProvider, TargetQuantiles } from "../profiles/types.js";
import { meanOf, pointAtoms, type Atoms } from "../physics/distribution.js";
import { DEFAULT_RUNTIME_CV, targetAtoms } from "../physics/dispersion.js";
import { computeOnlyMs, type MeasuredIo } from "../physics/io-included.js";
import { edgeFlow, type EdgeFlow } from "./edge-flow.js";
import { createProfileQuantiles } from "./profile-quantiles.js";

export interface StageEstimate {
  readonly stageId: string;
  readonly function: string;
  readonly instances: number;
  /** Bytes one instance reads. */
  readonly instanceInputBytes: number;
  /** Bytes the whole stage reads. */
  readonly stageInputBytes: number;
  /** Mean runtime of one instance (compute only: a profile whose durations include their I/O has it taken out). */
  readonly runtimeMs: number;
  /** How one instance's runtime spreads: the profile's quantile grid, or a lognormal around a point profile. */
  readonly runtimeAtoms: Atoms;
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
    issues.push({ code: "invalid_value", path: ["profiles", fn, target], message: `profile returned an unusable value at ${atBytes} input bytes`, expected: "a finite number ≥ 0", actual: String(value) });
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

export function estimateStages(dag: Dag, inputBytes: number, profiles: ProfileProvider, quantiles: TargetQuantiles = {}, options: EstimateOptions = {}): Estimates {
  const cv = options.noiseCv ?? DEFAULT_RUNTIME_CV;
  const grid = createProfileQuantiles(profiles);
  const issues: Issue[] = [];
  const warnings: string[] = [];
  const stages = new Map<string, StageEstimate>();
  const flows: EdgeFlow[] = new Array(dag.edges.length);
  const cache = new Map<string, FunctionProfile | undefined>();
  const profileOf = (fn: string) => {
    if (!cache.has(fn)) cache.set(fn, profiles.profileFor(fn, quantiles));
    return cache.get(fn);
  };

  for (const id of dag.order) {
    const stage = dag.stageById.get(id)!;
    const profile = profileOf(stage.function);
    if (profile === undefined) {
      issues.push({ code: "unknown_reference", path: ["stages", id, "function"], message: "no profile for this function", expected: `one of ${profiles.functionNames.join(", ")}`, actual: stage.function });
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
        issues.push({ code: "contradiction", path: ["edges", `${e.from}->${e.to}`, "pattern"], message: `${e.pattern} edge does not fit the instance counts`, expected: e.pattern === "gather" ? "1 consumer instance" : `a count consistent with ${u.instances} producer instances`, actual: `${u.instances} → ${instances}` });
      }
    }
    const fn = stage.function;
    const pointRuntimeMs = checked(profile.runtimeMs(instanceInputBytes), fn, "runtimeMs", instanceInputBytes, issues);
    const memoryMb = checked(profile.memoryMb(instanceInputBytes), fn, "memoryMb", instanceInputBytes, issues);
    let instanceOutputBytes = checked(profile.outputBytes(instanceInputBytes), fn, "outputBytes", instanceInputBytes, issues);
    // Output bytes drive transfers in sum: the mean over the profile's spread, unless a quantile was asked for.
    const outputGrid = quantiles.outputBytes === undefined ? grid.gridValues(fn, "outputBytes", instanceInputBytes, (p, x) => p.outputBytes(x)) : undefined;
    if (outputGrid !== undefined) instanceOutputBytes = checked(outputGrid.reduce((a, v) => a + Math.max(0, v), 0) / outputGrid.length, fn, "outputBytes", instanceInputBytes, issues);
    const computeOnly = (ms: number) => (profile.runtimeIncludesIo === true && options.measuredIo !== undefined ? computeOnlyMs(ms, instanceInputBytes, instanceOutputBytes, options.measuredIo) : ms);
    const runtimeGrid = quantiles.runtimeMs === undefined ? grid.gridValues(fn, "runtimeMs", instanceInputBytes, (p, x) => p.runtimeMs(x)) : undefined;
    const runtimeAtoms =
      quantiles.runtimeMs !== undefined
        ? pointAtoms(computeOnly(pointRuntimeMs))
        : targetAtoms(computeOnly(pointRuntimeMs), runtimeGrid === undefined ? undefined : (u) => computeOnly(runtimeGrid[Math.min(runtimeGrid.length - 1, Math.floor(u * runtimeGrid.length))]!), cv);
    const runtimeMs = runtimeGrid === undefined ? computeOnly(pointRuntimeMs) : meanOf(runtimeAtoms);
    const stageInputBytes = instanceInputBytes * instances;
    const predictedFanout = checked(profile.fanout(stageInputBytes), fn, "fanout", stageInputBytes, issues);
    const range = profiles.trainedInputBytes?.(fn);
    if (range !== undefined) {
      // The fanout law matters only where a consumer takes its instance count from it.
      const fanoutUsed = dag.outgoing.get(id)!.some((i) => dag.stageById.get(dag.edges[i]!.to)!.instances === undefined);
      const checks: [string, number][] = [["instance input", instanceInputBytes]];
      if (fanoutUsed) checks.push(["stage input (fanout)", stageInputBytes]);
      for (const [what, bytes] of checks) {
        if (bytes < range.min || bytes > range.max) {
          warnings.push(`${id}: ${fn}'s profile extrapolates at ${what} ${bytes.toExponential(3)} B (trained on ${range.min.toExponential(3)}–${range.max.toExponential(3)} B)`);
        }
      }
    }
    stages.set(id, {
      stageId: id,
      function: fn,
      instances,
      instanceInputBytes,
      stageInputBytes,
      runtimeMs,
      runtimeAtoms,
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
