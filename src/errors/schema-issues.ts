/**
 * Strict parsing at the boundary: a zod schema's issues turned into catalogue issues, plus an
 * unknown-key walk (zod strips unknown keys by default; here every unknown key is an issue with a
 * "did you mean"; unknown-keys.ts), so a typo never passes silently and no value is coerced. The walk
 * follows the schema, so a schema stays plain `z.object` and becomes strict wherever it is parsed
 * through here. Each zod issue's expected value is worded by zod-expected.ts.
 */
import type { z } from "zod";
import type { ErrorKey } from "./catalogue/index.js";
import { suggestionParams } from "./did-you-mean.js";
import type { IssuePath } from "./entry.js";
import { InputError } from "./error-classes.js";
import { issue, type Issue } from "./issue.js";
import { show } from "./show.js";
import { findUnknownKeys } from "./unknown-keys.js";
import { expectedOf } from "./zod-expected.js";

/** The three keys an area uses for schema problems, e.g. dag.unknownKey / dag.wrongType / dag.badValue. */
export interface SchemaKeys {
  readonly unknownKey: ErrorKey;
  readonly wrongType: ErrorKey;
  readonly badValue: ErrorKey;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k as string];
  }
  return v;
}

/** Catalogue issues for `value` against `schema` (unknown keys first, then zod's own issues), and the parsed value when there are none. */
function checkAgainst<S extends z.ZodType>(schema: S, value: unknown, keys: SchemaKeys, root: IssuePath): { issues: Issue[]; data?: z.output<S> } {
  const issues: Issue[] = findUnknownKeys(schema, value).map((u) =>
    issue(keys.unknownKey as "dag.unknownKey", { path: [...root, ...u.path], actual: show(u.key), params: suggestionParams(u.key, u.known) }),
  );
  const parsed = schema.safeParse(value);
  if (parsed.success) return issues.length > 0 ? { issues } : { issues, data: parsed.data as z.output<S> };
  for (const i of parsed.error.issues) {
    const path = i.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const actual = valueAt(value, i.path);
    const key = i.code === "invalid_type" || i.code === "invalid_union" ? keys.wrongType : keys.badValue;
    const expected = expectedOf(i);
    issues.push(issue(key as "dag.wrongType", { path: [...root, ...path], actual: actual === undefined ? "nothing" : show(actual), ...(expected === undefined ? {} : { expected }) }));
  }
  return { issues };
}

/** Catalogue issues for `value` against `schema`: unknown keys first, then zod's own issues. */
export function schemaIssues(schema: z.ZodType, value: unknown, keys: SchemaKeys, root: IssuePath = []): Issue[] {
  return checkAgainst(schema, value, keys, root).issues;
}

/** Parses strictly (one zod pass) or throws one InputError titled `what` listing every issue. */
export function parseStrict<S extends z.ZodType>(schema: S, value: unknown, keys: SchemaKeys, what: string, root: IssuePath = []): z.output<S> {
  const { issues, data } = checkAgainst(schema, value, keys, root);
  if (issues.length > 0) throw new InputError(what, issues);
  return data as z.output<S>;
}
