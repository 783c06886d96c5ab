/**
 * MapReduce sort, reduce side: sorts one partition's 100-byte records by their 10-byte key.
 * The key is read as two exact numbers (bytes 0–5 as a 48-bit integer, bytes 6–9 as 32 bits), so
 * the sort compares numbers, not byte slices. Ties keep input order (Array.prototype.sort is stable).
 */
import { sluiceError } from "../../errors.js";
import { RECORD_BYTES } from "../inputs/gen-sort-records.js";
import { sampleMemory } from "../memory-probe.js";
import type { StageResult } from "../types.js";

export function sortReduce(input: Uint8Array): StageResult {
  if (input.length % RECORD_BYTES !== 0) throw sluiceError("workloads.malformedInput", { path: ["sort-reduce", "input"], expected: `a multiple of ${RECORD_BYTES} bytes (whole records)`, actual: `${input.length} bytes`, params: { what: "the sort-reduce input" } });
  const recordCount = input.length / RECORD_BYTES;
  const high = new Float64Array(recordCount);
  const low = new Float64Array(recordCount);
  for (let r = 0; r < recordCount; r++) {
    const b = r * RECORD_BYTES;
    let h = 0;
    for (let k = 0; k < 6; k++) h = h * 256 + input[b + k]!;
    high[r] = h;
    low[r] = ((input[b + 6]! << 24) >>> 0) + (input[b + 7]! << 16) + (input[b + 8]! << 8) + input[b + 9]!;
  }
  const order = Array.from({ length: recordCount }, (_, i) => i);
  order.sort((a, b) => high[a]! - high[b]! || low[a]! - low[b]!);
  sampleMemory();
  const out = new Uint8Array(input.length);
  for (let i = 0; i < recordCount; i++) {
    const r = order[i]!;
    out.set(input.subarray(r * RECORD_BYTES, (r + 1) * RECORD_BYTES), i * RECORD_BYTES);
  }
  sampleMemory();
  return { outputs: [out] };
}
