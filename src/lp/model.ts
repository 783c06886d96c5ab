/**
 * The plain MILP model every engine reads. Read-only data, no methods: a caller builds it,
 * `solveMilp` validates it, and each engine translates it into its own format.
 *
 * Names are the caller's: any non-empty string (e.g. `y[map->reduce][direct]`). Engines map
 * them to safe internal names and back, so no engine's naming rules leak to callers.
 */

export type OptimizationDirection = "minimize" | "maximize";

/** `binary` is an integer in [0, 1] (intersected with any bounds given). */
export type VariableKind = "continuous" | "binary" | "integer";

export interface MilpVariable {
  readonly name: string;
  /** Default 0. Use `-Infinity` for a free variable. */
  readonly lower?: number;
  /** Default `+Infinity` (1 for a binary). */
  readonly upper?: number;
  readonly kind: VariableKind;
}

/** `lower ≤ Σ terms[v] · v ≤ upper`; a missing side is unbounded. Equality: lower = upper. */
export interface MilpConstraint {
  readonly name: string;
  readonly terms: Readonly<Record<string, number>>;
  readonly lower?: number;
  readonly upper?: number;
}

export interface MilpModel {
  readonly direction: OptimizationDirection;
  /** Variable name → objective coefficient; variables left out have coefficient 0. */
  readonly objective: Readonly<Record<string, number>>;
  readonly constraints: readonly MilpConstraint[];
  readonly variables: readonly MilpVariable[];
}

/** A variable's effective bounds: defaults applied, binaries clipped to [0, 1]. */
export function readVariableBounds(variable: MilpVariable): { lower: number; upper: number } {
  const lower = variable.lower ?? 0;
  const upper = variable.upper ?? Number.POSITIVE_INFINITY;
  if (variable.kind === "binary") return { lower: Math.max(lower, 0), upper: Math.min(upper, 1) };
  return { lower, upper };
}

/** True for the kinds whose values must be whole numbers. */
export function isIntegerKind(kind: VariableKind): boolean {
  return kind === "binary" || kind === "integer";
}

/** The same model with a zero objective: used to ask "is there any feasible point?". */
/** True when some variable must take a whole value (a MILP, not an LP). */
export function hasIntegerVariables(model: MilpModel): boolean {
  return model.variables.some((v) => isIntegerKind(v.kind));
}

export function dropObjective(model: MilpModel): MilpModel {
  return { ...model, objective: {} };
}

/**
 * The LP left when every integer variable is fixed at its value rounded: the continuous part of a
 * MILP answer, to re-solve when an engine's integer tolerance (GLPK's is 1e-5) lets a continuous
 * value ride on a binary that is almost, not exactly, 0 or 1.
 */
export function fixIntegers(model: MilpModel, values: Readonly<Record<string, number>>): MilpModel {
  return {
    ...model,
    variables: model.variables.map((v) => {
      if (!isIntegerKind(v.kind)) return v;
      const fixed = Math.round(values[v.name] ?? 0) + 0; // + 0 turns -0 into 0
      return { name: v.name, kind: "continuous", lower: fixed, upper: fixed };
    }),
  };
}
