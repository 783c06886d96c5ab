/**
 * MapReduce sort, map side: parses 100-byte records and range-partitions them by key into R
 * partitions (R = partitionCount(input)), so that concatenating the sorted partitions in order
 * gives the sorted whole. Partition p holds keys whose first two bytes k16 satisfy
 * floor(k16 · R / 65536) = p.
 */
import { sluiceError } from "../../errors.js";
import { RECORD_BYTES } from "../inputs/gen-sort-records.js";
import { sampleMemory } from "../memory-probe.js";
import { DEFAULT_PARTITION_UNIT_BYTES, DEFAULT_MAX_PARTITIONS, partitionCount } from "../partition-count.js";
import type { StageResult } from "../types.js";

export interface SortMapParams {
  readonly partitionUnitBytes?: number;
  readonly maxPartitions?: number;
}

export function sortMap(input: Uint8Array, params: SortMapParams = {}): StageResult {
  if (input.length % RECORD_BYTES !== 0) throw sluiceError("workloads.malformedInput", { path: ["sort-map", "input"], expected: `a multiple of ${RECORD_BYTES} bytes (whole records)`, actual: `${input.length} bytes`, params: { what: "the sort-map input" } });
  const recordCount = input.length / RECORD_BYTES;
  const partitions = partitionCount(input.length, params.partitionUnitBytes ?? DEFAULT_PARTITION_UNIT_BYTES, params.maxPartitions ?? DEFAULT_MAX_PARTITIONS);
  const partitionOf = new Uint16Array(recordCount);
  const counts = new Uint32Array(partitions);
  for (let r = 0; r < recordCount; r++) {
    const k16 = (input[r * RECORD_BYTES]! << 8) | input[r * RECORD_BYTES + 1]!;
    const p = Math.floor((k16 * partitions) / 65536);
    partitionOf[r] = p;
    counts[p]!++;
  }
  sampleMemory();
  const outputs = Array.from(counts, (c) => new Uint8Array(c * RECORD_BYTES));
  const fill = new Uint32Array(partitions);
  for (let r = 0; r < recordCount; r++) {
    const p = partitionOf[r]!;
    outputs[p]!.set(input.subarray(r * RECORD_BYTES, (r + 1) * RECORD_BYTES), fill[p]! * RECORD_BYTES);
    fill[p]!++;
  }
  sampleMemory();
  return { outputs };
}
