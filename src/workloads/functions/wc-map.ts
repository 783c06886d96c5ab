/**
 * Word count, map side: tokenises ASCII text (a word is a maximal run of letters and digits,
 * lowercased), counts words locally (a combiner), and hash-partitions the counts (FNV-1a of the
 * word) into R partitions, R = partitionCount(input).
 */
import { sampleMemory } from "../memory-probe.js";
import { DEFAULT_PARTITION_UNIT_BYTES, DEFAULT_MAX_PARTITIONS, partitionCount } from "../partition-count.js";
import type { StageResult } from "../types.js";
import { encodeWordCounts } from "./word-counts-codec.js";

export interface WcMapParams {
  readonly partitionUnitBytes?: number;
  readonly maxPartitions?: number;
}

/** FNV-1a 32-bit hash of a latin1 string. */
export function fnv1a(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function isWordByte(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

export function countWords(input: Uint8Array): Map<string, number> {
  const text = Buffer.from(input.buffer, input.byteOffset, input.length);
  const counts = new Map<string, number>();
  let i = 0;
  while (i < input.length) {
    while (i < input.length && !isWordByte(input[i]!)) i++;
    const start = i;
    while (i < input.length && isWordByte(input[i]!)) i++;
    if (i > start) {
      const word = text.toString("latin1", start, i).toLowerCase();
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

export function wcMap(input: Uint8Array, params: WcMapParams = {}): StageResult {
  const partitions = partitionCount(input.length, params.partitionUnitBytes ?? DEFAULT_PARTITION_UNIT_BYTES, params.maxPartitions ?? DEFAULT_MAX_PARTITIONS);
  const counts = countWords(input);
  sampleMemory();
  const parts = Array.from({ length: partitions }, () => new Map<string, number>());
  for (const [word, count] of counts) parts[fnv1a(word) % partitions]!.set(word, count);
  const outputs = parts.map(encodeWordCounts);
  sampleMemory();
  return { outputs };
}
