/**
 * Picks a family from validated candidates.
 *
 * `auto`: among the families not refused for exploding beyond the data (extrapolation-guard.ts),
 * the simplest whose error is within a tolerance of the best (clean data gets its true family
 * rather than a more flexible one that fits as well). Validated candidates (k-fold over unseen
 * sizes) are preferred over in-sample ones; with two distinct sizes nothing can be held out, and
 * the two-parameter laws compete in-sample (a power law first on a tie: it stays positive).
 *
 * A forced choice takes that family (for `poly`, the better of degrees 2 and 3) even when it could
 * only be fitted in-sample — two sizes fit a two-parameter law when asked — and says so when the
 * guard would have refused it; when it cannot be fitted at all, the auto pick stands in, with why.
 */
import type { CandidateResult } from "./cross-validate.js";
import { FAMILY_PARAMETERS, type ModelChoice, type RegressorFamily } from "../regressors/types.js";

export interface SelectionTolerance {
  /** A simpler family wins if its error ≤ best · (1 + relative) + absolute (errors as fractions). */
  readonly relative: number;
  readonly absolute: number;
}
export const DEFAULT_TOLERANCE: SelectionTolerance = { relative: 0.2, absolute: 0.005 };

export type Fitted = Extract<CandidateResult, { status: "fitted" }>;
/** A scored candidate, with the guard's reason when it may not extrapolate. */
export type Judged = CandidateResult & { readonly refused?: string };
export type Selection = { readonly how: "auto" | "forced"; readonly chosen: Fitted; readonly note?: string } | { readonly how: "fallback"; readonly chosen: Fitted; readonly note: string };

/** Tie order among families with as many parameters. */
const TIE_ORDER: readonly RegressorFamily[] = ["constant", "power", "linear", "ceil-power", "poly2", "broken-power", "poly3", "mlp"];

/** The candidates for a choice; a count target (whole numbers by definition, like fanout) adds `ceil-power` to auto. */
export function familiesFor(choice: ModelChoice, withMlp: boolean, countTarget = false): RegressorFamily[] {
  switch (choice) {
    case "auto": {
      const smooth: RegressorFamily[] = withMlp ? ["constant", "linear", "power", "broken-power", "poly2", "poly3", "mlp"] : ["constant", "linear", "power", "broken-power", "poly2", "poly3"];
      return countTarget ? [...smooth, "ceil-power"] : smooth;
    }
    case "poly":
      return ["poly2", "poly3"];
    default:
      return [choice];
  }
}

function pickSimplest(pool: readonly Fitted[], tolerance: SelectionTolerance): Fitted | undefined {
  if (pool.length === 0) return undefined;
  const best = Math.min(...pool.map((c) => c.score));
  const ok = pool.filter((c) => c.score <= best * (1 + tolerance.relative) + tolerance.absolute);
  // Among laws as simple and within tolerance, a count target (the only one with a ceil-power
  // candidate) takes the one that predicts whole counts, however close a smooth power law came.
  const whole = (c: Fitted) => (c.family === "ceil-power" ? 0 : 1);
  return [...ok].sort((a, b) => FAMILY_PARAMETERS[a.family] - FAMILY_PARAMETERS[b.family] || whole(a) - whole(b) || a.score - b.score || TIE_ORDER.indexOf(a.family) - TIE_ORDER.indexOf(b.family))[0];
}

export function autoPick(candidates: readonly Judged[], tolerance = DEFAULT_TOLERANCE): Fitted | undefined {
  const usable = candidates.filter((c): c is Fitted & { refused?: string } => c.status === "fitted" && c.refused === undefined);
  const validated = usable.filter((c) => c.method === "k-fold");
  if (validated.length > 0 && validated.some((c) => c.family !== "constant")) return pickSimplest(validated, tolerance);
  // Nothing but a constant could be validated (two sizes): the ≤ 2-parameter laws compete in-sample.
  return pickSimplest(usable.filter((c) => FAMILY_PARAMETERS[c.family] <= 2), tolerance);
}

export function selectModel(choice: ModelChoice, candidates: readonly Judged[], fallback: readonly Judged[], tolerance = DEFAULT_TOLERANCE): Selection | undefined {
  if (choice === "auto") {
    const chosen = autoPick(candidates, tolerance);
    return chosen === undefined ? undefined : { how: "auto", chosen };
  }
  const fitted = candidates.filter((c): c is Fitted & { refused?: string } => c.status === "fitted");
  const forced = [...fitted].sort((a, b) => (a.method === b.method ? 0 : a.method === "k-fold" ? -1 : 1) || a.score - b.score)[0];
  if (forced !== undefined) {
    const notes = [forced.method === "in-sample" ? `${forced.family} fitted in-sample: too few distinct sizes to validate` : "", forced.refused === undefined ? "" : `${forced.family} ${forced.refused}: forced, so kept`].filter(Boolean);
    return { how: "forced", chosen: forced, ...(notes.length > 0 ? { note: notes.join("; ") } : {}) };
  }
  const chosen = autoPick(fallback, tolerance);
  const why = candidates.map((c) => (c.status === "not-applicable" ? `${c.family}: ${c.reason}` : "")).filter(Boolean).join("; ");
  return chosen === undefined ? undefined : { how: "fallback", chosen, note: `${choice} does not apply (${why})` };
}
