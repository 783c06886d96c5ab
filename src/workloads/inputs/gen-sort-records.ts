/**
 * Sort-benchmark style input: fixed 100-byte records, a 10-byte random binary key followed by a
 * 90-byte payload (the record's index in ASCII, then filler), as gensort produces.
 */
import { createPrng } from "./prng.js";

export const RECORD_BYTES = 100;
export const KEY_BYTES = 10;

/** Records filling at most `inputBytes` (floor to whole records), deterministic per seed. */
export function generateSortRecords(inputBytes: number, seed: number): Uint8Array {
  const recordCount = Math.floor(inputBytes / RECORD_BYTES);
  const out = new Uint8Array(recordCount * RECORD_BYTES);
  const prng = createPrng(seed);
  for (let r = 0; r < recordCount; r++) {
    const base = r * RECORD_BYTES;
    for (let k = 0; k < KEY_BYTES; k++) out[base + k] = prng.int(256);
    const label = String(r).padStart(12, "0");
    for (let i = 0; i < label.length; i++) out[base + KEY_BYTES + i] = label.charCodeAt(i);
    const filler = 65 + (r % 26);
    out.fill(filler, base + KEY_BYTES + label.length, base + RECORD_BYTES - 1);
    out[base + RECORD_BYTES - 1] = 10;
  }
  return out;
}

/** Compares the keys of record `a` in `x` and record `b` in `y` (negative, 0, positive). */
export function compareKeys(x: Uint8Array, a: number, y: Uint8Array, b: number): number {
  for (let k = 0; k < KEY_BYTES; k++) {
    const d = x[a * RECORD_BYTES + k]! - y[b * RECORD_BYTES + k]!;
    if (d !== 0) return d;
  }
  return 0;
}
