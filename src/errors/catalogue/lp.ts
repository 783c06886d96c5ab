/** SLU6500–6599: the MILP layer (models handed to solveMilp). Category usage. */
import type { CatalogueEntry } from "../entry.js";

export const LP_ERRORS = {
  "lp.unknownVariable": {
    code: "SLU6501",
    category: "usage",
    message: "term names a variable the model does not declare",
    expected: "a name listed in variables",
    hint: "Declare every variable in model.variables before using it.",
  },
  "lp.badCoefficient": {
    code: "SLU6502",
    category: "usage",
    message: "coefficient must be a finite number",
    hint: "Check for NaN or Infinity in the model's terms.",
  },
  "lp.badBound": {
    code: "SLU6503",
    category: "usage",
    message: "{reason}",
    hint: "Bounds are numbers with lower ≤ upper; ±Infinity is allowed on its own side.",
  },
  "lp.crossedBounds": {
    code: "SLU6504",
    category: "usage",
    message: "lower bound exceeds upper bound",
    hint: "Swap or fix the bounds.",
  },
  "lp.duplicateName": {
    code: "SLU6505",
    category: "usage",
    message: "duplicate name",
    hint: "Variable and constraint names must be unique.",
  },
  "lp.badKind": {
    code: "SLU6506",
    category: "usage",
    message: "{reason}",
    hint: "Variables are continuous, binary or integer; directions are minimize or maximize.",
  },
  "lp.noVariables": {
    code: "SLU6507",
    category: "usage",
    message: "a model needs at least one variable",
    expected: "≥ 1 variable",
    hint: "Declare the decision variables in model.variables.",
  },
  "lp.badName": {
    code: "SLU6508",
    category: "usage",
    message: "name must be a non-empty string",
    hint: "Give every variable and constraint a unique, non-empty name.",
  },
} as const satisfies Record<string, CatalogueEntry>;
