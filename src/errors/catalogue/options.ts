/** SLU1000–1199: options of plan(), simulate(), trainProfiles() and the other API calls. Category usage. */
import type { CatalogueEntry } from "../entry.js";

export const OPTION_ERRORS = {
  "option.unknownKey": {
    code: "SLU1001",
    category: "usage",
    message: "unknown option{suggestion}",
    expected: "one of {known}",
    hint: "Options are case-sensitive; unknown keys are errors rather than ignored, so a typo cannot pass silently.",
  },
  "option.wrongType": {
    code: "SLU1002",
    category: "usage",
    message: "option has the wrong type",
    hint: "Values are not coerced: pass 0.9, not \"0.9\"; true, not \"true\".",
  },
  "option.badValue": {
    code: "SLU1003",
    category: "usage",
    message: "option value out of range or not allowed",
    hint: "See the option's description in the README's API section.",
  },
  "option.modesUnknownOrEmpty": {
    code: "SLU1010",
    category: "usage",
    message: "unknown or empty transfer modes",
    hint: "Give a non-empty list of modes the platform offers, e.g. [\"vm-local\", \"direct\", \"remote\"].",
  },
  "option.unknownSolver": {
    code: "SLU1011",
    category: "usage",
    message: "unknown solver",
    expected: "\"auto\" | \"exact\" | \"heuristic\" | \"dp\" | \"brute-force\" | a function",
    hint: "Use \"auto\" unless you need a specific search.",
  },
  "option.unknownBaseline": {
    code: "SLU1013",
    category: "usage",
    message: "unknown baseline",
    hint: "Pick one of the listed baselines.",
  },
  "option.unknownModelChoice": {
    code: "SLU1014",
    category: "usage",
    message: "unknown model family",
    hint: "\"auto\" picks the family by cross-validation.",
  },
  "option.foldCount": {
    code: "SLU1015",
    category: "usage",
    message: "bad fold count",
    expected: "an integer ≥ 2",
    hint: "Cross-validation needs at least two folds; 5 is the default.",
  },
  "option.unknownEngine": {
    code: "SLU1016",
    category: "usage",
    message: "unknown MILP engine",
    hint: "\"auto\" is HiGHS (MIT); \"glpk\" needs the optional glpk.js package (GPL-3.0); \"jslp\" is javascript-lp-solver.",
  },
  "option.timeLimit": {
    code: "SLU1017",
    category: "usage",
    message: "time limit must be a positive number of milliseconds",
    expected: "> 0 ms (Infinity allowed)",
    hint: "Leave it out for the default.",
  },
  "option.plotFormat": {
    code: "SLU1018",
    category: "usage",
    message: "unknown image format",
    expected: "a file name ending in .svg or .png",
    hint: "The format follows the file's extension.",
  },
  "option.memorySizes": {
    code: "SLU1019",
    category: "usage",
    message: "bad memory size",
    expected: "a non-empty list of sizes in MB, each > 0 and ≤ {limit} (the platform's most for one instance)",
    hint: "List the sizes a function may be configured with, e.g. [512, 1024, 1769, 3008]; plan() picks one per stage.",
  },
} as const satisfies Record<string, CatalogueEntry>;
