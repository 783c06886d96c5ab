/**
 * Parses trace CSV text (one invocation a row, a header first) into trace records. Pure: the
 * file name only labels errors. A bad row is an InputError naming file, line and column, or — with
 * `onInvalid: "skip"` — is left out and listed in the report.
 */
import { InputError, type Issue } from "../errors.js";
import { parseCsvRows } from "./csv-rows.js";
import { resolveColumns, type ColumnMap, type ResolvedColumns } from "./column-map.js";
import { parseCell } from "./parse-cell.js";
import type { OnInvalidRow, TraceReadResult } from "./read-report.js";
import { TRACE_FIELDS, traceRecordSchema, type TraceRecord } from "./trace-record.js";

export interface CsvTraceOptions {
  /** Label used in errors, usually the path. */
  readonly file?: string;
  readonly columns?: ColumnMap;
  readonly onInvalid?: OnInvalidRow;
}

/** Converts one row; returns the record or the issue of its first bad cell. */
export function convertRow(row: readonly string[], columns: ResolvedColumns, file: string, line: number, width: number): TraceRecord | Issue {
  const where = [file, `line ${line}`];
  if (row.length !== width) {
    return { code: "parse_error", path: where, message: "wrong number of columns", expected: `${width} columns`, actual: `${row.length}` };
  }
  const out: Record<string, unknown> = {};
  for (const field of TRACE_FIELDS) {
    const column = columns[field];
    if (column === undefined) continue;
    const cell = parseCell(field, column, row);
    const label = column.kind === "column" ? column.header : field;
    if (!cell.ok) return { code: "invalid_value", path: [...where, label], message: `bad ${field}`, expected: cell.expected, actual: cell.actual };
    if (cell.value !== undefined) out[field] = cell.value;
  }
  const checked = traceRecordSchema.safeParse(out);
  if (!checked.success) {
    const first = checked.error.issues[0]!;
    return { code: "invalid_value", path: [...where, ...first.path.map(String)], message: first.message };
  }
  return checked.data;
}

export function parseCsvTraces(text: string, options: CsvTraceOptions = {}): TraceReadResult {
  const file = options.file ?? "traces.csv";
  const rows = parseCsvRows(text, file);
  const header = rows[0];
  if (header === undefined) throw new InputError(`Cannot read ${file}`, [{ code: "parse_error", path: [file, "line 1"], message: "no header row", expected: "a header and at least one row", actual: "an empty file" }]);
  const columns = resolveColumns(header.record, file, options.columns);
  const records: TraceRecord[] = [];
  const skipped: Issue[] = [];
  for (const row of rows.slice(1)) {
    const out = convertRow(row.record, columns, file, row.info.lines, header.record.length);
    if ("code" in out) {
      if (options.onInvalid !== "skip") throw new InputError(`Invalid trace row in ${file}`, [out]);
      skipped.push(out);
    } else records.push(out);
  }
  return { records, report: { file, rowsRead: rows.length - 1, rowsKept: records.length, skipped } };
}
