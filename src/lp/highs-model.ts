/**
 * A `MilpModel` as HiGHS's structured input: column-wise (CSC) matrix, bounds with HiGHS's
 * infinity, integrality codes, and column order = `model.variables` order (the `NameMap`'s
 * `x<i>` ids index it). Passing arrays skips writing and parsing LP text, which dominated the
 * time of large LP relaxations.
 */
import type { Highs, ModelData } from "highs";
import { isIntegerKind, readVariableBounds, type MilpModel } from "./model.js";
import { lookupVariableId, type NameMap } from "./name-map.js";

const clip = (value: number, infinity: number) => (value === Number.POSITIVE_INFINITY ? infinity : value === Number.NEGATIVE_INFINITY ? -infinity : value);

export function buildHighsModel(highs: Highs, model: MilpModel, names: NameMap): ModelData {
  const numCols = model.variables.length;
  const numRows = model.constraints.length;
  const column = (name: string) => Number(lookupVariableId(names, name).slice(1));
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
  const counts = new Int32Array(numCols + 1);
  const entries: [number, number, number][] = [];
  model.constraints.forEach((c, j) => {
    rowLower[j] = clip(c.lower ?? Number.NEGATIVE_INFINITY, highs.infinity);
    rowUpper[j] = clip(c.upper ?? Number.POSITIVE_INFINITY, highs.infinity);
    const merged = new Map<number, number>();
    for (const [name, coef] of Object.entries(c.terms)) merged.set(column(name), (merged.get(column(name)) ?? 0) + coef);
    for (const [col, coef] of merged) {
      if (coef === 0) continue;
      entries.push([col, j, coef]);
      counts[col + 1]!++;
    }
  });
  for (let i = 0; i < numCols; i++) counts[i + 1]! += counts[i]!;
  const indices = new Int32Array(entries.length);
  const values = new Float64Array(entries.length);
  const next = counts.slice(0, numCols);
  for (const [col, row, coef] of entries) {
    const at = next[col]!++;
    indices[at] = row;
    values[at] = coef;
  }
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
