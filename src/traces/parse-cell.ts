/**
 * Converts one CSV cell to a trace field's value, or says why it cannot: never a silent NaN.
 */
import type { ResolvedColumn } from "./column-map.js";
import type { TraceField } from "./trace-record.js";

export type CellOutcome =
  | { readonly ok: true; readonly value: string | number | boolean | undefined }
  | { readonly ok: false; readonly expected: string; readonly actual: string };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const TRUE_WORDS = new Set(["true", "1", "yes", "y", "cold"]);
const FALSE_WORDS = new Set(["false", "0", "no", "n", "warm"]);
const OPTIONAL: ReadonlySet<TraceField> = new Set(["memorySettingMb", "cold"]);

export function parseCell(field: TraceField, column: ResolvedColumn, row: readonly string[]): CellOutcome {
  const raw = column.kind === "constant" ? column.value : row[column.index];
  if (raw === undefined || (typeof raw === "string" && raw.trim() === "")) {
    return OPTIONAL.has(field) ? { ok: true, value: undefined } : { ok: false, expected: "a value", actual: "an empty cell" };
  }
  if (field === "app" || field === "function") return { ok: true, value: String(raw).trim() };
  if (field === "cold") {
    if (typeof raw === "boolean") return { ok: true, value: raw };
    const word = String(raw).trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return { ok: true, value: true };
    if (FALSE_WORDS.has(word)) return { ok: true, value: false };
    return { ok: false, expected: "true/false, 1/0, yes/no or cold/warm", actual: JSON.stringify(raw) };
  }
  const text = String(raw).trim();
  if (!NUMBER.test(text)) return { ok: false, expected: "a number", actual: JSON.stringify(raw) };
  const factor = column.kind === "column" ? column.factor : 1;
  const value = Number(text) * factor;
  if (!Number.isFinite(value)) return { ok: false, expected: "a finite number", actual: text };
  if (value < 0) return { ok: false, expected: "a number ≥ 0", actual: text };
  return { ok: true, value };
}
