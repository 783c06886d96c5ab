/**
 * Where a root stage with several instances cuts the app input: instance j reads
 * [cuts[j], cuts[j + 1]). Even byte splits ⌊j · L / k⌋, moved forward so that no record is cut:
 *   sort-map       to a multiple of 100 bytes (one record)
 *   kmeans-split   to a multiple of 4 · 8 bytes (one float32 point of 8 dimensions)
 *   wc-map, q-scan to just after the next newline (q-scan's header stays in the first range)
 *   anything else  as is (a user function with several root instances receives byte ranges)
 * e.g. sort-map, 1,000 bytes into 3: even cuts 0, 333, 666, 1000 → 0, 400, 700, 1000.
 */
import { RECORD_BYTES } from "../../workloads/inputs/gen-sort-records.js";
import { DEFAULT_DIMENSIONS } from "../../workloads/inputs/gen-points.js";

const FIXED: Readonly<Record<string, number>> = { "sort-map": RECORD_BYTES, "kmeans-split": 4 * DEFAULT_DIMENSIONS };
const LINES = new Set(["wc-map", "q-scan"]);

export function inputCuts(fn: string, bytes: Uint8Array | undefined, totalBytes: number, parts: number): number[] {
  const cuts = [0];
  for (let j = 1; j < parts; j++) {
    let at = Math.floor((j * totalBytes) / parts);
    const unit = FIXED[fn];
    if (unit !== undefined) at = Math.min(totalBytes, Math.ceil(at / unit) * unit);
    else if (LINES.has(fn) && bytes !== undefined) {
      const nl = bytes.indexOf(10, Math.max(0, at - 1));
      at = nl < 0 ? totalBytes : nl + 1;
    }
    cuts.push(Math.max(cuts[cuts.length - 1]!, at));
  }
  cuts.push(totalBytes);
  return cuts;
}
