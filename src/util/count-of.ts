/** `countOf(1, "row")` → "1 row", `countOf(3, "row")` → "3 rows": a count with its noun, singular for exactly one. */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
