/**
 * Checks a `MilpModel` before any engine sees it. Collects every issue (not just the first) and
 * throws one `InputError`: unknown variables in the objective or a constraint, non-finite
 * coefficients, NaN or crossed bounds, duplicate names, an unknown kind or direction.
 * Post-condition: every engine may assume names resolve and numbers are finite where required.
 */

import { InputError, issue, show, type Issue } from "../errors.js";
import { readVariableBounds, type MilpModel } from "./model.js";

const KINDS = new Set(["continuous", "binary", "integer"]);

function checkTerms(
  terms: Readonly<Record<string, number>>,
  known: ReadonlySet<string>,
  path: readonly (string | number)[],
  issues: Issue[],
): void {
  for (const name in terms) {
    const coefficient = terms[name];
    if (!known.has(name)) {
      issues.push(issue("lp.unknownVariable", { path: [...path, name], actual: show(name) }));
    }
    if (typeof coefficient !== "number" || !Number.isFinite(coefficient)) {
      issues.push(issue("lp.badCoefficient", { path: [...path, name], expected: "a finite number", actual: show(coefficient) }));
    }
  }
}

function checkRange(lower: number | undefined, upper: number | undefined, path: readonly (string | number)[], issues: Issue[]): void {
  const lowerOk = lower === undefined || (typeof lower === "number" && lower < Number.POSITIVE_INFINITY); // false for NaN
  const upperOk = upper === undefined || (typeof upper === "number" && upper > Number.NEGATIVE_INFINITY);
  if (lowerOk && upperOk && !(lower !== undefined && upper !== undefined && lower > upper)) return; // nothing to report, without building the checks below
  for (const [side, value] of [["lower", lower], ["upper", upper]] as const) {
    if (value !== undefined && (typeof value !== "number" || Number.isNaN(value))) {
      issues.push(issue("lp.badBound", { path: [...path, side], expected: "a number", actual: show(value), params: { reason: "bound must be a number (±Infinity allowed)" } }));
    }
  }
  if (lower === Number.POSITIVE_INFINITY || upper === Number.NEGATIVE_INFINITY) {
    issues.push(issue("lp.badBound", { path, expected: "lower < +Infinity and upper > -Infinity", actual: `[${lower}, ${upper}]`, params: { reason: "a bound is infinite on the wrong side" } }));
  }
  if (lower !== undefined && upper !== undefined && lower > upper) {
    issues.push(issue("lp.crossedBounds", { path, expected: `lower ≤ upper (${upper})`, actual: `lower = ${lower}` }));
  }
}

export function validateMilpModel(model: MilpModel): void {
  const issues: Issue[] = [];
  if (model.direction !== "minimize" && model.direction !== "maximize") {
    issues.push(issue("lp.badKind", { path: ["direction"], expected: '"minimize" | "maximize"', actual: show(model.direction), params: { reason: "unknown direction" } }));
  }
  if (model.variables.length === 0) {
    issues.push(issue("lp.noVariables", { path: ["variables"], actual: "0" }));
  }
  const known = new Set<string>();
  model.variables.forEach((variable, i) => {
    const path = ["variables", i];
    if (typeof variable.name !== "string" || variable.name.length === 0) {
      issues.push(issue("lp.badName", { path: [...path, "name"], expected: "a non-empty string", actual: show(variable.name) }));
    } else if (known.has(variable.name)) {
      issues.push(issue("lp.duplicateName", { path: [...path, "name"], expected: "unique names", actual: show(variable.name) }));
    }
    known.add(variable.name);
    if (!KINDS.has(variable.kind)) {
      issues.push(issue("lp.badKind", { path: [...path, "kind"], expected: '"continuous" | "binary" | "integer"', actual: show(variable.kind), params: { reason: "unknown variable kind" } }));
    }
    checkRange(variable.lower, variable.upper, path, issues);
    const bounds = readVariableBounds(variable);
    if (variable.kind === "binary" && bounds.lower > bounds.upper) {
      issues.push(issue("lp.badBound", { path, expected: "bounds meeting [0, 1]", actual: `[${variable.lower}, ${variable.upper}]`, params: { reason: "binary bounds leave no value in [0, 1]" } }));
    }
  });
  checkTerms(model.objective, known, ["objective"], issues);
  const constraintNames = new Set<string>();
  model.constraints.forEach((constraint, j) => {
    const path = ["constraints", j];
    if (constraintNames.has(constraint.name)) {
      issues.push(issue("lp.duplicateName", { path: [...path, "name"], expected: "unique names", actual: show(constraint.name) }));
    }
    constraintNames.add(constraint.name);
    checkTerms(constraint.terms, known, [...path, "terms"], issues);
    checkRange(constraint.lower, constraint.upper, path, issues);
  });
  if (issues.length > 0) throw new InputError("invalid MILP model", issues);
}
