/**
 * A `MilpModel` as HiGHS's structured input: column-wise (CSC) matrix, bounds with HiGHS's
 * infinity, integrality codes, and column order = `model.variables` order (the `NameMap`'s
 * `x<i>` ids index it). Passing arrays skips writing and parsing LP text, which dominated the
 * time of large LP relaxations.
 */
import type { Highs, ModelData } from "highs";
import { isIntegerKind, readVariableBounds, type MilpModel } from "./model.js";
import { lookupVariableIndex, type NameMap } from "./name-map.js";

const clip = (value: number, infinity: number) => (value === Number.POSITIVE_INFINITY ? infinity : value === Number.NEGATIVE_INFINITY ? -infinity : value);

export function buildHighsModel(highs: Highs, model: MilpModel, names: NameMap): ModelData {
  const numCols = model.variables.length;
  const numRows = model.constraints.length;
  const column = (name: string) => lookupVariableIndex(names, name);
  const colCost = new Float64Array(numCols);
  for (const [name, coef] of Object.entries(model.objective)) colCost[column(name)]! += coef;
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols);
  const integrality = new Int32Array(numCols);
  model.variables.forEach((v, i) => {
    const { lower, upper } = readVariableBounds(v);
    colLower[i] = clip(lower, highs.infinity);
    colUpper[i] = clip(upper, highs.infinity);
    integrality[i] = isIntegerKind(v.kind) ? highs.constants.variableType.integer : highs.constants.variableType.continuous;
  });
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  // Two passes over the rows, no per-entry objects: count each column's entries, then place them.
  // A row's terms are a record, so each variable appears once in it (names are unique).
  const counts = new Int32Array(numCols + 1);
  let numEntries = 0;
  model.constraints.forEach((c, j) => {
    rowLower[j] = clip(c.lower ?? Number.NEGATIVE_INFINITY, highs.infinity);
    rowUpper[j] = clip(c.upper ?? Number.POSITIVE_INFINITY, highs.infinity);
    for (const name in c.terms) {
      if (c.terms[name] === 0) continue;
      counts[column(name) + 1]!++;
      numEntries++;
    }
  });
  for (let i = 0; i < numCols; i++) counts[i + 1]! += counts[i]!;
  const indices = new Int32Array(numEntries);
  const values = new Float64Array(numEntries);
  const next = counts.slice(0, numCols);
  model.constraints.forEach((c, j) => {
    for (const name in c.terms) {
      const coef = c.terms[name]!;
      if (coef === 0) continue;
      const at = next[column(name)]!++;
      indices[at] = j;
      values[at] = coef;
    }
  });
  return {
    numCols,
    numRows,
    sense: model.direction === "maximize" ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: "csc", numRows, numCols, starts: counts, indices, values },
    integrality,
  };
}

/** A start point in column order; a variable the caller left out starts at its bound nearest 0. */
export function startColumns(model: MilpModel, start: Readonly<Record<string, number>>): Float64Array {
  const out = new Float64Array(model.variables.length);
  model.variables.forEach((v, i) => {
    const { lower, upper } = readVariableBounds(v);
    const given = start[v.name];
    out[i] = given !== undefined && Number.isFinite(given) ? given : Math.min(Math.max(0, lower), upper);
  });
  return out;
}
