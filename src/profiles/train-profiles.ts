/**
 * Trains a profile set from trace records. Phases: validate → group by function → fit every
 * candidate family on every fold (classical families directly, all MLPs in one batch) → score
 * held-out predictions → select per function and target → assemble the set.
 * Pre: records of one or more apps. Post: every function has all four targets, each with a model,
 * held-out metrics and residuals for intervals.
 */
import { InputError, type Issue } from "../errors.js";
import { traceRecordSchema, type TraceRecord } from "../traces/trace-record.js";
import { buildFoldTasks, scoreCandidate, type CandidateResult, type FoldTasks } from "./cross-validate.js";
import { hashTraces } from "./hash-traces.js";
import { PROFILES_FORMAT, PROFILES_FORMAT_VERSION, type FunctionProfileData, type ProfileSetData, type TargetProfileData } from "./profile-set-data.js";
import { createProfileSet, type ProfileSet } from "./profile-set.js";
import { DEFAULT_MLP_OPTIONS, fitMlpBatch, type MlpOptions } from "./regressors/mlp.js";
import { fitConstant, fitPolynomial } from "./regressors/polynomial.js";
import { fitCeilPower } from "./regressors/ceil-power.js";
import { fitPowerLaw } from "./regressors/power-law.js";
import { MODEL_CHOICES, type FitOutcome, type FitTask, type ModelChoice, type RegressorFamily } from "./regressors/types.js";
import { familiesFor, selectModel } from "./select-model.js";
import { loadTensorflow, type TfBackendName, type TfBackendPreference } from "./tf-backend.js";
import { PROFILE_TARGETS, type ProfileTarget } from "./types.js";

export interface TrainProgress {
  readonly phase: "fit" | "mlp" | "select";
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

export interface TrainOptions {
  /** A family for every target, or per target; `auto` (default) picks by cross-validation. */
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

interface Problem {
  readonly fn: string;
  readonly target: ProfileTarget;
  readonly choice: ModelChoice;
  readonly task: FitTask;
  readonly folds: FoldTasks;
  readonly outcomes: Map<RegressorFamily, FitOutcome[]>;
}

function validate(records: readonly TraceRecord[], options: TrainOptions): void {
  const issues: Issue[] = [];
  if (records.length === 0) issues.push({ code: "invalid_value", path: ["records"], message: "no trace records", expected: "at least one record", actual: "0" });
  records.forEach((r, i) => {
    const parsed = traceRecordSchema.safeParse(r);
    if (!parsed.success) for (const e of parsed.error.issues.slice(0, 1)) issues.push({ code: "invalid_value", path: ["records", i, ...e.path.map(String)], message: e.message });
  });
  const choices = typeof options.model === "object" ? Object.entries(options.model) : [["model", options.model ?? "auto"] as const];
  for (const [key, choice] of choices) {
    if (!MODEL_CHOICES.includes(choice as ModelChoice)) issues.push({ code: "invalid_value", path: ["options", "model", key], message: "unknown model", expected: MODEL_CHOICES.join(" | "), actual: String(choice) });
  }
  if (options.folds !== undefined && !(Number.isInteger(options.folds) && options.folds >= 2)) issues.push({ code: "invalid_value", path: ["options", "folds"], message: "bad fold count", expected: "an integer ≥ 2", actual: String(options.folds) });
  if (issues.length > 0) throw new InputError("Cannot train profiles", issues.slice(0, 20));
}

function fitClassical(family: RegressorFamily, task: FitTask): FitOutcome {
  if (family === "constant") return fitConstant(task);
  if (family === "power") return fitPowerLaw(task);
  if (family === "ceil-power") return fitCeilPower(task);
  if (family === "linear" || family === "poly2" || family === "poly3") return fitPolynomial(family, task);
  throw new Error(`not a classical family: ${family}`);
}

export async function trainProfiles(records: readonly TraceRecord[], options: TrainOptions = {}): Promise<ProfileSet> {
  const started = performance.now();
  validate(records, options);
  const folds = options.folds ?? 5;
  const seed = options.seed ?? DEFAULT_MLP_OPTIONS.seed;
  const choiceFor = (t: ProfileTarget): ModelChoice => (typeof options.model === "object" ? options.model[t] ?? "auto" : options.model ?? "auto");
  const byFunction = new Map<string, TraceRecord[]>();
  for (const r of records) byFunction.set(r.function, [...(byFunction.get(r.function) ?? []), r]);
  const names = [...byFunction.keys()].sort();
  const mlpWanted = PROFILE_TARGETS.some((t) => ["auto", "mlp"].includes(choiceFor(t)));
  const total = names.length + (mlpWanted ? 1 : 0) + 1;
  const report = (phase: TrainProgress["phase"], done: number, label: string) => options.onProgress?.({ phase, done, total, label });

  const problems: Problem[] = [];
  names.forEach((fn, i) => {
    const rows = byFunction.get(fn)!;
    for (const target of PROFILE_TARGETS) {
      const task: FitTask = { inputBytes: rows.map((r) => r.inputBytes), values: rows.map((r) => r[target]) };
      const ft = buildFoldTasks(task, folds);
      const outcomes = new Map<RegressorFamily, FitOutcome[]>();
      const choice = choiceFor(target);
      const count = COUNT_TARGETS.has(target);
      for (const family of new Set([...familiesFor(choice, false, count), ...familiesFor("auto", false, count)])) if (family !== "mlp") outcomes.set(family, ft.tasks.map((t) => fitClassical(family, t)));
      problems.push({ fn, target, choice, task, folds: ft, outcomes });
    }
    report("fit", i + 1, fn);
  });

  let backend: TfBackendName | "none" = "none";
  if (mlpWanted) {
    const loaded = await loadTensorflow(options.backend ?? "auto");
    backend = loaded.backend;
    const wanted = problems.filter((p) => p.choice === "auto" || p.choice === "mlp");
    const batch = wanted.flatMap((p) => p.folds.tasks);
    const outcomes = fitMlpBatch(loaded.tf, batch, { ...DEFAULT_MLP_OPTIONS, ...options.mlp, seed });
    let at = 0;
    for (const p of wanted) {
      p.outcomes.set("mlp", outcomes.slice(at, at + p.folds.tasks.length));
      at += p.folds.tasks.length;
    }
    report("mlp", names.length + 1, `${batch.length} networks on ${backend}`);
  }

  const functions: Record<string, FunctionProfileData> = {};
  for (const fn of names) {
    const rows = byFunction.get(fn)!;
    const targets = {} as Record<ProfileTarget, TargetProfileData>;
    for (const p of problems.filter((q) => q.fn === fn)) {
      const score = (family: RegressorFamily): CandidateResult => scoreCandidate(family, p.task, p.folds, p.outcomes.get(family) ?? [{ status: "not-applicable", reason: "not trained" }]);
      const count = COUNT_TARGETS.has(p.target);
      const candidates = familiesFor(p.choice, p.outcomes.has("mlp"), count).map(score);
      const fallback = p.choice === "auto" ? candidates : familiesFor("auto", false, count).map(score);
      const selection = selectModel(p.choice, candidates, fallback);
      if (selection === undefined) throw new InputError("Cannot train profiles", [{ code: "infeasible", path: ["records", fn, p.target], message: "no model family fits these rows" }]);
      const c = selection.chosen;
      targets[p.target] = {
        model: c.model,
        selection: selection.how,
        ...(selection.how === "fallback" ? { selectionNote: selection.reason } : {}),
        residualMode: c.residualMode,
        residuals: c.residuals,
        metrics: c.metrics,
        candidates: candidates.map((k) => (k.status === "fitted" ? { family: k.family, status: k.status, mapePercent: k.metrics.mapePercent, r2: k.metrics.r2 } : { family: k.family, status: k.status, mapePercent: null, r2: null, reason: k.reason })),
      };
    }
    const xs = rows.map((r) => r.inputBytes);
    functions[fn] = { app: [...new Set(rows.map((r) => r.app))].sort().join("+"), rows: rows.length, distinctInputSizes: new Set(xs).size, inputBytesMin: Math.min(...xs), inputBytesMax: Math.max(...xs), targets };
  }
  report("select", total, "selected");

  const data: ProfileSetData = {
    metadata: {
      format: PROFILES_FORMAT,
      formatVersion: PROFILES_FORMAT_VERSION,
      producer: PRODUCER,
      trainedAt: (options.trainedAt ?? new Date()).toISOString(),
      tracesSha256: hashTraces(records),
      traceRows: records.length,
      apps: [...new Set(records.map((r) => r.app))].sort(),
      backend,
      trainingMs: Math.round(performance.now() - started),
      options: { model: options.model ?? "auto", folds, seed },
    },
    functions,
  };
  return createProfileSet(data);
}
