/**
 * An independent checker for a proposed MILP solution: every variable present and finite,
 * within its bounds, integral where required, every constraint satisfied within tolerance, and
 * the objective recomputed from the values. It shares no code with any engine, so tests and
 * `solveMilp` use it as the referee of every engine's answer.
 *
 * Tolerance is absolute, scaled by the magnitudes involved: a row `Σ a·x ≤ u` may exceed `u` by
 * `tolerance · max(1, |u|, Σ |a·x|)`.
 */

import { isIntegerKind, readVariableBounds, type MilpModel } from "./model.js";

export type ViolationKind = "missing" | "bound" | "integrality" | "constraint";

export interface Violation {
  readonly kind: ViolationKind;
  /** The variable's or constraint's name (the caller's). */
  readonly name: string;
  readonly message: string;
}

export interface SolutionCheck {
  readonly ok: boolean;
  readonly violations: readonly Violation[];
  /** Objective recomputed from the values (`NaN` if a value is missing). */
  readonly objective: number;
}

export interface CheckOptions {
  /** Relative-to-magnitude feasibility tolerance. Default 1e-6. */
  readonly tolerance?: number;
  /** Absolute integrality tolerance. Default 1e-6. */
  readonly integralityTolerance?: number;
}

export const DEFAULT_CHECK_OPTIONS: Required<CheckOptions> = { tolerance: 1e-6, integralityTolerance: 1e-6 };

function checkVariables(model: MilpModel, values: Readonly<Record<string, number>>, options: Required<CheckOptions>, out: Violation[]): void {
  for (const variable of model.variables) {
    const value = values[variable.name];
    if (value === undefined || !Number.isFinite(value)) {
      out.push({ kind: "missing", name: variable.name, message: `no finite value (got ${value})` });
      continue;
    }
    const { lower, upper } = readVariableBounds(variable);
    const slack = options.tolerance * Math.max(1, Math.abs(value));
    if (value < lower - slack || value > upper + slack) {
      out.push({ kind: "bound", name: variable.name, message: `value ${value} outside [${lower}, ${upper}]` });
    }
    if (isIntegerKind(variable.kind) && Math.abs(value - Math.round(value)) > options.integralityTolerance) {
      out.push({ kind: "integrality", name: variable.name, message: `${variable.kind} variable has fractional value ${value}` });
    }
  }
}

function checkConstraints(model: MilpModel, values: Readonly<Record<string, number>>, options: Required<CheckOptions>, out: Violation[]): void {
  for (const constraint of model.constraints) {
    let activity = 0;
    let magnitude = 0;
    for (const name in constraint.terms) {
      const term = constraint.terms[name]! * (values[name] ?? Number.NaN);
      activity += term;
      magnitude += Math.abs(term);
    }
    if (Number.isNaN(activity)) continue; // reported as a missing variable
    const lower = constraint.lower ?? Number.NEGATIVE_INFINITY;
    const upper = constraint.upper ?? Number.POSITIVE_INFINITY;
    let scale = Math.max(1, magnitude);
    if (Number.isFinite(lower)) scale = Math.max(scale, Math.abs(lower));
    if (Number.isFinite(upper)) scale = Math.max(scale, Math.abs(upper));
    const slack = options.tolerance * scale;
    if (activity < lower - slack || activity > upper + slack) {
      out.push({ kind: "constraint", name: constraint.name, message: `activity ${activity} outside [${lower}, ${upper}]` });
    }
  }
}

/** Σ objective[v] · values[v]; NaN if a value is missing. */
export function computeObjective(model: MilpModel, values: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const [name, coefficient] of Object.entries(model.objective)) total += coefficient * (values[name] ?? Number.NaN);
  return total;
}

export function checkSolution(model: MilpModel, values: Readonly<Record<string, number>>, options: CheckOptions = {}): SolutionCheck {
  const merged = { ...DEFAULT_CHECK_OPTIONS, ...options };
  const violations: Violation[] = [];
  checkVariables(model, values, merged, violations);
  checkConstraints(model, values, merged, violations);
  return { ok: violations.length === 0, violations, objective: computeObjective(model, values) };
}

/** One line naming the first few violations, for a result's `message`. */
export function describeViolations(violations: readonly Violation[], limit = 3): string {
  const shown = violations.slice(0, limit).map((v) => `${v.kind} ${JSON.stringify(v.name)}: ${v.message}`);
  const more = violations.length > limit ? ` (+${violations.length - limit} more)` : "";
  return shown.join("; ") + more;
}
