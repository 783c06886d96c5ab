/**
 * Safe internal names for a model's variables and constraints. Callers may use any string
 * (`y[map->reduce][direct]`); LP-format readers forbid spaces, some operators and leading digits,
 * and cap lengths. Engines speak only `x<i>` / `c<j>` and translate back with this map.
 */

import { sluiceError } from "../errors.js";
import type { MilpModel } from "./model.js";

export interface NameMap {
  /** Internal name of variable i (`x<i>`), in `model.variables` order. */
  readonly variableIds: readonly string[];
  /** Internal name of constraint j (`c<j>`), in `model.constraints` order. */
  readonly constraintIds: readonly string[];
  /** Caller's variable name → internal name. */
  readonly idOfVariable: ReadonlyMap<string, string>;
  /** Internal variable name → caller's name. */
  readonly variableOfId: ReadonlyMap<string, string>;
  /** Caller's variable name → its index in `model.variables` (the `i` of `x<i>`). */
  readonly indexOfVariable: ReadonlyMap<string, number>;
}

export function buildNameMap(model: MilpModel): NameMap {
  const variableIds = model.variables.map((_, i) => `x${i}`);
  const constraintIds = model.constraints.map((_, j) => `c${j}`);
  const idOfVariable = new Map<string, string>();
  const variableOfId = new Map<string, string>();
  const indexOfVariable = new Map<string, number>();
  model.variables.forEach((variable, i) => {
    const id = variableIds[i]!;
    idOfVariable.set(variable.name, id);
    variableOfId.set(id, variable.name);
    indexOfVariable.set(variable.name, i);
  });
  return { variableIds, constraintIds, idOfVariable, variableOfId, indexOfVariable };
}

/** The internal id of a caller's variable; the model is validated, so a miss is a bug. */
export function lookupVariableId(names: NameMap, variableName: string): string {
  const id = names.idOfVariable.get(variableName);
  if (id === undefined) throw sluiceError("internal.unknownLpVariable", { params: { name: JSON.stringify(variableName) } });
  return id;
}

/** The column index of a caller's variable; the model is validated, so a miss is a bug. */
export function lookupVariableIndex(names: NameMap, variableName: string): number {
  const index = names.indexOfVariable.get(variableName);
  if (index === undefined) throw sluiceError("internal.unknownLpVariable", { params: { name: JSON.stringify(variableName) } });
  return index;
}

/** Maps engine values keyed by internal ids back to caller names; missing ids read as 0. */
export function mapValuesToCaller(
  names: NameMap,
  readValue: (id: string) => number | undefined,
): Record<string, number> {
  const values: Record<string, number> = {};
  for (const id of names.variableIds) values[names.variableOfId.get(id)!] = readValue(id) ?? 0;
  return values;
}
