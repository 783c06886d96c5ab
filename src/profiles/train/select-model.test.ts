import { describe, expect, it } from "vitest";
import type { RegressorFamily } from "../regressors/types.js";
import { autoPick, type Fitted } from "./select-model.js";

/** A validated candidate: k-fold error, leave-largest-out error (null: could not be fitted below the largest sizes), score as cross-validate.ts gives it. */
function candidate(family: RegressorFamily, kfold: number, extrapolation: number | null): Fitted {
  const score = extrapolation === null ? kfold / 100 : (kfold + extrapolation) / 200;
  return { family, status: "fitted", model: { family } as unknown as Fitted["model"], kfoldMapePercent: kfold, r2: 0.9, extrapolationMapePercent: extrapolation, method: "k-fold", score };
}

describe("autoPick", () => {
  it("takes the simplest family within the tolerance of the best score", () => {
    expect(autoPick([candidate("linear", 5, 6), candidate("poly3", 4.8, 5.5), candidate("constant", 80, 90)])?.family).toBe("linear");
  });

  it("compares families on the same validations: one that could not be scored beyond its sizes does not win on k-fold alone", () => {
    // broken-power's k-fold 1% would beat linear's (4% + 12%) / 2 = 8%, but it was never scored on the largest sizes
    const pool = [candidate("linear", 4, 12), candidate("broken-power", 1, null), candidate("constant", 60, 70)];
    expect(autoPick(pool)?.family).toBe("linear");
    // where no family could be scored beyond its sizes, k-fold decides as before
    expect(autoPick([candidate("linear", 4, null), candidate("broken-power", 1, null)])?.family).toBe("broken-power");
  });
});
