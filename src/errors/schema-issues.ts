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

interface PathNode {
  readonly parent: PathNode | undefined;
  readonly key: string | number;
}
function toPath(base: IssuePath, node: PathNode | undefined): IssuePath {
  const keys: (string | number)[] = [];
  for (let n = node; n !== undefined; n = n.parent) keys.push(n.key);
  return [...base, ...keys.reverse()];
}

const resolved = new WeakMap<z.ZodType, Def>();
/** The def under wrappers (optional, default, pipe, lazy…), cached per schema node. */
function coreDef(s: z.ZodType): Def {
  const cached = resolved.get(s);
  if (cached !== undefined) return cached;
  let def = defOf(s);
  for (let guard = 0; guard < 50; guard++) {
    if (WRAPPERS.has(def.type) && def.innerType !== undefined) def = defOf(def.innerType);
    else if (def.type === "pipe" && def.in !== undefined) def = defOf(def.in);
    else if (def.type === "lazy" && def.getter !== undefined) def = defOf(def.getter());
    else break;
  }
  resolved.set(s, def);
  return def;
}

const NESTED = new Set(["object", "array", "record", "tuple", "union"]);

type Visit =
  | { readonly kind: "value"; readonly schema: z.ZodType; readonly value: unknown; readonly at: PathNode | undefined }
  | { readonly kind: "unknown"; readonly key: string; readonly known: string[]; readonly at: PathNode };

/** Every key of `value` the schema does not know, with its path and the keys it could have meant, in document order. */
export function findUnknownKeys(schema: z.ZodType, value: unknown, path: IssuePath = []): { path: IssuePath; key: string; known: string[] }[] {
  const out: { path: IssuePath; key: string; known: string[] }[] = [];
  const stack: Visit[] = [{ kind: "value", schema, value, at: undefined }];
  const push = (child: z.ZodType, v: unknown, at: PathNode | undefined) => {
    if (NESTED.has(coreDef(child).type) && typeof v === "object" && v !== null) stack.push({ kind: "value", schema: child, value: v, at });
  };
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (visit.kind === "unknown") {
      out.push({ path: toPath(path, visit.at), key: visit.key, known: visit.known });
      continue;
    }
    const { value: v, at } = visit;
    const def = coreDef(visit.schema);
    if (def.type === "object" && def.shape !== undefined && isPlainObject(v)) {
      const strict = def.catchall === undefined || defOf(def.catchall).type === "never";
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!;
        const child = Object.hasOwn(def.shape, k) ? def.shape[k] : undefined;
        if (child !== undefined) push(child, v[k], { parent: at, key: k });
        else if (strict) stack.push({ kind: "unknown", key: k, known: Object.keys(def.shape), at: { parent: at, key: k } });
      }
    } else if (def.type === "array" && def.element !== undefined && Array.isArray(v)) {
      if (NESTED.has(coreDef(def.element).type)) for (let i = v.length - 1; i >= 0; i--) push(def.element, v[i], { parent: at, key: i });
    } else if (def.type === "record" && def.valueType !== undefined && isPlainObject(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) push(def.valueType, v[keys[i]!], { parent: at, key: keys[i]! });
    } else if (def.type === "tuple" && def.items !== undefined && Array.isArray(v)) {
      for (let i = def.items.length - 1; i >= 0; i--) push(def.items[i]!, v[i], { parent: at, key: i });
    } else if (def.type === "union" && def.options !== undefined) {
      const fitting = def.options.find((o) => o.safeParse(v).success);
      if (fitting !== undefined) push(fitting, v, at);
    }
  }
  return out;
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
    case "invalid_union": {
      const forms = [...new Set(i.errors.map((branch) => (branch[0] === undefined ? undefined : expectedOf(branch[0]))).filter((x): x is string => x !== undefined))];
      return forms.length > 0 ? forms.join(" or ") : "one of the allowed forms";
    }
    case "invalid_format":
      return `a ${i.format}`;
    default:
      return i.message;
  }
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
