/**
 * One JSON record as a row of cells, the way a CSV would hold it: nested objects flattened to dotted
 * keys (`{"blob":{"download":8}}` → `blob.download`), numbers and strings as their text, booleans as
 * `true`/`false`, null as an empty cell. An array of key/value pairs — `[{"key": "initTime",
 * "value": 300}]`, as OpenWhisk activation annotations, AWS tags (`Key`/`Value`) or Kubernetes env
 * (`name`/`value`) hold them — is an object by those keys (`annotations.initTime`). Any other array
 * (or other non-scalar) becomes its JSON text: a field mapped to it then fails as a CSV cell holding
 * that text would ("not a number", naming file, line and key), and a key no field uses costs
 * nothing. Pure: no I/O.
 */

export type ParsedRecord =
  | { readonly ok: true; readonly value: Readonly<Record<string, unknown>> }
  /** `reason` counts skips ("not JSON", "not a JSON object"); `detail` says more for the message. */
  | { readonly ok: false; readonly reason: "not JSON" | "not a JSON object"; readonly detail: string };

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "string" ? "a string" : typeof v === "number" ? "a number" : typeof v === "boolean" ? "a boolean" : typeof v;
}

export function parseJsonRecord(text: string): ParsedRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: "not JSON", detail: `not JSON (${(e as Error).message})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, reason: "not a JSON object", detail: `${kindOf(value)}, not a JSON object` };
  return { ok: true, value: value as Record<string, unknown> };
}

/** A JSON object: not null, not an array. */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The names a key/value pair's key and value go by. */
const PAIR_NAMES: readonly (readonly [string, string])[] = [["key", "value"], ["Key", "Value"], ["name", "value"], ["Name", "Value"]];

/** An array of key/value pairs as an object by their keys (the last of a repeated key wins), else undefined. */
function pairsObject(v: unknown): Record<string, unknown> | undefined {
  if (!Array.isArray(v) || v.length === 0 || !isJsonObject(v[0])) return undefined;
  const first = v[0];
  const names = PAIR_NAMES.find(([k, val]) => typeof first[k] === "string" && val in first);
  if (names === undefined) return undefined;
  const [k, val] = names;
  if (!v.every((pair) => isJsonObject(pair) && typeof pair[k] === "string" && val in pair && Object.keys(pair).length === 2)) return undefined;
  // fromEntries: own data keys (a `__proto__` key stays data), the last of a repeated key wins
  return Object.fromEntries((v as Record<string, unknown>[]).map((pair) => [pair[k] as string, pair[val]]));
}

/** The object a value's cells nest under: an object, or an array of key/value pairs. */
function nestedOf(v: unknown): Record<string, unknown> | undefined {
  return isJsonObject(v) ? v : pairsObject(v);
}

/** A scalar's cell text; an array's JSON text. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v) ?? "";
}

/** Calls `visit` with every leaf's dotted key and cell text, depth first in the object's key order. */
export function forEachCell(record: Readonly<Record<string, unknown>>, visit: (key: string, cell: string) => void, prefix = ""): void {
  for (const [k, v] of Object.entries(record)) {
    const key = prefix + k;
    const nested = nestedOf(v);
    if (nested !== undefined) forEachCell(nested, visit, key + ".");
    else visit(key, cellText(v));
  }
}

/** Every leaf's dotted key, depth first in the object's key order (cells not built). */
export function forEachKey(record: Readonly<Record<string, unknown>>, visit: (key: string) => void, prefix = ""): void {
  for (const [k, v] of Object.entries(record)) {
    const key = prefix + k;
    const nested = nestedOf(v);
    if (nested !== undefined) forEachKey(nested, visit, key + ".");
    else visit(key);
  }
}
