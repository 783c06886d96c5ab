/**
 * Word count, reduce side: merges the count tables of one hash partition (from every mapper,
 * concatenated) and emits the partition's final counts, sorted by word.
 */
import { sampleMemory } from "../memory-probe.js";
import type { StageResult } from "../types.js";
import { decodeWordCounts, encodeWordCounts } from "./word-counts-codec.js";

export function wcReduce(input: Uint8Array): StageResult {
  const merged = decodeWordCounts(input);
  sampleMemory();
  const sorted = new Map([...merged].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  const out = encodeWordCounts(sorted);
  sampleMemory();
  return { outputs: [out] };
}
