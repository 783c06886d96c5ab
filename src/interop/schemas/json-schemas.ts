/**
 * The JSON Schemas Sluice ships (`schemas/*.schema.json`), generated with `z.toJSONSchema` from the
 * zod schemas the code validates with: the DAG (`validateDag`), the plan (`sluice export`), the
 * platform (`resolvePlatform`) and a platform file's overrides (`--platform`), and the trace
 * mapping, the column map and its options (`traceMappingSchema`, read by the trace readers). Input shapes: defaults are optional, unknown fields where the
 * parser strips them are allowed.
 */
import { z } from "zod";
import { dagInputSchema } from "../../dag/schema.js";
import { platformSchema } from "../../platform/schema.js";
import { traceMappingSchema } from "../../traces/mapping/mapping-schema.js";
import { planSchema } from "./plan-schema.js";
import { platformOverridesSchema } from "./platform-overrides-schema.js";

const SCHEMAS = {
  dag: { schema: dagInputSchema, title: "Sluice DAG", description: "An app DAG: stages (one function run as n instances) and the edges along which they pass data." },
  plan: { schema: planSchema, title: "Sluice plan", description: "What plan() returns: a transfer mode (or split) per edge, cache admissions, placement, predictions, the solver's account and explanations." },
  platform: { schema: platformSchema, title: "Sluice platform", description: "A complete platform: VM pool, object store, cache tier, function billing and the transfer modes it offers." },
  "platform-overrides": { schema: platformOverridesSchema, title: "Sluice platform overrides", description: "Any part of a platform, merged over the AWS-like default (a --platform file)." },
  "column-map": { schema: traceMappingSchema, title: "Sluice trace mapping (column map)", description: "How the columns of a trace file become trace fields: per field a column (with its unit), an expression or a constant; a row filter; fanout counted per run; the request-id column." },
} as const;

export type SchemaName = keyof typeof SCHEMAS;
export const SCHEMA_NAMES = Object.keys(SCHEMAS) as SchemaName[];

export function jsonSchema(name: SchemaName): Record<string, unknown> {
  const { schema, title, description } = SCHEMAS[name];
  const generated = z.toJSONSchema(schema as z.ZodType, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: `urn:sluice:schema:${name}`, title, description, ...rest };
}

/** File name → pretty-printed JSON text (with a final newline), as written under schemas/. */
export function schemaFiles(): Record<string, string> {
  return Object.fromEntries(SCHEMA_NAMES.map((n) => [`${n}.schema.json`, JSON.stringify(jsonSchema(n), null, 2) + "\n"]));
}
