/**
 * Picks a family from cross-validated candidates. `auto`: the simplest family whose held-out
 * error is within a tolerance of the best (so clean data gets its true family rather than a
 * more flexible one that fits as well); a forced choice takes that family (for `poly`, the better
 * of degrees 2 and 3), falling back to the auto pick — and saying so — when it does not apply.
 */
import type { CandidateResult } from "./cross-validate.js";
import { FAMILY_PARAMETERS, type ModelChoice, type RegressorFamily } from "./regressors/types.js";

export interface SelectionTolerance {
  /** A simpler family wins if its error ≤ best · (1 + relative) + absolute (errors as fractions). */
  readonly relative: number;
  readonly absolute: number;
}
export const DEFAULT_TOLERANCE: SelectionTolerance = { relative: 0.2, absolute: 0.005 };

export type Fitted = Extract<CandidateResult, { status: "fitted" }>;
export type Selection = { readonly how: "auto" | "forced"; readonly chosen: Fitted } | { readonly how: "fallback"; readonly chosen: Fitted; readonly reason: string };

/** The candidates for a choice; a count target (whole numbers by definition, like fanout) adds `ceil-power` to auto. */
export function familiesFor(choice: ModelChoice, withMlp: boolean, countTarget = false): RegressorFamily[] {
  switch (choice) {
    case "auto": {
      const smooth: RegressorFamily[] = withMlp ? ["constant", "linear", "power", "poly2", "poly3", "mlp"] : ["constant", "linear", "power", "poly2", "poly3"];
      return countTarget ? [...smooth, "ceil-power"] : smooth;
    }
    case "poly":
      return ["poly2", "poly3"];
    default:
      return [choice];
  }
}

function pickSimplest(fitted: readonly Fitted[], tolerance: SelectionTolerance): Fitted | undefined {
  const best = Math.min(...fitted.map((c) => c.score));
  const ok = fitted.filter((c) => c.score <= best * (1 + tolerance.relative) + tolerance.absolute);
  return [...ok].sort((a, b) => FAMILY_PARAMETERS[a.family] - FAMILY_PARAMETERS[b.family] || a.score - b.score)[0];
}

export function selectModel(choice: ModelChoice, candidates: readonly CandidateResult[], fallback: readonly CandidateResult[], tolerance = DEFAULT_TOLERANCE): Selection | undefined {
  const fitted = candidates.filter((c): c is Fitted => c.status === "fitted");
  if (choice === "auto") {
    const chosen = pickSimplest(fitted, tolerance);
    return chosen === undefined ? undefined : { how: "auto", chosen };
  }
  const forced = [...fitted].sort((a, b) => a.score - b.score)[0];
  if (forced !== undefined) return { how: "forced", chosen: forced };
  const chosen = pickSimplest(fallback.filter((c): c is Fitted => c.status === "fitted"), tolerance);
  const why = candidates.map((c) => (c.status === "not-applicable" ? `${c.family}: ${c.reason}` : "")).filter(Boolean).join("; ");
  return chosen === undefined ? undefined : { how: "fallback", chosen, reason: `${choice} does not apply (${why})` };
}
