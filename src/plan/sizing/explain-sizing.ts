/**
 * The sizing report a plan carries: per stage, how its instance count and memory were set and, for
 * what the search chose, why — the chosen setting against its neighbours on the grid (one fewer
 * step of instances, one more; the next memory size down and up), each scored by the same pipeline:
 * "32 instances: cannot run (predicted peak 9,811 MB…); 128 instances: 3.1% slower, 12% dearer".
 */
import type { Dag } from "../../dag/types.js";
import type { Objective } from "../../model/types.js";
import { configurationKey } from "./configuration.js";
import { fittingSize } from "./memory-sizes.js";
import type { StageSpace } from "./search-space.js";
import type { Configuration, ConfigurationScore, SizingReport, SizingStageReport, StageSetting } from "./sizing-types.js";

export interface ExplainInput {
  readonly dag: Dag;
  readonly space: readonly StageSpace[];
  readonly sizes: readonly number[] | undefined;
  readonly config: Configuration;
  readonly current: ConfigurationScore;
  readonly cache: ReadonlyMap<string, ConfigurationScore>;
  readonly settingsOf: (sp: StageSpace, current: ConfigurationScore) => StageSetting[];
  readonly evaluations: number;
  readonly rounds: number;
  readonly stoppedEarly: boolean;
  readonly objective: Objective;
}

const countOf = (n: number) => `${n} instance${n === 1 ? "" : "s"}`;
const pct = (a: number, b: number) => `${(Math.abs(a / b - 1) * 100).toFixed(1)}%`;

function versus(label: string, alt: ConfigurationScore | undefined, chosen: ConfigurationScore, objective: Objective): string | undefined {
  if (alt === undefined) return undefined;
  if (!alt.ok) return `${label}: cannot run (${alt.reason})`;
  if (chosen.withinLimit && !alt.withinLimit) return `${label}: over the ${objective === "cost" ? "deadline" : "budget"} (${objective === "cost" ? `${alt.makespanMs.toFixed(0)} ms` : `$${alt.costUsd.toPrecision(3)}`})`;
  const time = alt.makespanMs >= chosen.makespanMs ? `${pct(alt.makespanMs, chosen.makespanMs)} slower` : `${pct(alt.makespanMs, chosen.makespanMs)} faster`;
  const cost = alt.costUsd >= chosen.costUsd ? `${pct(alt.costUsd, chosen.costUsd)} dearer` : `${pct(alt.costUsd, chosen.costUsd)} cheaper`;
  return `${label}: ${time}, ${cost}`;
}

function neighbours<T>(values: readonly T[], chosen: T): [T | undefined, T | undefined] {
  const i = values.indexOf(chosen);
  return i < 0 ? [undefined, undefined] : [values[i - 1], values[i + 1]];
}

export function explainSizing(x: ExplainInput): SizingReport {
  const { dag, current, config } = x;
  const scoreOf = (id: string, s: StageSetting) => x.cache.get(configurationKey(new Map([...config, [id, s]])));
  const stages: SizingStageReport[] = dag.order.map((id) => {
    const stage = dag.stageById.get(id)!;
    const sp = x.space.find((s) => s.stageId === id)!;
    const st = current.stages.get(id);
    const own = config.get(id) ?? {};
    const instances = st?.instances ?? stage.instances ?? 1;
    const instancesHow: SizingStageReport["instancesHow"] = stage.instances !== undefined ? "fixed" : sp.counts.length > 0 ? "sized" : sp.fixedByPattern ? "pattern" : "fanout";
    const memoryHow: SizingStageReport["memoryHow"] = stage.memoryMb !== undefined ? "configured" : sp.memory ? "sized" : "peak";
    const parts: string[] = [];
    if (instancesHow === "sized") {
      const settings = x.settingsOf(sp, current).filter((s) => s.memoryMb === own.memoryMb);
      const counts = settings.map((s) => s.instances ?? s.multiplier!);
      const chosenCount = own.instances ?? own.multiplier!;
      const [lo, hi] = neighbours(counts, chosenCount);
      const unit = sp.scatterFrom === undefined ? "instances" : `× ${sp.scatterFrom}'s instances`;
      const near = [lo, hi].flatMap((c) => (c === undefined ? [] : [versus(`${c} ${unit}`, scoreOf(id, settings[counts.indexOf(c)]!), current, x.objective)])).filter((s): s is string => s !== undefined);
      const range = stage.instanceRange!;
      parts.push(`${countOf(instances)}, searched ${range.min}–${range.max}${sp.scatterFrom === undefined ? "" : ` as multiples of ${sp.scatterFrom}'s count`}${near.length > 0 ? `; ${near.join("; ")}` : ""}`);
    } else if (instancesHow === "pattern") parts.push(`${countOf(instances)}, fixed by its input pattern`);
    if (memoryHow === "sized" && x.sizes !== undefined && st?.memoryMb !== undefined) {
      const settings = x.settingsOf(sp, current).filter((s) => s.instances === own.instances && s.multiplier === own.multiplier);
      // "fit" is the smallest listed size holding the peak; the others are the larger sizes tried.
      const fitMb = fittingSize(x.sizes, st.peakMemoryMb) ?? st.memoryMb;
      const sizesMb = settings.map((s) => (s.memoryMb === "fit" ? fitMb : s.memoryMb!));
      const against = (mb: number | undefined) => (mb === undefined ? undefined : versus(`${mb} MB`, scoreOf(id, settings[sizesMb.indexOf(mb)]!), current, x.objective));
      const near = neighbours(sizesMb, st.memoryMb).map(against).filter((s): s is string => s !== undefined);
      const peak = `the predicted peak of ${Math.ceil(st.peakMemoryMb)} MB`;
      const why = own.memoryMb === "fit" ? `${st.memoryMb} MB, the smallest listed size over ${peak}` : `${st.memoryMb} MB, larger than the ${fitMb} MB that holds ${peak} (larger sizes are tried because the profile's runtime falls with memory)`;
      const tail = near.length > 0 ? near : settings.length === 1 ? ["the profile's runtime does not fall with memory, so larger sizes only cost more"] : [];
      parts.push([why, ...tail].join("; "));
    }
    return {
      stageId: id,
      instances,
      instancesHow,
      ...(stage.instanceRange === undefined ? {} : { instanceRange: stage.instanceRange }),
      ...(st?.memoryMb === undefined ? {} : { memoryMb: st.memoryMb }),
      memoryHow,
      peakMemoryMb: st?.peakMemoryMb ?? 0,
      reason: parts.length > 0 ? parts.join(". ") : instancesHow === "fixed" ? "fixed in the DAG" : "the producer's predicted fanout",
    };
  });
  const open = x.space.filter((s) => s.counts.length > 0).map((s) => s.stageId);
  const memory = x.space.filter((s) => s.memory).map((s) => s.stageId);
  const searched = [
    open.length > 0 ? `instance counts of ${open.join(", ")} over min, powers of two and max of their ranges, up to one wave of the VM pool unless memory needs more, and — where the budget or deadline falls between two of those counts — the counts between them by bisection` : "",
    memory.length > 0 ? `memory of ${memory.join(", ")} over ${x.sizes!.join(", ")} MB (the smallest that holds the peak, and larger ones only where runtime falls with memory)` : "",
  ].filter(Boolean).join("; ");
  return {
    searched,
    guarantee: `coordinate descent from the smallest counts that fit, scored by the planner's model with the heuristic solver: no single stage's setting on its grid (refined at the limit) improves the result${x.stoppedEarly ? " — except that the search stopped at its evaluation cap" : ""}; deterministic; not a global optimum over joint settings`,
    evaluations: x.evaluations,
    rounds: x.rounds,
    stoppedEarly: x.stoppedEarly,
    stages,
  };
}
