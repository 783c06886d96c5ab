/**
 * The platform's invocation constants from measured runs (execute()'s reports), each with its error:
 *
 * | constant                 | from                                                                  | error                   |
 * |--------------------------|-----------------------------------------------------------------------|-------------------------|
 * | invocation.coldStartMs   | each cold instance (its thread's first call of the function): runtime | SE of the mean / mean   |
 * |                          | − the warm runtime of the same stage at that input (warm instances'   |                         |
 * |                          | ms = a + bytes / B, or their mean at one size); mean over cold ones   |                         |
 * | invocation.coldFraction  | cold instances / instances of the steady runs                         | binomial SE / share     |
 * | invocation.pickupMs      | each instance of the steady runs that was queued when a slot of its   | SE of the median (MAD)  |
 * |                          | VM freed: its start − that VM's latest finish before it (the job      |                         |
 * |                          | engine's completion and next fetch); median over them                 |                         |
 * | invocation.stepMs        | per stage of the steady runs: its first instance's start − the time   | SE of the mean / mean   |
 * |                          | its inputs were ready: the last instance to finish before the stage  |                         |
 * |                          | was released (its last producer on a chain), or the stage's release   |                         |
 * |                          | for a root stage — the job engine's completion notice, the release   |                         |
 * |                          | of the next stage and its dispatch, all of which the executor pays   |                         |
 *
 * `warmUp` runs are the first after the workers started (where cold instances happen); `steady`
 * runs are the ones plans will be compared with (after a warm-up, as a benchmark or a service runs).
 * Cold starts are measured over both, the cold share and the step over the steady ones only.
 */
import type { MeasuredInstance } from "../execute/report/run-report-types.js";
import type { FittedConstant } from "./fit-platform.js";
import { fitLatencyBandwidth, medianAndSpread } from "./linear-fit.js";

export interface InvocationRun {
  readonly dagName: string;
  readonly instances: readonly MeasuredInstance[];
}

export interface InvocationRuns {
  readonly warmUp?: readonly InvocationRun[];
  readonly steady: readonly InvocationRun[];
}

/** Mean and the relative standard error of the mean (Infinity with fewer than 2 values or a zero mean). */
export function meanAndStandardError(values: readonly number[]): { mean: number; relativeError: number } {
  const n = values.length;
  if (n === 0) return { mean: NaN, relativeError: Infinity };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2 || mean === 0) return { mean, relativeError: Infinity };
  const sd = Math.sqrt(values.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  return { mean, relativeError: sd / Math.sqrt(n) / Math.abs(mean) };
}

export function fitInvocation(runs: InvocationRuns): FittedConstant[] {
  const out: FittedConstant[] = [];
  const all = [...(runs.warmUp ?? []), ...runs.steady];
  const byStage = new Map<string, MeasuredInstance[]>();
  for (const r of all) for (const i of r.instances) pushTo(byStage, `${r.dagName}/${i.stageId}`, i);
  const extras: number[] = [];
  for (const instances of byStage.values()) {
    const warm = instances.filter((i) => i.cold !== true);
    const cold = instances.filter((i) => i.cold === true);
    if (cold.length === 0 || warm.length === 0) continue;
    const fit = fitLatencyBandwidth(warm.map((i) => ({ bytes: i.inputBytes, ms: i.runtimeMs })));
    const warmMean = warm.reduce((a, i) => a + i.runtimeMs, 0) / warm.length;
    const warmAt = (bytes: number) => (fit !== undefined && Number.isFinite(fit.bytesPerSecond) && fit.bytesPerSecond > 0 ? fit.latencyMs + (bytes / fit.bytesPerSecond) * 1000 : warmMean);
    for (const c of cold) extras.push(c.runtimeMs - warmAt(c.inputBytes));
  }
  if (extras.length > 0) {
    const m = meanAndStandardError(extras);
    out.push({ path: "invocation.coldStartMs", value: Math.max(0, m.mean), relativeError: m.relativeError, method: `cold instance runtime − the same stage's warm runtime at that input, mean of ${extras.length}${m.mean < 0 ? " (negative mean: no cold start seen, 0 kept)" : ""}`, samples: extras.length });
  }
  const steady = runs.steady.flatMap((r) => r.instances);
  if (steady.length > 0) {
    const p = steady.filter((i) => i.cold === true).length / steady.length;
    out.push({ path: "invocation.coldFraction", value: p, relativeError: p > 0 ? Math.sqrt((p * (1 - p)) / steady.length) / p : Infinity, method: `cold instances / instances of the ${runs.steady.length} steady run(s) (${steady.length} instances)`, samples: steady.length });
  }
  const gaps = pickupGaps(runs.steady);
  if (gaps.length > 0) {
    const m = medianAndSpread(gaps);
    out.push({ path: "invocation.pickupMs", value: Math.max(0, m.median), relativeError: m.relativeError, method: `a VM's instance end → the next instance queued for it started, in the steady runs, median of ${gaps.length}`, samples: gaps.length });
  }
  const steps: number[] = [];
  for (const r of runs.steady) {
    const stages = new Map<string, MeasuredInstance[]>();
    for (const i of r.instances) pushTo(stages, i.stageId, i);
    for (const list of stages.values()) {
      const released = least(list, (i) => i.readyMs);
      // Inputs ready: the last finish at or before the release (on parallel branches a sibling's finish may be later than the producer's, which shortens the step, never lengthens it).
      const inputsReady = r.instances.reduce((m, i) => (i.stageId !== list[0]!.stageId && i.finishMs <= released ? Math.max(m, i.finishMs) : m), -Infinity);
      steps.push(least(list, (i) => i.startMs) - (Number.isFinite(inputsReady) ? inputsReady : released));
    }
  }
  if (steps.length > 0) {
    const m = meanAndStandardError(steps);
    out.push({ path: "invocation.stepMs", value: Math.max(0, m.mean), relativeError: m.relativeError, method: `inputs ready (last producer finished) → the stage's first instance started, in the steady runs, mean of ${steps.length} stages`, samples: steps.length });
  }
  return out;
}

/**
 * Per VM of each run: every instance that started after an instance on its VM finished, and was
 * ready (its stage released) by then, waited for that slot: its start − the latest finish on the
 * VM at or before its start.
 */
export function pickupGaps(runs: readonly InvocationRun[]): number[] {
  const gaps: number[] = [];
  for (const r of runs) {
    const byVm = new Map<string, MeasuredInstance[]>();
    for (const i of r.instances) pushTo(byVm, i.vm, i);
    for (const list of byVm.values()) {
      for (const i of list) {
        const freed = list.reduce((m, o) => (o !== i && o.finishMs <= i.startMs ? Math.max(m, o.finishMs) : m), -Infinity);
        if (Number.isFinite(freed) && i.readyMs <= freed) gaps.push(i.startMs - freed);
      }
    }
  }
  return gaps;
}

function pushTo<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const list = groups.get(key);
  if (list === undefined) groups.set(key, [item]);
  else list.push(item);
}

/** The least of `read` over a non-empty list, without spreading it into call arguments. */
function least<T>(list: readonly T[], read: (item: T) => number): number {
  return list.reduce((m, item) => Math.min(m, read(item)), Infinity);
}
