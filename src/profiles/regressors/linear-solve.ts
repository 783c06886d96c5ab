/**
 * Solving the small dense systems least squares produces (p × p with p ≤ 4): Gaussian elimination
 * with partial pivoting, in process and synchronous. mathjs's `lusolve` solved them before, but
 * importing mathjs cost about 85% of the library's start-up for a 4×4 solve (see bench/startup and
 * bench/RESULTS.md); it stays behind the same interface, loaded on first use, as the referee the
 * tests check this solver against (`loadMathjsSolver`).
 */

/** Solves A x = b; undefined when A is singular (a pivot below `SINGULAR_PIVOT`, as mathjs's epsilon) or x not finite. */
export type LinearSolver = (a: readonly (readonly number[])[], b: readonly number[]) => number[] | undefined;

/** mathjs's default epsilon, below which its lusolve calls a pivot zero. */
export const SINGULAR_PIVOT = 1e-12;

export const gaussianSolve: LinearSolver = (a, b) => {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (!(Math.abs(m[pivot]![col]!) >= SINGULAR_PIVOT)) return undefined;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]!;
    for (let r = col + 1; r < n; r++) {
      const row = m[r]!;
      const f = row[col]! / p[col]!;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) row[c] = row[c]! - f * p[c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let c = r + 1; c < n; c++) s -= m[r]![c]! * x[c]!;
    x[r] = s / m[r]![r]!;
  }
  return x.every(Number.isFinite) ? x : undefined;
};

/** mathjs's lusolve behind the same interface; mathjs is imported on the first call of this function only. */
export async function loadMathjsSolver(): Promise<LinearSolver> {
  const { lusolve } = await import("mathjs");
  return (a, b) => {
    try {
      const x = (lusolve(a.map((r) => [...r]), b.map((v) => [v])) as number[][]).map((r) => r[0] ?? Number.NaN);
      return x.every(Number.isFinite) ? x : undefined;
    } catch {
      return undefined;
    }
  };
}
