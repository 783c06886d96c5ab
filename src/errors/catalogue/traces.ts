/** SLU5000–5199: trace files — CSVs, column maps, Lambda REPORT logs and the sizes they join with. Category data. */
import type { CatalogueEntry } from "../entry.js";

export const TRACE_ERRORS = {
  "traces.emptyFile": {
    code: "SLU5001",
    category: "data",
    message: "no header row",
    expected: "a header and at least one row",
    hint: "The file is empty; check the export.",
  },
  "traces.malformedCsv": {
    code: "SLU5002",
    category: "data",
    message: "{reason}",
    expected: "well-formed CSV",
    hint: "Quote fields that contain commas or quotes; every row needs the header's column count.",
  },
  "traces.badCell": {
    code: "SLU5003",
    category: "data",
    message: "bad {field}",
    hint: "Fix the row, or pass --skip-invalid (onInvalid: \"skip\") to skip malformed rows and report them.",
  },
  "traces.badRow": {
    code: "SLU5004",
    category: "data",
    message: "{reason}",
    hint: "Fix the row, or pass --skip-invalid (onInvalid: \"skip\") to skip malformed rows and report them.",
  },
  "traces.tooManyRows": {
    code: "SLU5005",
    category: "data",
    message: "too many rows",
    expected: "≤ {limit} rows",
    hint: "Raise the limit with the maxRows option if the machine has the memory, or sample the traces.",
  },
  "columns.unknownField": {
    code: "SLU5010",
    category: "usage",
    message: "unknown trace field in the column map{suggestion}",
    expected: "one of {known}",
    hint: "Column-map keys are trace fields (runtimeMs, inputBytes, …); values name the file's columns.",
  },
  "columns.badSpec": {
    code: "SLU5011",
    category: "usage",
    message: "bad column-map entry",
    expected: "\"column\", { column, unit? } or { value }",
    hint: "Map a field to a column name, to { column, unit }, or to a constant { value }.",
  },
  "columns.notInHeader": {
    code: "SLU5012",
    category: "data",
    message: "mapped column not in the header{suggestion}",
    hint: "Column names are matched exactly (spaces trimmed); check the file's header row.",
  },
  "columns.unitMismatch": {
    code: "SLU5013",
    category: "usage",
    message: "unit does not fit a {dimension} field",
    hint: "Sizes take B, KB, KiB, MB, MiB, GB, GiB; times take us, ms, s.",
  },
  "columns.missingField": {
    code: "SLU5014",
    category: "data",
    message: "no column for {field}; map one with the columns option",
    hint: "Map the column with --column FIELD=COLUMN[:UNIT], or give a constant with --constant FIELD=VALUE.",
  },
  "traces.reportLine": {
    code: "SLU5020",
    category: "data",
    message: "REPORT line lacks a field",
    expected: "Duration: … ms and Max Memory Used: … MB",
    hint: "Export the log with its REPORT lines whole, or pass --skip-invalid.",
  },
  "traces.noRequestIdColumn": {
    code: "SLU5021",
    category: "data",
    message: "no request-id column",
    hint: "Name the column with requestIdColumn, or call it request_id.",
  },
  "traces.unknownRequest": {
    code: "SLU5022",
    category: "data",
    message: "no REPORT line in {reportFile} for this request",
    expected: "a request id seen in the log",
    hint: "The sizes file and the log must cover the same invocations; pass --skip-invalid to drop unmatched rows.",
  },
} as const satisfies Record<string, CatalogueEntry>;
