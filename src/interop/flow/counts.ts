/**
 * Where a count comes from, in order: a hint naming any of the given states, the document's own
 * value, the stated default. When counts multiply, the weakest source is the one reported.
 */
import type { Count, CountSource } from "./flow-graph.js";

export function countFor(names: readonly string[], table: Readonly<Record<string, number>> | undefined, documentValue: number | undefined, detail: string, fallback: number): Count {
  for (const n of names) if (table?.[n] !== undefined) return { value: table[n]!, source: "hint", detail: `hint for ${n}` };
  if (documentValue !== undefined) return { value: documentValue, source: "document", detail };
  return { value: fallback, source: "default", detail: "default" };
}

/** The weaker of two sources: a default anywhere makes the product a default, else a hint a hint. */
export function weaker(a: CountSource | undefined, b: CountSource): CountSource {
  return a === "default" || b === "default" ? "default" : a === "hint" || b === "hint" ? "hint" : "document";
}
