/**
 * The trace mapping: how the columns of a file the user already has become trace fields. One zod
 * schema for the API and the CLI (the CLI builds this object from its flags and validates it here).
 *
 *   columns  field → a header (`"blob.download"`), a header with a unit (`{ column, unit }`), an
 *            expression over headers (`{ expr: "(end - start) * 1000" }`, `{ expr: "a + b", unit }`)
 *            or a constant (`{ value: "my-app" }`). Field names in any style (`runtime_ms`, `runtimeMs`).
 *   where    keep only rows where this expression holds (`is_cold == 0 and func != "warmup"`).
 *   fanoutFromRuns  fanout counted from the trace: per workflow run (`runColumn`), the number of
 *            invocations of each function's next stage(s) (`next`, function → function(s)).
 *   idColumn the request-id column joined with Lambda REPORT lines.
 *   onInvalid "throw" (default: the first bad cell is an error naming file, line and column) or
 *            "skip" (bad cells and rows are counted and skipped).
 */
import { z } from "zod";
import { normaliseName } from "./names.js";
import { TRACE_FIELDS, type TraceField } from "../trace-record.js";
import { VALUE_UNITS } from "./units.js";

const name = z.string().trim().min(1);
const unit = z.enum(VALUE_UNITS);

export const columnSpecSchema = z.union([
  name,
  z.strictObject({ column: name, unit: unit.optional() }),
  z.strictObject({ expr: name, unit: unit.optional() }),
  z.strictObject({ value: z.union([z.string(), z.number().finite(), z.boolean()]) }),
]);

export const fanoutFromRunsSchema = z.strictObject({
  runColumn: name,
  next: z.record(name, z.union([name, z.array(name).min(1)])),
});

export const traceMappingSchema = z.strictObject({
  /** A mapping file may name its JSON Schema. */
  $schema: z.string().optional(),
  columns: z.record(z.string(), columnSpecSchema).optional(),
  where: name.optional(),
  fanoutFromRuns: fanoutFromRunsSchema.optional(),
  idColumn: name.optional(),
  onInvalid: z.enum(["throw", "skip"]).optional(),
});

export type ColumnSpec = z.infer<typeof columnSpecSchema>;
export type TraceMapping = z.input<typeof traceMappingSchema>;
/** The older name of the columns part. */
export type ColumnMap = Partial<Record<TraceField, ColumnSpec>>;

const FIELD_BY_NAME = new Map<string, TraceField>(TRACE_FIELDS.map((f) => [normaliseName(f), f]));

/** `runtime_ms`, `runtimeMs`, `Runtime-Ms` → `runtimeMs`; undefined for a name that is no field. */
export function fieldNamed(raw: string): TraceField | undefined {
  return FIELD_BY_NAME.get(normaliseName(raw));
}
