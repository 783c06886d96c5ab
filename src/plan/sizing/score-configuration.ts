/**
 * Scores one configuration with the planner's own pipeline: resolve scatter multiples from the
 * producers' estimated counts, fit each "fit" stage to the smallest listed memory size that holds
 * its predicted peak, then validate → estimate → candidates → the heuristic solver, and read the
 * makespan and cost off the model's evaluation. A configuration that cannot run (no size holds a
 * peak, a pattern it breaks) is scored not-ok with the first reason.
 */
import type { Dag } from "../../dag/types.js";
import { SluiceError, formatIssue } from "../../errors.js";
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import type { Problem } from "../../model/types.js";
import type { PlanOptions } from "../options.js";
import { prepareEstimates, prepareProblem } from "../prepare-problem.js";
import { heuristicSolver } from "../../solve/heuristic/heuristic.js";
import { toDagInput, type ResolvedStage } from "./configuration.js";
import { fittingSize } from "./memory-sizes.js";
import type { Configuration, ConfigurationScore } from "./sizing-types.js";

export interface SizingContext {
  readonly dag: Dag;
  readonly inputBytes: number;
  /** Plan options without memorySizes. */
  readonly options: PlanOptions;
  readonly sizes?: readonly number[];
  readonly limitMb: number;
  /** Open stages fed by a scatter edge: their producer. */
  readonly scatterProducer: ReadonlyMap<string, string>;
  readonly timeLimitMs: number;
}

const fail = (reason: string, failedStage?: string, dagInput?: unknown): ConfigurationScore => ({ ok: false, reason, ...(failedStage === undefined ? {} : { failedStage }), withinLimit: false, makespanMs: Infinity, costUsd: Infinity, stages: new Map(), ...(dagInput === undefined ? {} : { dagInput }) });

/** The error's first issue, and the stage it is about (a stage path, or the consumer of an edge path). */
function failureOf(e: unknown, dagInput: unknown): ConfigurationScore {
  if (!(e instanceof SluiceError) || e.issues[0] === undefined) throw e;
  const [area, at] = e.issues[0].path;
  const stage = area === "stages" && typeof at === "string" ? at : area === "edges" && typeof at === "string" ? at.split("->").pop() : undefined;
  return fail(formatIssue(e.issues[0]), stage, dagInput);
}

/** Within the budget (latency), the deadline (cost) or always (perf-per-dollar). */
function withinLimit(problem: Problem, makespanMs: number, costUsd: number): boolean {
  if (problem.objective === "latency") return costUsd <= problem.budgetUsd * (1 + 1e-9);
  if (problem.objective === "cost") return makespanMs <= problem.deadlineMs * (1 + 1e-9);
  return true;
}

export async function scoreConfiguration(ctx: SizingContext, config: Configuration): Promise<ConfigurationScore> {
  const resolved = new Map<string, ResolvedStage>();
  for (const [id, s] of config) resolved.set(id, { ...(s.instances === undefined ? {} : { instances: s.instances }), ...(typeof s.memoryMb === "number" ? { memoryMb: s.memoryMb } : {}) });
  try {
    // Scatter consumers: a multiple of the producer's count, known once the producer's is.
    let pending = [...config].filter(([, s]) => s.multiplier !== undefined).map(([id]) => id);
    for (let pass = 0; pending.length > 0 && pass <= config.size; pass++) {
      const { estimates } = await prepareEstimates(toDagInput(ctx.dag, resolved), ctx.inputBytes, ctx.options);
      const next: string[] = [];
      for (const id of pending) {
        const producer = ctx.scatterProducer.get(id)!;
        if (pending.includes(producer)) {
          next.push(id);
          continue;
        }
        const nu = estimates.stages.get(producer)!.instances;
        const range = ctx.dag.stageById.get(id)!.instanceRange!;
        let n = config.get(id)!.multiplier! * nu;
        if (n > range.max) n = Math.max(nu, Math.floor(range.max / nu) * nu);
        if (n < range.min) n = Math.ceil(range.min / nu) * nu;
        resolved.set(id, { ...resolved.get(id), instances: n });
      }
      pending = next;
    }
    // Memory: the smallest listed size that holds each "fit" stage's peak; without sizes, the platform's limit.
    const fits = [...config].filter(([, s]) => s.memoryMb === "fit").map(([id]) => id);
    if (fits.length > 0 || ctx.sizes === undefined) {
      const { estimates } = await prepareEstimates(toDagInput(ctx.dag, resolved), ctx.inputBytes, ctx.options);
      for (const id of fits) {
        const peak = estimates.stages.get(id)!.memoryMb;
        const size = fittingSize(ctx.sizes ?? [], peak);
        if (size === undefined) return fail(`${id}: no listed memory size holds its predicted peak of ${Math.ceil(peak)} MB`, id, toDagInput(ctx.dag, resolved));
        resolved.set(id, { ...resolved.get(id), memoryMb: size });
      }
      for (const [id, e] of estimates.stages) {
        if (resolved.get(id)?.memoryMb === undefined && ctx.dag.stageById.get(id)!.memoryMb === undefined && e.memoryMb > ctx.limitMb) return fail(`${id}: predicted peak ${Math.ceil(e.memoryMb)} MB per instance exceeds the ${ctx.limitMb} MB an instance can have`, id, toDagInput(ctx.dag, resolved));
      }
    }
    const dagInput = toDagInput(ctx.dag, resolved);
    const { problem } = await prepareProblem(dagInput, ctx.inputBytes, ctx.options);
    const stages = new Map([...problem.estimates.stages].map(([id, e]) => [id, { instances: e.instances, instanceInputBytes: e.instanceInputBytes, ...(problem.dag.stageById.get(id)!.memoryMb === undefined ? {} : { memoryMb: problem.dag.stageById.get(id)!.memoryMb! }), peakMemoryMb: e.memoryMb }]));
    const solverCtx = { timeLimitMs: ctx.timeLimitMs };
    let outcome = await heuristicSolver(problem, solverCtx);
    let scored = problem;
    if (outcome.assignment === undefined) {
      // Over the limit whatever the modes: score its cheapest (budget) or fastest (deadline) plan.
      scored = problem.objective === "cost" ? { ...problem, objective: "latency", budgetUsd: Infinity, deadlineMs: Infinity } : { ...problem, objective: "cost", budgetUsd: Infinity, deadlineMs: Infinity };
      outcome = await heuristicSolver(scored, solverCtx);
      if (outcome.assignment === undefined) return fail("no feasible transfer plan", undefined, dagInput);
    }
    const e = evaluateAssignment(scored, outcome.assignment);
    return { ok: true, withinLimit: scored === problem && withinLimit(problem, e.makespanMs, e.costUsd), makespanMs: e.makespanMs, costUsd: e.costUsd, stages, dagInput };
  } catch (e) {
    return failureOf(e, toDagInput(ctx.dag, resolved));
  }
}
