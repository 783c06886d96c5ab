/**
 * Names for the parts of a trace mapping in error messages, in the caller's own words: the API
 * path (`columns.runtimeMs`) for library calls, the flag (`--column runtimeMs=…`) for the CLI.
 */
import type { Issue } from "../../errors.js";
import type { FieldSource } from "./field-source.js";
import type { ColumnSpec } from "./mapping-schema.js";
import type { TraceField } from "../trace-record.js";

export type MappingOrigin = "api" | "cli";

export type MappingKey =
  | { readonly kind: "columns"; readonly field?: string; readonly spec?: ColumnSpec }
  | { readonly kind: "where" }
  | { readonly kind: "runColumn" }
  | { readonly kind: "next"; readonly fn?: string }
  | { readonly kind: "idColumn" }
  | { readonly kind: "onInvalid" };

function cliColumnFlag(field: string, spec: ColumnSpec | undefined): string {
  if (spec !== undefined && typeof spec === "object" && "expr" in spec) return `--derive ${field}=…`;
  if (spec !== undefined && typeof spec === "object" && "value" in spec) return `--constant ${field}=…`;
  return `--column ${field}=…`;
}

/** How the caller wrote this part of the mapping. */
export function mappingRef(origin: MappingOrigin, key: MappingKey): string {
  switch (key.kind) {
    case "columns":
      if (origin === "cli") return key.field === undefined ? "--column" : cliColumnFlag(key.field, key.spec);
      return key.field === undefined ? "columns" : `columns.${key.field}`;
    case "where":
      return origin === "cli" ? "--where" : "where";
    case "runColumn":
      return origin === "cli" ? "--fanout-run" : "fanoutFromRuns.runColumn";
    case "next":
      return origin === "cli" ? "--next" : key.fn === undefined ? "fanoutFromRuns.next" : `fanoutFromRuns.next.${key.fn}`;
    case "idColumn":
      return origin === "cli" ? "--id-column" : "idColumn";
    case "onInvalid":
      return origin === "cli" ? "--skip-invalid" : "onInvalid";
  }
}

/** A column mapped to a field, as the caller would write it: `--column runtimeMs=latency`, `columns.runtimeMs: "latency"`. */
export function withColumn(origin: MappingOrigin, field: TraceField, column: string): string {
  return origin === "cli" ? `--column ${field}=${column}` : `columns.${field}: ${JSON.stringify(column)}`;
}

/** The same source with a unit given, as the caller would write it: `--column runtimeMs=duration:s`, `columns.runtimeMs: { column: "duration", unit: "s" }`. */
export function withUnit(origin: MappingOrigin, field: TraceField, source: Pick<FieldSource, "kind" | "label">, unit: string): string {
  const expr = source.kind === "expr";
  if (origin === "cli") return `${expr ? "--derive" : "--column"} ${field}=${source.label}:${unit}`;
  return `columns.${field}: { ${expr ? "expr" : "column"}: ${JSON.stringify(source.label)}, unit: "${unit}" }`;
}

/** What to do when no column fills `field`. */
export function howToMap(origin: MappingOrigin, field: TraceField): string {
  return origin === "cli"
    ? `map one with --column ${field}=COLUMN[:UNIT], --derive ${field}=EXPR[:UNIT] or --constant ${field}=VALUE`
    : `map one with columns.${field} (a header, { column, unit }, { expr, unit } or { value })`;
}

/** Zod issue path of the mapping schema → the caller's name for it. */
export function refOfSchemaPath(origin: MappingOrigin, path: readonly PropertyKey[]): string {
  const [top, second] = path;
  if (top === "columns") return mappingRef(origin, { kind: "columns", ...(second === undefined ? {} : { field: String(second) }) });
  if (top === "where") return mappingRef(origin, { kind: "where" });
  if (top === "fanoutFromRuns") return second === "next" ? mappingRef(origin, { kind: "next", ...(path[2] === undefined ? {} : { fn: String(path[2]) }) }) : mappingRef(origin, { kind: "runColumn" });
  if (top === "idColumn") return mappingRef(origin, { kind: "idColumn" });
  if (top === "onInvalid") return mappingRef(origin, { kind: "onInvalid" });
  return origin === "cli" ? "(flags)" : path.map(String).join(".") || "mapping";
}

export function mappingIssue(origin: MappingOrigin, key: MappingKey, issue: Omit<Issue, "path">): Issue {
  return { ...issue, path: [mappingRef(origin, key)] };
}
