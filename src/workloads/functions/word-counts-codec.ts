/**
 * The wire form of word counts between wc-map and wc-reduce: latin1 lines `word\tcount\n`.
 * Concatenating two encodings is a valid encoding (a word may then appear twice).
 */

import { sluiceError } from "../../errors.js";

export function encodeWordCounts(counts: ReadonlyMap<string, number>): Uint8Array {
  let text = "";
  for (const [word, count] of counts) text += `${word}\t${count}\n`;
  return Buffer.from(text, "latin1");
}

/** Decodes lines into `into`, summing counts of repeated words. */
export function decodeWordCounts(bytes: Uint8Array, into: Map<string, number> = new Map()): Map<string, number> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
  let start = 0;
  while (start < text.length) {
    const tab = text.indexOf("\t", start);
    const end = text.indexOf("\n", tab);
    if (tab < 0 || end < 0) throw sluiceError("workloads.malformedInput", { path: ["word counts", `byte ${start}`], expected: "word<TAB>count<LF>", actual: JSON.stringify(text.slice(start, start + 20)), params: { what: "a word-count line" } });
    const word = text.slice(start, tab);
    into.set(word, (into.get(word) ?? 0) + Number(text.slice(tab + 1, end)));
    start = end + 1;
  }
  return into;
}
