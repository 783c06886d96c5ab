/**
 * What a platform file (`--platform FILE`, the `platform` option) may hold: any part of the
 * platform, merged over the AWS-like default. Built from the platform's own schema, so the two
 * cannot drift; `resolvePlatform` then validates the merged whole with the full schema.
 */
import { z } from "zod";
import { billingSchema, cacheSchema, objectStoreSchema, platformSchema, vmSchema } from "../../platform/schema.js";

export const platformOverridesSchema = z.strictObject({
  /** A platform file may name its JSON Schema so editors check it. */
  $schema: z.string().optional(),
  name: platformSchema.shape.name.optional(),
  modes: platformSchema.shape.modes.optional(),
  vm: vmSchema.partial().strict().optional(),
  objectStore: objectStoreSchema.partial().strict().optional(),
  cache: cacheSchema.partial().strict().optional(),
  billing: billingSchema.partial().strict().optional(),
});
