/**
 * Phase "estimate": predicts every stage's instances, sizes, runtime and memory at this input size.
 * Pre: a validated Dag whose functions all have profiles. Post: one StageEstimate per stage and one
 * EdgeFlow per edge, all finite and non-negative, instance counts consistent with every pattern.
 *
 * A stage with `repeat` k runs k times in sequence per instance, each run on 1/k of the instance's
 * input: runtime and output add up over the runs, memory is one run's.
 *
 * Root stages read the app input (or their `inputFraction` of it), split evenly over their instances. A stage without a fixed
 * instance count runs: n_u for a one-to-one input, 1 for a gather input, otherwise the largest
 * predicted fanout of its producers (rounded, at least 1; for scatter, rounded up to a multiple of n_u).
 */
import type { Dag } from "../dag/types.js";
import { InputError, issue, show, suggestionParams, type Issue } from "../errors.js";
import { extrapolationWarnings } from "../profiles/extrapolation-warnings.js";
import type { FunctionProfile, ProfileContext, ProfileProvider, TargetQuantiles } from "../profiles/types.js";
import { edgeFlow, type EdgeFlow } from "./edge-flow.js";

export interface StageEstimate {
  readonly stageId: string;
  readonly function: string;
  readonly instances: number;
  /** Bytes one instance reads. */
  readonly instanceInputBytes: number;
  /** Bytes the whole stage reads. */
  readonly stageInputBytes: number;
  readonly runtimeMs: number;
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

export function estimateStages(dag: Dag, inputBytes: number, profiles: ProfileProvider, quantiles: TargetQuantiles = {}, context: ProfileContext = {}): Estimates {
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
      // An open count not yet chosen (plan() sizes it first: src/sizing) stays within its range.
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
    // A stage that repeats runs `repeat` times in sequence, each run on its share of the input; its
    // runtime is taken at the stage's configured memory, when it has one.
    // (repeat) runs `repeat` times in sequence, each run on its share of the input.
    const runs = stage.repeat ?? 1;
    const runInputBytes = instanceInputBytes / runs;
    const runtimeMs = runs * checked(profile.runtimeMs(runInputBytes, stage.memoryMb), fn, "runtimeMs", runInputBytes, issues);
    const memoryMb = checked(profile.memoryMb(runInputBytes), fn, "memoryMb", runInputBytes, issues);
    const instanceOutputBytes = runs * checked(profile.outputBytes(runInputBytes), fn, "outputBytes", runInputBytes, issues);
    const stageInputBytes = instanceInputBytes * instances;
    const predictedFanout = checked(profile.fanout(stageInputBytes), fn, "fanout", stageInputBytes, issues);
    // The fanout law matters only where a consumer takes its instance count from it.
    const fanoutUsed = dag.outgoing.get(id)!.some((i) => dag.stageById.get(dag.edges[i]!.to)!.instances === undefined);
    warnings.push(...extrapolationWarnings(profiles, id, fn, instanceInputBytes, stageInputBytes, fanoutUsed));
    stages.set(id, {
      stageId: id,
      function: fn,
      instances,
      instanceInputBytes,
      stageInputBytes,
      runtimeMs,
      memoryMb,
      instanceOutputBytes,
      outputBytes: instanceOutputBytes * instances,
      predictedFanout,
    });
  }
  if (issues.length > 0) throw new InputError("Cannot estimate the DAG's stages", issues);
  return { inputBytes, warnings, stages, flows };
}
