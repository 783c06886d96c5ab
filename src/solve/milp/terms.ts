/** Sparse linear terms: variable name → coefficient. */

/** Adds `coef` to `name`'s coefficient, leaving zeros out. */
export function addTerm(terms: Record<string, number>, name: string, coef: number): void {
  if (coef !== 0) terms[name] = (terms[name] ?? 0) + coef;
}
