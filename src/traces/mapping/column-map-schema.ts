/**
 * The column map alone (field → column, column with unit, expression or constant), keyed by the
 * canonical field names, for files that hold just a map and for the published JSON Schema. The full
 * trace mapping (with where, fanoutFromRuns, idColumn) is mapping-schema.ts; its `columns` takes
 * these specs under field names in any style.
 */
import { z } from "zod";
import { columnSpecSchema } from "./mapping-schema.js";
import { TRACE_FIELDS, type TraceField } from "../trace-record.js";

export { VALUE_UNITS } from "./units.js";
export { columnSpecSchema } from "./mapping-schema.js";

/** A map may name its JSON Schema (`"$schema"`) so editors check it; any other unknown key is an error. */
export const columnMapSchema = z.strictObject({
  $schema: z.string().optional(),
  ...(Object.fromEntries(TRACE_FIELDS.map((f) => [f, columnSpecSchema.optional()])) as Record<TraceField, z.ZodOptional<typeof columnSpecSchema>>),
});
