/** SLU8500–8599: interop — importing workflows (ASL, SeBS-Flow, Serverless Workflow), exporting plans, reading execution histories. */
import type { CatalogueEntry } from "../entry.js";

export const INTEROP_ERRORS = {
  "interop.malformedDocument": {
    code: "SLU8501",
    category: "data",
    message: "malformed {format}: {reason}",
    expected: "well-formed {format}",
    hint: "Fix the syntax at the line and column given; the importer reads JSON and YAML (1.2).",
  },
  "interop.wrongShape": {
    code: "SLU8502",
    category: "data",
    message: "{what}",
    hint: "Check the field against the format's specification (ASL, SeBS-Flow definition.json, or Serverless Workflow DSL 1.0).",
  },
  "interop.unknownStateType": {
    code: "SLU8503",
    category: "data",
    message: "unknown state or task type",
    expected: "one of {known}",
    hint: "The importer reads every type the format defines; a typo in Type (ASL), type (SeBS-Flow) or the task's key (Serverless Workflow) lands here.",
  },
  "interop.missingState": {
    code: "SLU8504",
    category: "data",
    message: "reference to a missing state",
    expected: "a state of the same scope",
    hint: "Next, Default, a Choice's Next, a Catch's Next, root/next, and `then` must name a state or task of the same states/list; nested Maps and branches have their own scope.",
  },
  "interop.missingStart": {
    code: "SLU8505",
    category: "data",
    message: "the start names no state in this scope",
    expected: "one of {known}",
    hint: "StartAt (ASL) or root (SeBS-Flow) must name one of the scope's states.",
  },
  "interop.endlessCycle": {
    code: "SLU8506",
    category: "data",
    message: "cycle through {states} with no Choice to leave it",
    expected: "a loop that passes a Choice (or switch, or if)",
    hint: "A loop is kept (as a stage with a repeat count) only when a Choice on it can leave it; plain Next transitions in a circle never end.",
  },
  "interop.badValue": {
    code: "SLU8507",
    category: "data",
    message: "{what}",
    hint: "See the format's specification for the field's allowed values.",
  },
  "interop.unsupportedVersion": {
    code: "SLU8508",
    category: "data",
    message: "{what}",
    expected: "document.dsl 1.0.0 to 1.0.x",
    hint: "Serverless Workflow 0.x documents (states, functions, specVersion) predate DSL 1.0; convert them, or import the 1.0 form.",
  },
  "interop.duplicateTask": {
    code: "SLU8509",
    category: "data",
    message: "duplicate task name in one list",
    expected: "unique task names",
    hint: "`then` refers to tasks by name, so names in one task list must differ.",
  },
  "interop.badHistoryEvent": {
    code: "SLU8510",
    category: "data",
    message: "{what}",
    hint: "Pass the JSON that `aws stepfunctions get-execution-history --execution-arn ARN` prints: { \"events\": [ { id, type, timestamp, … } ] }.",
  },
  "interop.skippedTaskRun": {
    code: "SLU8511",
    category: "data",
    message: "{reason}",
    expected: "a task that succeeded with its payloads in the history",
    hint: "Rows without a size or a success cannot train a profile; rerun with payloads below the history's size limit (or with --include-execution-data) to keep them.",
  },
  "interop.planOfAnotherDag": {
    code: "SLU8512",
    category: "data",
    message: "the plan was made for another DAG",
    hint: "Export a plan with the DAG it was planned for (sluice plan --dag FILE --format json > plan.json), or plan here with --input.",
  },
  "interop.badFile": {
    code: "SLU8513",
    category: "data",
    message: "{what}",
    hint: "The file must match its JSON Schema in schemas/ (plan.schema.json, platform-overrides.schema.json, column-map.schema.json).",
  },
  "interop.unknownFallback": {
    code: "SLU8514",
    category: "usage",
    message: "a fallback must borrow a known function's profile{suggestion}",
    expected: "one of {known}",
    hint: "Use \"default\" for the stated placeholder profile, or name a function the profiles know.",
  },
} as const satisfies Record<string, CatalogueEntry>;
