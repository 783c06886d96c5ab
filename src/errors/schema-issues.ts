/**
 * Strict parsing at the boundary: a zod schema's issues turned into catalogue issues, plus an
 * unknown-key walk (zod strips unknown keys by default; here every unknown key is an issue with a
 * "did you mean"), so a typo never passes silently and no value is coerced. The walk follows the
 * schema, so a schema stays plain `z.object` and becomes strict wherever it is parsed through here.
 */
import type { z } from "zod";
import type { ErrorKey } from "./catalogue/index.js";
import { suggestionParams } from "./did-you-mean.js";
import type { IssuePath } from "./entry.js";
import { InputError } from "./error-classes.js";
import { issue, type Issue } from "./issue.js";
import { show } from "./show.js";

/** The three keys an area uses for schema problems, e.g. dag.unknownKey / dag.wrongType / dag.badValue. */
export interface SchemaKeys {
  readonly unknownKey: ErrorKey;
  readonly wrongType: ErrorKey;
  readonly badValue: ErrorKey;
}

interface Def {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly catchall?: z.ZodType;
  readonly element?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly items?: readonly z.ZodType[];
  readonly getter?: () => z.ZodType;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional", "success"]);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Every key of `value` the schema does not know, with its path and the keys it could have meant. */
export function findUnknownKeys(schema: z.ZodType, value: unknown, path: IssuePath = []): { path: IssuePath; key: string; known: string[] }[] {
  const out: { path: IssuePath; key: string; known: string[] }[] = [];
  const stack: [z.ZodType, unknown, IssuePath][] = [[schema, value, path]];
  while (stack.length > 0) {
    const [s, v, p] = stack.pop()!;
    let def = defOf(s);
    let node = s;
    for (let guard = 0; guard < 50; guard++) {
      if (WRAPPERS.has(def.type) && def.innerType !== undefined) node = def.innerType;
      else if (def.type === "pipe" && def.in !== undefined) node = def.in;
      else if (def.type === "lazy" && def.getter !== undefined) node = def.getter();
      else break;
      def = defOf(node);
    }
    if (def.type === "object" && def.shape !== undefined && isPlainObject(v)) {
      const strict = def.catchall === undefined || defOf(def.catchall).type === "never";
      const known = Object.keys(def.shape);
      for (const k of Object.keys(v)) {
        const child = Object.hasOwn(def.shape, k) ? def.shape[k] : undefined;
        if (child !== undefined) stack.push([child, v[k], [...p, k]]);
        else if (strict) out.push({ path: [...p, k], key: k, known });
      }
    } else if (def.type === "array" && def.element !== undefined && Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([def.element, v[i], [...p, i]]);
    } else if (def.type === "record" && def.valueType !== undefined && isPlainObject(v)) {
      for (const k of Object.keys(v)) stack.push([def.valueType, v[k], [...p, k]]);
    } else if (def.type === "tuple" && def.items !== undefined && Array.isArray(v)) {
      def.items.forEach((item, i) => stack.push([item, v[i], [...p, i]]));
    } else if (def.type === "union" && def.options !== undefined) {
      const fitting = def.options.find((o) => o.safeParse(v).success);
      if (fitting !== undefined) stack.push([fitting, v, p]);
    }
  }
  return out.sort((a, b) => (a.path.join("\u0000") < b.path.join("\u0000") ? -1 : 1));
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k as string];
  }
  return v;
}

type ZodIssue = z.core.$ZodIssue;

function expectedOf(i: ZodIssue): string | undefined {
  switch (i.code) {
    case "invalid_type":
      return i.expected === "int" ? "an integer" : i.expected;
    case "too_small":
      return i.origin === "array" ? `at least ${i.minimum} item(s)` : i.origin === "string" ? `at least ${i.minimum} character(s)` : `${i.inclusive ? "≥" : ">"} ${i.minimum}`;
    case "too_big":
      return i.origin === "array" ? `at most ${i.maximum} item(s)` : i.origin === "string" ? `at most ${i.maximum} character(s)` : `${i.inclusive ? "≤" : "<"} ${i.maximum}`;
    case "invalid_value":
      return `one of ${i.values.map((x) => show(x)).join(", ")}`;
    case "not_multiple_of":
      return `a multiple of ${String(i.divisor)}`;
    case "invalid_union":
      return "one of the allowed forms";
    case "invalid_format":
      return `a ${i.format}`;
    default:
      return i.message;
  }
}

/** Catalogue issues for `value` against `schema`: unknown keys first, then zod's own issues. */
export function schemaIssues(schema: z.ZodType, value: unknown, keys: SchemaKeys, root: IssuePath = []): Issue[] {
  const issues: Issue[] = findUnknownKeys(schema, value).map((u) =>
    issue(keys.unknownKey as "dag.unknownKey", { path: [...root, ...u.path], actual: show(u.key), params: suggestionParams(u.key, u.known) }),
  );
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const path = i.path.map((p) => (typeof p === "symbol" ? String(p) : p));
      const actual = valueAt(value, i.path);
      const key = i.code === "invalid_type" || i.code === "invalid_union" ? keys.wrongType : keys.badValue;
      const expected = expectedOf(i);
      issues.push(issue(key as "dag.wrongType", { path: [...root, ...path], actual: actual === undefined ? "nothing" : show(actual), ...(expected === undefined ? {} : { expected }) }));
    }
  }
  return issues;
}

/** Parses strictly or throws one InputError titled `what` listing every issue. */
export function parseStrict<S extends z.ZodType>(schema: S, value: unknown, keys: SchemaKeys, what: string, root: IssuePath = []): z.output<S> {
  const issues = schemaIssues(schema, value, keys, root);
  if (issues.length > 0) throw new InputError(what, issues);
  return (schema.parse(value) as z.output<S>);
}
