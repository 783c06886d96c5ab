/**
 * Writes a model as CPLEX LP-format text, using the safe internal names of a `NameMap`.
 * A ranged constraint becomes two rows (`c<j>_lo`, `c<j>_hi`); an equality one `=` row; a row
 * with no finite side is dropped. Binaries are written as general integers with their [0, 1]
 * bounds, so every integer variable is handled the same way.
 */

import { isIntegerKind, readVariableBounds, type MilpModel } from "./model.js";
import { lookupVariableId, type NameMap } from "./name-map.js";

/** `+ 3 x0 - 0.5 x1`; an empty expression is `0 x0` so every row stays well-formed. */
function writeExpression(terms: Readonly<Record<string, number>>, names: NameMap): string {
  const parts: string[] = [];
  for (const [name, coefficient] of Object.entries(terms)) {
    if (coefficient === 0) continue;
    const sign = coefficient < 0 ? "-" : "+";
    parts.push(`${sign} ${writeNumber(Math.abs(coefficient))} ${lookupVariableId(names, name)}`);
  }
  return parts.length > 0 ? parts.join(" ") : `0 ${names.variableIds[0] ?? "x0"}`;
}

/** Full precision, never locale-formatted; infinities as the LP-format keyword. */
function writeNumber(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return "inf";
  if (value === Number.NEGATIVE_INFINITY) return "-inf";
  return String(value);
}

function writeRows(model: MilpModel, names: NameMap): string[] {
  const rows: string[] = [];
  model.constraints.forEach((constraint, j) => {
    const id = names.constraintIds[j]!;
    const expression = writeExpression(constraint.terms, names);
    const lower = constraint.lower ?? Number.NEGATIVE_INFINITY;
    const upper = constraint.upper ?? Number.POSITIVE_INFINITY;
    if (lower === upper) rows.push(` ${id}: ${expression} = ${writeNumber(lower)}`);
    else {
      if (Number.isFinite(lower)) rows.push(` ${id}_lo: ${expression} >= ${writeNumber(lower)}`);
      if (Number.isFinite(upper)) rows.push(` ${id}_hi: ${expression} <= ${writeNumber(upper)}`);
    }
  });
  return rows;
}

function writeBounds(model: MilpModel, names: NameMap): string[] {
  return model.variables.map((variable, i) => {
    const id = names.variableIds[i]!;
    const { lower, upper } = readVariableBounds(variable);
    if (lower === Number.NEGATIVE_INFINITY && upper === Number.POSITIVE_INFINITY) return ` ${id} free`;
    return ` ${writeNumber(lower)} <= ${id} <= ${writeNumber(upper)}`;
  });
}

export function writeLpFormat(model: MilpModel, names: NameMap): string {
  const integers = model.variables.flatMap((v, i) => (isIntegerKind(v.kind) ? [names.variableIds[i]!] : []));
  const lines = [
    model.direction === "maximize" ? "Maximize" : "Minimize",
    ` obj: ${writeExpression(model.objective, names)}`,
    "Subject To",
    ...writeRows(model, names),
    "Bounds",
    ...writeBounds(model, names),
  ];
  if (integers.length > 0) {
    lines.push("General");
    for (let k = 0; k < integers.length; k += 16) lines.push(` ${integers.slice(k, k + 16).join(" ")}`);
  }
  lines.push("End", "");
  return lines.join("\n");
}
