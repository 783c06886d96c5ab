import { describe, expect, it } from "vitest";
import { codeOf, InputError } from "../../errors.js";
import { buildFoldTasks, type TargetRows } from "./cross-validate.js";
import { fitConstant, fitPolynomial } from "../regressors/polynomial.js";
import type { FitOutcome, RegressorFamily } from "../regressors/types.js";
import { finishTarget, type TargetProblem } from "./train-target.js";

const MB = 1e6;
// 8 sizes of 1..8 MB, y = 100 + 10·(x / MB) ms exactly
const x = Float64Array.from({ length: 8 }, (_, i) => (i + 1) * MB);
const rows: TargetRows = { x, y: Float64Array.from(x, (v) => 100 + (10 * v) / MB) };
const folds = buildFoldTasks(rows, 4);

/** Every fit task of `folds` fitted by `fit`: what trainProfiles hands finishTarget. */
const outcomesOf = (fit: (t: (typeof folds.tasks)[number]) => FitOutcome): FitOutcome[] => folds.tasks.map((t) => fit(t));
const problem = (outcomes: Map<RegressorFamily, FitOutcome[]>, choice: TargetProblem["choice"] = "auto"): TargetProblem => ({ fn: "map", segment: "warm", target: "runtimeMs", choice, count: false, rows, folds, outcomes });

describe("finishTarget", () => {
  it("picks the linear law that fits the rows exactly", () => {
    const data = finishTarget(problem(new Map([
      ["constant", outcomesOf((t) => fitConstant(t))],
      ["linear", outcomesOf((t) => fitPolynomial("linear", t))],
    ])));
    expect(data.model.family).toBe("linear");
  });

  it.each([
    // nothing fitted at all: every family reads as "not trained"
    { label: "no family fitted", outcomes: new Map<RegressorFamily, FitOutcome[]>(), choice: "auto" as const },
    // every fit task of the only family trained failed
    { label: "every fit not applicable", outcomes: new Map<RegressorFamily, FitOutcome[]>([["linear", folds.tasks.map((): FitOutcome => ({ status: "not-applicable", reason: "singular" }))]]), choice: "linear" as const },
  ])("$label is SLU4042 naming the function and target", ({ outcomes, choice }) => {
    let err: unknown;
    try {
      finishTarget(problem(outcomes, choice));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).issues[0]).toMatchObject({ code: codeOf("profiles.noFamilyFits"), path: ["records", "map", "runtimeMs"] });
  });
});
