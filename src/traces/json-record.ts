/**
 * One JSON record as a row of cells, the way a CSV would hold it: nested objects flattened to dotted
 * keys (`{"blob":{"download":8}}` → `blob.download`), numbers and strings as their text, booleans as
 * `true`/`false`, null as an empty cell. An array (or any other non-scalar) becomes its JSON text: a
 * field mapped to it then fails as a CSV cell holding that text would ("not a number", naming file,
 * line and key), and a key no field uses costs nothing. Pure: no I/O.
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

function isNested(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
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
    if (isNested(v)) forEachCell(v, visit, key + ".");
    else visit(key, cellText(v));
  }
}

/** Every leaf's dotted key, depth first in the object's key order (cells not built). */
export function forEachKey(record: Readonly<Record<string, unknown>>, visit: (key: string) => void, prefix = ""): void {
  for (const [k, v] of Object.entries(record)) {
    const key = prefix + k;
    if (isNested(v)) forEachKey(v, visit, key + ".");
    else visit(key);
  }
}
