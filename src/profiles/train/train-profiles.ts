/**
 * Trains a profile set from trace rows (records, or a streamed TraceTable). Phases: validate →
 * per function, split warm and cold invocations → per target, take the rows that have it, divide
 * out the memory law (runtime at several memory settings) → fit every candidate family on every
 * fold (classical families directly, all MLPs in one batch) → score on unseen sizes, refuse the
 * families that explode beyond the data, select → summarise residuals → assemble the set.
 * Pre: rows of one or more apps. Post: every function has a model for each target its rows had
 * (a target no row had is listed as untrained, with why); a set with no model at all is an error.
 */
import { InputError, InvariantError, issue, show, type Issue } from "../../errors.js";
import { TARGET_FIELDS, traceRecordSchema, type TraceRecord } from "../../traces/trace-record.js";
import { TraceTable, type FunctionRows } from "../../traces/trace-table.js";
import { distinctSorted } from "../assign-folds.js";
import { buildFoldTasks, type TargetRows } from "./cross-validate.js";
import { hashTraces } from "../store/hash-traces.js";
import { fitMemoryFactor, memoryScale } from "../set/memory-factor.js";
import { PROFILES_FORMAT, PROFILES_FORMAT_VERSION, type FunctionProfileData, type ProfileSetData, type SegmentProfileData, type TargetProfileData } from "../set/profile-set-data.js";
import { createProfileSet, type ProfileSet } from "../set/profile-set.js";
import { fitBrokenPower } from "../regressors/broken-power.js";
import { fitCeilPower } from "../regressors/ceil-power.js";
import { DEFAULT_MLP_OPTIONS, fitMlpBatch } from "../regressors/mlp.js";
import type { MlpOptions } from "../regressors/mlp-options.js";
import { fitConstant, fitPolynomial } from "../regressors/polynomial.js";
import { fitPowerLaw } from "../regressors/power-law.js";
import { MODEL_CHOICES, type FitOutcome, type FitTask, type ModelChoice, type RegressorFamily } from "../regressors/types.js";
import { familiesFor } from "./select-model.js";
import { segmentIndexes, targetRows } from "./target-rows.js";
import { loadTensorflow } from "../tf-backend.js";
import type { TfBackendName, TfBackendPreference } from "../tf-backend-name.js";
import { finishTarget, type TargetProblem } from "./train-target.js";
import { PROFILE_TARGETS, type ProfileTarget, type Segment } from "../types.js";

export interface TrainProgress {
  readonly phase: "fit" | "mlp" | "select";
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

export interface TrainOptions {
  /** A family for every target, or per target; `auto` (default) picks by validation on unseen sizes. */
  readonly model?: ModelChoice | Partial<Record<ProfileTarget, ModelChoice>>;
  /** Folds for cross-validation (default 5; fewer when there are fewer distinct input sizes). */
  readonly folds?: number;
  readonly seed?: number;
  readonly backend?: TfBackendPreference;
  readonly mlp?: Partial<Omit<MlpOptions, "seed">>;
  readonly trainedAt?: Date;
  readonly onProgress?: (progress: TrainProgress) => void;
}

export const PRODUCER = "sluice 0.1.0";

/** Targets that are whole counts by definition (fanout: instances of the next stage); they also try `ceil-power`. */
export const COUNT_TARGETS: ReadonlySet<ProfileTarget> = new Set(["fanout"]);

const MAX_ISSUES = 20;

function validateOptions(options: TrainOptions, issues: Issue[]): void {
  // A per-target map is a plain object; an array or null is a wrong choice, not an empty map.
  const isMap = typeof options.model === "object" && options.model !== null && !Array.isArray(options.model);
  const choices = isMap ? Object.entries(options.model as object) : [["model", options.model === undefined ? "auto" : options.model] as const];
  for (const [key, choice] of choices) {
    if (!MODEL_CHOICES.includes(choice as ModelChoice)) issues.push(issue("option.unknownModelChoice", { path: ["options", "model", key], expected: MODEL_CHOICES.join(" | "), actual: show(choice) }));
    if (key !== "model" && !(PROFILE_TARGETS as readonly string[]).includes(key)) issues.push(issue("option.badValue", { path: ["options", "model", key], expected: `a target: ${PROFILE_TARGETS.join(" | ")}`, actual: show(key) }));
  }
  if (options.folds !== undefined && !(Number.isInteger(options.folds) && options.folds >= 2)) issues.push(issue("option.foldCount", { path: ["options", "folds"], actual: show(options.folds) }));
}

function toTable(records: readonly TraceRecord[], issues: Issue[]): TraceTable {
  for (let i = 0; i < records.length && issues.length < MAX_ISSUES; i++) {
    const parsed = traceRecordSchema.safeParse(records[i]);
    if (!parsed.success) for (const e of parsed.error.issues.slice(0, 1)) issues.push(issue("profiles.badRecord", { path: ["records", i, ...e.path.map(String)], params: { reason: e.message } }));
  }
  return TraceTable.fromRecords(records);
}

function fitClassical(family: RegressorFamily, task: FitTask): FitOutcome {
  if (family === "constant") return fitConstant(task);
  if (family === "power") return fitPowerLaw(task);
  if (family === "broken-power") return fitBrokenPower(task);
  if (family === "ceil-power") return fitCeilPower(task);
  if (family === "linear" || family === "poly2" || family === "poly3") return fitPolynomial(family, task);
  throw new InvariantError(`not a classical family: ${family}`);
}

function range(xs: Float64Array): { min: number; max: number } {
  let min = Infinity, max = -Infinity;
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { min, max };
}

interface SegmentPlan {
  readonly fn: string;
  readonly segment: Segment;
  readonly rows: Uint32Array;
  readonly problems: TargetProblem[];
  readonly untrained: Partial<Record<ProfileTarget, string>>;
}

function planSegment(g: FunctionRows, segment: Segment, rows: Uint32Array, choiceFor: (t: ProfileTarget) => ModelChoice, folds: number): SegmentPlan {
  const problems: TargetProblem[] = [];
  const untrained: Partial<Record<ProfileTarget, string>> = {};
  for (const target of PROFILE_TARGETS) {
    const raw = targetRows(g, rows, target);
    if (raw.x.length === 0) {
      untrained[target] = `no ${segment} row of ${g.name} has ${target}`;
      continue;
    }
    const memoryFactor = target === "runtimeMs" ? fitMemoryFactor(raw.x, raw.y, raw.memoryMb) : undefined;
    const y = memoryFactor === undefined ? raw.y : Float64Array.from(raw.y, (v, i) => v / memoryScale(memoryFactor, Number.isNaN(raw.memoryMb[i]!) ? undefined : raw.memoryMb[i], raw.x[i]));
    const data: TargetRows = { x: raw.x, y };
    const ft = buildFoldTasks(data, folds);
    const choice = choiceFor(target);
    const count = COUNT_TARGETS.has(target);
    const outcomes = new Map<RegressorFamily, FitOutcome[]>();
    for (const family of new Set([...familiesFor(choice, false, count), ...familiesFor("auto", false, count)])) if (family !== "mlp") outcomes.set(family, ft.tasks.map((t) => fitClassical(family, t)));
    problems.push({ fn: g.name, segment, target, choice, count, rows: data, ...(memoryFactor === undefined ? {} : { memoryFactor }), folds: ft, outcomes });
  }
  return { fn: g.name, segment, rows, problems, untrained };
}

function assembleSegment(g: FunctionRows, plan: SegmentPlan, targets: Map<TargetProblem, TargetProfileData>): SegmentProfileData {
  const input = g.columns.inputBytes.values();
  const xs = Float64Array.from(plan.rows, (i) => input[i]!);
  const mem = g.columns.memorySettingMb.values();
  const settings = Float64Array.from([...plan.rows].map((i) => mem[i]!).filter((m) => !Number.isNaN(m)));
  const r = range(xs);
  return {
    rows: plan.rows.length,
    distinctInputSizes: distinctSorted(xs).length,
    inputBytesMin: r.min,
    inputBytesMax: r.max,
    ...(settings.length > 0 ? { memorySettingsMb: range(settings) } : {}),
    targets: Object.fromEntries(plan.problems.map((p) => [p.target, targets.get(p)!])),
    untrained: plan.untrained,
  };
}

export async function trainProfiles(input: readonly TraceRecord[] | TraceTable, options: TrainOptions = {}): Promise<ProfileSet> {
  const started = performance.now();
  const issues: Issue[] = [];
  validateOptions(options, issues);
  const table = input instanceof TraceTable ? input : toTable(input, issues);
  if (table.rows === 0) issues.push(issue("profiles.noRecords", { path: ["records"], actual: "0" }));
  if (issues.length > 0) throw new InputError("Cannot train profiles", issues.slice(0, MAX_ISSUES));

  const folds = options.folds ?? 5;
  const seed = options.seed ?? DEFAULT_MLP_OPTIONS.seed;
  const choiceFor = (t: ProfileTarget): ModelChoice => (typeof options.model === "object" ? options.model[t] ?? "auto" : options.model ?? "auto");
  const names = [...table.functions.keys()].sort();
  const mlpWanted = PROFILE_TARGETS.some((t) => ["auto", "mlp"].includes(choiceFor(t)));
  const total = names.length + (mlpWanted ? 1 : 0) + 1;
  const report = (phase: TrainProgress["phase"], done: number, label: string) => options.onProgress?.({ phase, done, total, label });

  const plans: SegmentPlan[] = [];
  names.forEach((fn, i) => {
    const g = table.functions.get(fn)!;
    for (const segment of ["warm", "cold"] as const) {
      const rows = segmentIndexes(g, segment);
      if (rows.length > 0) plans.push(planSegment(g, segment, rows, choiceFor, folds));
    }
    report("fit", i + 1, fn);
  });
  const problems = plans.flatMap((p) => p.problems);
  if (problems.length === 0) {
    const why = TARGET_FIELDS.map((t) => `${t}: ${[...table.accounts[t].skipped].map(([r, n]) => `${n} ${r}`).join(", ") || "no rows"}`).join("; ");
    throw new InputError("Cannot train profiles", [issue("profiles.nothingToTrain", { path: ["records"], actual: why })]);
  }

  let backend: TfBackendName | "none" = "none";
  const wanted = problems.filter((p) => p.choice === "auto" || p.choice === "mlp");
  if (wanted.length > 0) {
    const loaded = await loadTensorflow(options.backend ?? "auto");
    backend = loaded.backend;
    const batch = wanted.flatMap((p) => p.folds.tasks);
    const outcomes = fitMlpBatch(loaded.tf, batch, { ...DEFAULT_MLP_OPTIONS, ...options.mlp, seed });
    let at = 0;
    for (const p of wanted) {
      p.outcomes.set("mlp", outcomes.slice(at, at + p.folds.tasks.length));
      at += p.folds.tasks.length;
    }
    report("mlp", names.length + 1, `${batch.length} networks on ${backend}`);
  }

  const targets = new Map(problems.map((p) => [p, finishTarget(p)] as const));
  const functions: [string, FunctionProfileData][] = [];
  for (const fn of names) {
    const g = table.functions.get(fn)!;
    const warm = plans.find((p) => p.fn === fn && p.segment === "warm");
    const cold = plans.find((p) => p.fn === fn && p.segment === "cold");
    const main = warm ?? cold!;
    const data: FunctionProfileData = { app: [...g.apps].sort().join("+"), segment: main.segment, ...assembleSegment(g, main, targets), ...(warm !== undefined && cold !== undefined ? { cold: assembleSegment(g, cold, targets) } : {}) };
    functions.push([fn, data]);
  }
  report("select", total, "selected");

  const apps = new Set<string>();
  for (const g of table.functions.values()) for (const a of g.apps) apps.add(a);
  const data: ProfileSetData = {
    metadata: {
      format: PROFILES_FORMAT,
      formatVersion: PROFILES_FORMAT_VERSION,
      producer: PRODUCER,
      trainedAt: (options.trainedAt ?? new Date()).toISOString(),
      tracesSha256: hashTraces(table),
      traceRows: table.rows,
      apps: [...apps].sort(),
      backend,
      trainingMs: Math.round(performance.now() - started),
      options: { model: options.model ?? "auto", folds, seed },
    },
    // fromEntries defines own properties: a function named "__proto__" stays a function.
    functions: Object.fromEntries(functions),
  };
  return createProfileSet(data);
}
