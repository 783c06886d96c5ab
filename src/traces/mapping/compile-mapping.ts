/**
 * Compiles a trace mapping against one file's header into a RowMapper: for every field, where its
 * value comes from (a column with its unit factor, an expression, a constant, or a recognised
 * header), the row filter, and the run column for counted fanout. Every way the mapping and the
 * header disagree is an InputError listing each problem, named as the caller wrote it (API path
 * or CLI flag): a mapped column that is not in the header, an expression over a missing column, a
 * unit that does not fit the field, a field name that is no field, no function or input column.
 * Given the first rows, it also settles what only values show (sample-units.ts): a duration's unit
 * by a start/end pair, the runtime from such a pair, and a unit that gives impossible values.
 */
import { InputError, issue, show, suggestionParams, type Issue } from "../../errors.js";
import { CellError, cellValue, type CellValue } from "./cell-value.js";
import type { FieldSource } from "./field-source.js";
import { compileExpression, ExpressionError, truthOf } from "./expression.js";
import { recogniseFields } from "./header-stems.js";
import { candidateText } from "./field-candidates.js";
import { jsonCellPath, valueInJsonCell } from "./json-cell.js";
import { mappingHints } from "./mapping-hints.js";
import { howToMap, mappingRef, refOfSchemaPath, type MappingOrigin } from "./mapping-labels.js";
import { fieldNamed, traceMappingSchema, type ColumnSpec, type TraceMapping } from "./mapping-schema.js";
import { normaliseName } from "./names.js";
import { refineBySample } from "./sample-units.js";
import { TARGET_FIELDS, TRACE_FIELDS, type TraceField } from "../trace-record.js";
import { assumedUnit, FIELD_DIMENSION, splitUnitSuffix, unitFactor, unitsFor, type ValueUnit } from "./units.js";

export type { FieldSource } from "./field-source.js";

export interface RowMapper {
  readonly file: string;
  readonly header: readonly string[];
  readonly fields: ReadonlyMap<TraceField, FieldSource>;
  readonly where?: { readonly text: string; readonly test: (row: readonly string[]) => CellValue };
  /** Counted fanout: the run column and each function's next stage(s). */
  readonly runs?: { readonly index: number; readonly header: string; readonly next: ReadonlyMap<string, readonly string[]> };
  /** The app when no column names it: the file's base name. */
  readonly defaultApp: string;
  readonly origin: MappingOrigin;
  /** What the file could give that the mapping left out, in the caller's words (mapping-hints.ts). */
  readonly hints: readonly string[];
}

export interface CompileOptions {
  readonly file: string;
  readonly origin?: MappingOrigin;
  /** Fields filled elsewhere (a REPORT join fills runtime and memory): not required of the header. */
  readonly providedFields?: readonly TraceField[];
  /** The first data rows (up to SAMPLE_ROWS), to settle units from values (sample-units.ts). */
  readonly sample?: readonly (readonly string[])[];
}

function findHeader(header: readonly string[], name: string): number {
  const exact = header.findIndex((h) => h.trim() === name.trim());
  if (exact >= 0) return exact;
  const key = normaliseName(name);
  return header.findIndex((h) => normaliseName(h) === key);
}

/** The file's name without its folder and extension (a compressed file's `.gz` too): the app a row names none of. */
function baseName(file: string): string {
  const b = file.split(/[\\/]/).pop() ?? file;
  return b.replace(/\.gz$/i, "").replace(/\.[^.]*$/, "") || "traces";
}

/** An expression over a column the header lacks is a data error (like a mapped column that is not there); bad syntax is a usage error. */
function expressionIssue(e: ExpressionError, path: readonly string[], header: readonly string[]): Issue {
  if (e.column !== undefined) return issue("columns.notInHeader", { path, actual: e.actual, params: { what: `${JSON.stringify(e.column)}, named in the expression,`, ...suggestionParams(e.column, [...header]) } });
  return issue("columns.badExpression", { path, expected: e.expected, actual: e.actual, params: { reason: e.message } });
}

/** The sample rows the row filter keeps (a row it cannot judge is left out): units are settled on the rows that will train. */
function kept(sample: readonly (readonly string[])[], where: RowMapper["where"]): readonly (readonly string[])[] {
  if (where === undefined) return sample;
  return sample.filter((row) => {
    try {
      return truthOf(where.test(row), where.text) === true;
    } catch (e) {
      if (e instanceof CellError) return false;
      throw e;
    }
  });
}

/** Header indexes a field reads whole (a mapped or recognised column). */
function usedColumns(header: readonly string[], fields: ReadonlyMap<TraceField, FieldSource>): Set<number> {
  const labels = new Set([...fields.values()].filter((s) => s.kind === "column" || s.kind === "recognised").map((s) => s.label));
  return new Set(header.flatMap((h, i) => (labels.has(h) ? [i] : [])));
}

/** The default unit a column is read in when neither its name nor the caller gives one (settled later by the sample where it can be). */
function assumed(field: TraceField, unit: ValueUnit | undefined): Pick<FieldSource, "assumedUnit"> {
  const u = assumedUnit(field, unit);
  return u === undefined ? {} : { assumedUnit: u };
}

/** Validates a mapping with the one schema; issues are named as the caller wrote them. */
export function parseTraceMapping(input: unknown, origin: MappingOrigin = "api"): TraceMapping {
  const parsed = traceMappingSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw new InputError("Invalid trace mapping", parsed.error.issues.slice(0, 10).map((i) => issue("columns.badSpec", { path: [refOfSchemaPath(origin, i.path)], params: { reason: i.message } })));
}

export async function compileMapping(header: readonly string[], mappingInput: TraceMapping | undefined, options: CompileOptions): Promise<RowMapper> {
  const origin = options.origin ?? "api";
  const mapping = parseTraceMapping(mappingInput, origin);
  const { file } = options;
  const issues: Issue[] = [];
  const at = (ref: string) => [file, ref];
  const fields = new Map<TraceField, FieldSource>();
  const taken = new Set<number>();

  for (const [rawField, spec] of Object.entries(mapping.columns ?? {}) as [string, ColumnSpec][]) {
    const field = fieldNamed(rawField);
    const ref = mappingRef(origin, { kind: "columns", field: field ?? rawField, spec });
    if (field === undefined) {
      issues.push(issue("columns.unknownField", { path: at(ref), actual: show(rawField), params: suggestionParams(rawField, [...TRACE_FIELDS]) }));
      continue;
    }
    if (typeof spec === "object" && "value" in spec) {
      const v = spec.value;
      fields.set(field, { field, label: `${JSON.stringify(v)} (constant)`, kind: "constant", get: () => (typeof v === "string" ? cellValue(v) : v), factor: 1 });
      continue;
    }
    const unit: ValueUnit | undefined = typeof spec === "string" ? undefined : spec.unit;
    if (typeof spec === "object" && "expr" in spec) {
      const factor = unitFactor(field, unit);
      if (factor === undefined) {
        issues.push(issue("columns.unitMismatch", { path: at(ref), expected: unitsFor(field).join(", ") || "no unit", actual: String(unit), params: { dimension: FIELD_DIMENSION[field] } }));
        continue;
      }
      try {
        const run = await compileExpression(spec.expr, header);
        fields.set(field, { field, label: spec.expr, kind: "expr", get: run, factor });
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        issues.push(expressionIssue(e, at(ref), header));
      }
      continue;
    }
    const column = typeof spec === "string" ? spec : spec.column;
    const index = findHeader(header, column);
    const inJson = index < 0 ? jsonCellPath(column, (c) => findHeader(header, c)) : undefined;
    if (inJson !== undefined) {
      // a key inside a column of JSON text (json-cell.ts), in the unit given, else its name's (`durationSeconds`), else the field's default
      const named = unit ?? splitUnitSuffix(normaliseName(inJson.keys.at(-1) ?? "")).unit;
      const factor = unitFactor(field, named);
      if (factor === undefined) {
        issues.push(issue("columns.unitMismatch", { path: at(ref), expected: unitsFor(field).join(", ") || "no unit", actual: String(named), params: { dimension: FIELD_DIMENSION[field] } }));
        continue;
      }
      const label = [header[inJson.index]!, ...inJson.keys].join(".");
      fields.set(field, { field, label, kind: "column", get: (row) => valueInJsonCell(row[inJson.index], inJson.keys, header[inJson.index]!), factor, ...assumed(field, named) });
      continue;
    }
    if (index < 0) {
      issues.push(issue("columns.notInHeader", { path: at(ref), actual: show(column), params: { what: "the mapped column", ...suggestionParams(column, [...header]) } }));
      continue;
    }
    const named = unit ?? splitUnitSuffix(normaliseName(header[index]!)).unit;
    const factor = unitFactor(field, named);
    if (factor === undefined) {
      issues.push(issue("columns.unitMismatch", { path: at(ref), expected: unitsFor(field).join(", ") || "no unit", actual: String(unit ?? header[index]), params: { dimension: FIELD_DIMENSION[field] } }));
      continue;
    }
    taken.add(index);
    fields.set(field, { field, label: header[index]!, kind: "column", get: (row) => cellValue(row[index]), factor, ...assumed(field, named) });
  }

  let runs: RowMapper["runs"];
  if (mapping.fanoutFromRuns !== undefined) {
    const { runColumn, next } = mapping.fanoutFromRuns;
    const index = findHeader(header, runColumn);
    if (index < 0) issues.push(issue("columns.notInHeader", { path: at(mappingRef(origin, { kind: "runColumn" })), actual: show(runColumn), params: { what: "the run-id column", ...suggestionParams(runColumn, [...header]) } }));
    else {
      taken.add(index);
      runs = { index, header: header[index]!, next: new Map(Object.entries(next).map(([f, g]) => [f, typeof g === "string" ? [g] : g])) };
    }
  }

  const open = TRACE_FIELDS.filter((f) => !fields.has(f) && !(f === "fanout" && runs !== undefined) && !options.providedFields?.includes(f));
  for (const [field, m] of recogniseFields(open, header, taken)) {
    const index = m.index;
    fields.set(field, { field, label: header[index]!, kind: "recognised", get: (row) => cellValue(row[index]), factor: m.factor, ...assumed(field, m.unit) });
  }
  let where: RowMapper["where"];
  if (mapping.where !== undefined) {
    try {
      where = { text: mapping.where, test: await compileExpression(mapping.where, header) };
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      issues.push(expressionIssue(e, at(mappingRef(origin, { kind: "where" })), header));
    }
  }
  if (options.sample !== undefined && !options.providedFields?.includes("runtimeMs")) issues.push(...refineBySample(header, fields, kept(options.sample, where), file, origin));
  const used = usedColumns(header, fields);
  // with what could give it, where a column could (field-candidates.ts), offered, never applied
  const howWith = (field: TraceField, could: readonly TraceField[]) => [howToMap(origin, field), ...could.flatMap((f) => candidateText(origin, f, header, used) ?? [])].join("; ");
  for (const field of ["function", "inputBytes"] as const) {
    if (!fields.has(field) && !options.providedFields?.includes(field)) {
      issues.push(issue("columns.missingField", { path: [file, "header", field], expected: field === "function" ? "a column such as function, func or stage" : "a column such as input_bytes or download_bytes", actual: header.join(","), params: { field, how: howWith(field, [field]) } }));
    }
  }
  const attempted = new Set(Object.keys(mapping.columns ?? {}).map(fieldNamed));
  const hasTarget = TARGET_FIELDS.some((t) => fields.has(t) || attempted.has(t) || (t === "fanout" && runs !== undefined) || options.providedFields?.includes(t));
  if (!hasTarget) {
    issues.push(issue("columns.noTarget", { path: [file, "header", "targets"], actual: header.join(","), params: { how: howWith("runtimeMs", ["runtimeMs", "outputBytes"]) } }));
  }

  if (issues.length > 0) throw new InputError(`Cannot map the columns of ${file}`, issues);
  const hints = mappingHints(header, fields, new Set([...(options.providedFields ?? []), ...(runs === undefined ? [] : (["fanout"] as const))]), origin, { used, filtered: where !== undefined, sample: options.sample ?? [] });
  return { file, header, fields, ...(where === undefined ? {} : { where }), ...(runs === undefined ? {} : { runs }), defaultApp: baseName(file), origin, hints };
}

/** `inputBytes←blob.download (B assumed: no unit in the name), runtimeMs←(end - start) * 1000 ×1000, app="video" (constant)`. */
export function describeMapper(m: RowMapper): string {
  const parts = TRACE_FIELDS.flatMap((f) => {
    const s = m.fields.get(f);
    if (s === undefined) return f === "fanout" && m.runs !== undefined ? [`fanout←count of next-stage invocations per ${m.runs.header}`] : [];
    return [`${f}←${s.label}${s.assumedUnit === undefined ? "" : ` (${s.assumedUnit} assumed: no unit in the name)`}${s.factor === 1 ? "" : ` ×${s.factor}`}`];
  });
  if (m.where !== undefined) parts.push(`where ${m.where.text}`);
  return parts.join(", ");
}
