/**
 * The trace column map as data: which column (and unit) or constant fills each trace field.
 * `resolveColumns` validates every map with it, and the shipped JSON Schema is generated from it.
 */
import { z } from "zod";
import { TRACE_FIELDS } from "./trace-record.js";

export const VALUE_UNITS = ["B", "KB", "KiB", "MB", "MiB", "GB", "GiB", "us", "ms", "s"] as const;

export const columnSpecSchema = z.union([
  z.string().min(1).describe("a column name; a unit suffix such as _ms or _kib sets the unit"),
  z.strictObject({ column: z.string().min(1), unit: z.enum(VALUE_UNITS).optional() }),
  z.strictObject({ value: z.union([z.string(), z.number(), z.boolean()]) }).describe("a constant for a field the file lacks"),
]);

/** A map may name its JSON Schema (`"$schema"`) so editors check it; any other unknown key is an error. */
export const columnMapSchema = z.strictObject({
  $schema: z.string().optional(),
  ...(Object.fromEntries(TRACE_FIELDS.map((f) => [f, columnSpecSchema.optional()])) as Record<(typeof TRACE_FIELDS)[number], z.ZodOptional<typeof columnSpecSchema>>),
});
