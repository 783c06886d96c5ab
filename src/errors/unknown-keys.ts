/**
 * The unknown-key walk of strict parsing: zod strips unknown keys by default, so every key of a
 * value that its schema does not know is found here, with its path and the keys it could have
 * meant, in document order. The walk follows the schema (through optional, default, pipe, lazy…;
 * into objects, arrays, records, tuples and the union branch that fits), iteratively, so a deep
 * input cannot overflow the stack; a loose object (a catchall) accepts any key.
 */
import type { z } from "zod";
import type { IssuePath } from "./entry.js";

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
