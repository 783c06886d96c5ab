/** A small DAG-like zod schema the schema-walking tests share: defaults, arrays, records, unions and a loose object. */
import { z } from "zod";

export const nestedTestSchema = z.object({
  name: z.string().default("x"),
  stages: z.array(z.object({ id: z.string(), instances: z.number().int().positive().optional() })),
  byName: z.record(z.string(), z.object({ gbps: z.number() })).optional(),
  either: z.union([z.number(), z.object({ p: z.number() })]).optional(),
  loose: z.looseObject({ a: z.number() }).optional(),
});
