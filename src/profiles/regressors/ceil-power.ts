/**
 * Ceil-power: a count that steps up with size, `y = max(1, ⌈s(x)⌉)` with `s(x) = exp(logScale +
 * exponent · ln(1 + x))` — e.g. how many parts a stage splits its input into. A smooth law misses
 * such a count between its steps; this family predicts whole counts.
 *
 * Fit: each row says which step its latent value s landed on, y − 1 < s(x) ≤ y (only s ≤ 1 when
 * y = 1). In log space that is linear in (logScale, exponent): ln(y − 1) < logScale + b·l ≤ ln y,
 * l = ln(1 + x). For a fixed exponent b, logScale must lie in [max(ln(y − 1) − b·l), min(ln y − b·l)];
 * the width of that interval is concave in b, so a ternary search finds the exponent leaving the
 * most room, and logScale is the interval's midpoint: the law furthest from every step edge. When no
 * law satisfies every row (noise, or a cap such as a maximum part count), the same search gives the
 * law that violates the worst row least. Applies to positive whole counts only.
 */
import { countDistinct } from "./least-squares.js";
import type { CeilPowerArtifact, FitOutcome, FitTask } from "./types.js";

const EXPONENT_RANGE: readonly [number, number] = [-2, 4];
const SEARCH_STEPS = 200;

/** The room left for logScale at exponent b: upper bound minus lower bound (negative: infeasible). */
function interval(logX: readonly number[], ys: readonly number[], b: number): { low: number; high: number } {
  let low = -Infinity;
  let high = Infinity;
  ys.forEach((y, i) => {
    high = Math.min(high, Math.log(y) - b * logX[i]!);
    if (y >= 2) low = Math.max(low, Math.log(y - 1) - b * logX[i]!);
  });
  return { low, high };
}

export function fitCeilPower(task: FitTask): FitOutcome {
  const ys = task.values;
  if (ys.length === 0) return { status: "not-applicable", reason: "no points" };
  const bad = ys.find((y) => !(Number.isInteger(y) && y >= 1));
  if (bad !== undefined) return { status: "not-applicable", reason: `needs whole counts ≥ 1, got ${bad}` };
  if (countDistinct(ys) === 1) {
    // No step seen: a flat law in the middle of the one step, (y − 1, y].
    return { status: "fitted", model: { family: "ceil-power", logScale: Math.log(ys[0]! - 0.5), exponent: 0 } };
  }
  const distinct = countDistinct(task.inputBytes);
  if (distinct < 2) return { status: "not-applicable", reason: `needs 2 distinct input sizes, got ${distinct}` };
  const logX = task.inputBytes.map((x) => Math.log1p(Math.max(x, 0)));
  const width = (b: number) => {
    const { low, high } = interval(logX, ys, b);
    return high - low;
  };
  let [lo, hi] = EXPONENT_RANGE;
  for (let k = 0; k < SEARCH_STEPS; k++) {
    const m1 = lo + (hi - lo) / 3;
    const m2 = hi - (hi - lo) / 3;
    if (width(m1) < width(m2)) lo = m1;
    else hi = m2;
  }
  const exponent = (lo + hi) / 2;
  const { low, high } = interval(logX, ys, exponent);
  // Every step seen is ≥ 2 somewhere, so `low` is finite; `high` always is.
  const logScale = (low + high) / 2;
  if (!Number.isFinite(logScale)) return { status: "not-applicable", reason: "no finite law" };
  return { status: "fitted", model: { family: "ceil-power", logScale, exponent } };
}

export function predictCeilPower(model: CeilPowerArtifact, inputBytes: number): number {
  const latent = Math.exp(model.logScale + model.exponent * Math.log1p(Math.max(inputBytes, 0)));
  return Number.isFinite(latent) ? Math.max(1, Math.ceil(latent)) : Number.MAX_SAFE_INTEGER;
}
