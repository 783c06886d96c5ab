/**
 * One CSV row through a RowMapper: the where filter, then every field's value converted to its
 * unit and checked (never a silent NaN). The function and input size are required: without them the
 * row is rejected. A target or optional field that is empty is simply absent (the row trains the
 * targets it has); one that is bad (not a number, negative, not finite, a bad flag) is absent too
 * and comes back as an issue naming file, line and column, which the reader raises or counts. A
 * cell with its own unit (`61 MB`, units.ts) is read in that unit.
 */
import { issue, type Issue } from "../../errors.js";
import type { RowMapper } from "./compile-mapping.js";
import { CellError, type CellValue } from "./cell-value.js";
import { truthOf } from "./expression.js";
import type { TraceField, TraceRecord } from "../trace-record.js";
import { cellWithUnit, unitFactor, unitsFor } from "./units.js";

export interface FieldProblem {
  readonly field: TraceField;
  /** Short reason used to count skips: "empty cell", "not a number", "negative", "not finite", "bad flag". */
  readonly reason: string;
  /** Present for bad values (not for empty cells). */
  readonly issue?: Issue;
}

export type MappedRow =
  | { readonly kind: "row"; readonly record: TraceRecord; readonly problems: readonly FieldProblem[]; readonly runKey?: string }
  | { readonly kind: "filtered"; readonly reason: string }
  | { readonly kind: "rejected"; readonly reason: string; readonly issue: Issue };

const REQUIRED: ReadonlySet<TraceField> = new Set(["function", "inputBytes"]);

type Converted = { ok: true; value: string | number | boolean | undefined } | { ok: false; reason: string; expected: string; actual: string; column: string };

function convert(field: TraceField, raw: CellValue, factor: number, column: string): Converted {
  if (raw === undefined) return { ok: true, value: undefined };
  if (field === "app" || field === "function") return { ok: true, value: String(raw) };
  if (field === "cold") {
    try {
      return { ok: true, value: truthOf(raw, column) };
    } catch (e) {
      const c = e as CellError;
      return { ok: false, reason: "bad flag", expected: c.expected, actual: c.actual, column };
    }
  }
  let value: number;
  if (typeof raw === "number") value = raw * factor;
  else {
    // A cell with its own unit (`61 MB`) is read in it, whatever the column's unit.
    const withUnit = typeof raw === "string" ? cellWithUnit(raw) : undefined;
    const own = withUnit === undefined ? undefined : unitFactor(field, withUnit.unit);
    if (withUnit === undefined) return { ok: false, reason: "not a number", expected: "a number", actual: JSON.stringify(raw), column };
    if (own === undefined) return { ok: false, reason: "not a number", expected: `a number, or one with a unit of ${unitsFor(field).join(", ") || "none"}`, actual: JSON.stringify(raw), column };
    value = withUnit.value * own;
  }
  if (!Number.isFinite(value)) return { ok: false, reason: "not finite", expected: "a finite number", actual: String(raw), column };
  if (value < 0) return { ok: false, reason: "negative", expected: "a number ≥ 0", actual: String(raw), column };
  if (field === "memorySettingMb" && value === 0) return { ok: true, value: undefined };
  return { ok: true, value };
}

export function mapRow(m: RowMapper, row: readonly string[], line: number): MappedRow {
  const where = [m.file, `line ${line}`];
  if (row.length !== m.header.length) {
    return { kind: "rejected", reason: "wrong number of columns", issue: issue("traces.badRow", { path: where, expected: `${m.header.length} columns`, actual: `${row.length}`, params: { reason: "wrong number of columns" } }) };
  }
  if (m.where !== undefined) {
    let keep: boolean | undefined;
    try {
      keep = truthOf(m.where.test(row), m.where.text);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      return { kind: "rejected", reason: "where: bad cell", issue: issue("traces.badCell", { path: [...where, e.column], expected: e.expected, actual: e.actual, params: { field: `cell for the row filter ${JSON.stringify(m.where.text)}` } }) };
    }
    if (keep !== true) return { kind: "filtered", reason: keep === undefined ? "where: empty cell" : "where: false" };
  }
  const out: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const [field, source] of m.fields) {
    let raw: CellValue;
    try {
      raw = source.get(row);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      const bad: Issue = issue("traces.badCell", { path: [...where, e.column], expected: e.expected, actual: e.actual, params: { field: `${field} (from ${source.label})` } });
      if (REQUIRED.has(field)) return { kind: "rejected", reason: `${field}: not a number`, issue: bad };
      problems.push({ field, reason: "not a number", issue: bad });
      continue;
    }
    const c = convert(field, raw, source.factor, source.label);
    if (!c.ok) {
      const bad: Issue = issue("traces.badCell", { path: [...where, c.column], expected: c.expected, actual: c.actual, params: { field } });
      if (REQUIRED.has(field)) return { kind: "rejected", reason: `${field}: ${c.reason}`, issue: bad };
      problems.push({ field, reason: c.reason, issue: bad });
      continue;
    }
    if (c.value === undefined) {
      if (REQUIRED.has(field)) return { kind: "rejected", reason: `${field}: empty cell`, issue: issue("traces.badCell", { path: [...where, source.label], expected: "a value", actual: "an empty cell", params: { field } }) };
      problems.push({ field, reason: "empty cell" });
      continue;
    }
    out[field] = c.value;
  }
  if (out.app === undefined) out.app = m.defaultApp;
  let runKey: string | undefined;
  if (m.runs !== undefined) {
    const id = row[m.runs.index]?.trim() ?? "";
    if (id !== "") runKey = id;
  }
  return { kind: "row", record: out as TraceRecord, problems, ...(runKey === undefined ? {} : { runKey }) };
}
