/**
 * A field inside a cell that holds JSON text: CSV exports often carry one column of JSON beside the
 * flat ones (Azure Application Insights' `customDimensions`, a Logs Insights `@message`, a BigQuery
 * JSON column). A mapped name that is no header, but whose part before a dot is one —
 * `customDimensions.InputBytes` — reads that key of the cell's JSON object (nested keys dotted
 * further). A cell that is not a JSON object is a bad cell naming the column; a key the object
 * lacks is an empty cell (the row lacks that field).
 */
import { isJsonObject } from "../formats/json-record.js";
import { CellError, cellValue, type CellValue } from "./cell-value.js";

/** The header column and key path a dotted name reaches into, or undefined. */
export function jsonCellPath(name: string, find: (column: string) => number): { readonly index: number; readonly keys: readonly string[] } | undefined {
  const parts = name.split(".");
  for (let k = parts.length - 1; k >= 1; k--) {
    const index = find(parts.slice(0, k).join("."));
    if (index >= 0) return { index, keys: parts.slice(k) };
  }
  return undefined;
}

/**
 * The last cell parsed: fields and filters that read several keys of one JSON column read the same
 * cell of the same row one after another, and parse it once (undefined: not a JSON object).
 */
let last: { readonly text: string; readonly value: Record<string, unknown> | undefined } | undefined;

function parsedObject(text: string): Record<string, unknown> | undefined {
  if (last?.text === text) return last.value;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    v = undefined;
  }
  const value = isJsonObject(v) ? v : undefined;
  last = { text, value };
  return value;
}

/** The value at `keys` in the JSON object a cell holds, as a cell value. */
export function valueInJsonCell(text: string | undefined, keys: readonly string[], column: string): CellValue {
  if (text === undefined || text.trim() === "") return undefined;
  let v: unknown = parsedObject(text);
  if (v === undefined) throw new CellError(column, "a JSON object", JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text));
  for (const key of keys) {
    if (typeof v !== "object" || v === null || !Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  if (v === null || v === undefined) return undefined;
  if (typeof v === "boolean") return v;
  return cellValue(typeof v === "object" ? JSON.stringify(v) : String(v));
}
