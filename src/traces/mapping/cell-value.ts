/**
 * A cell as the mapping reads it: "" → undefined (the row lacks the value), numeric text → a number,
 * anything else stays text; and the error a cell raises where it cannot serve (naming its column,
 * what was expected and what it held), which the reader turns into a bad-cell issue.
 */
export type CellValue = number | string | boolean | undefined;

export class CellError extends Error {
  constructor(readonly column: string, readonly expected: string, readonly actual: string) {
    super(`${column}: expected ${expected}, got ${actual}`);
  }
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A cell as a value: "" → undefined, numeric text → number, anything else stays text. */
export function cellValue(raw: string | undefined): CellValue {
  if (raw === undefined) return undefined;
  const t = raw.trim();
  if (t === "") return undefined;
  return NUMBER.test(t) ? Number(t) : t;
}
