/**
 * Query, scan: decodes the CSV fact table (skipping the header and blank lines) into Int32 columns
 * in FACT_COLUMNS order, and splits the rows into P contiguous batches, P = partitionCount(input).
 */
import { sluiceError } from "../../errors.js";
import { encodeBatch } from "../column-batch.js";
import { FACT_COLUMNS } from "../inputs/gen-tables.js";
import { sampleMemory } from "../memory-probe.js";
import { DEFAULT_PARTITION_UNIT_BYTES, DEFAULT_MAX_PARTITIONS, partitionCount } from "../partition-count.js";
import type { StageResult } from "../types.js";

export interface QScanParams {
  readonly partitionUnitBytes?: number;
  readonly maxPartitions?: number;
}

/** Parses CSV rows of non-negative integers; returns one Int32Array per column. */
export function parseFactRows(input: Uint8Array): Int32Array[] {
  const columnCount = FACT_COLUMNS.length;
  let lines = 0;
  for (let i = 0; i < input.length; i++) if (input[i] === 10) lines++;
  const columns = Array.from({ length: columnCount }, () => new Int32Array(lines));
  let row = 0;
  let i = input.length > 0 && input[0]! >= 97 ? input.indexOf(10) + 1 : 0;
  while (i < input.length) {
    if (input[i] === 10) { i++; continue; }
    for (let c = 0; c < columnCount; c++) {
      let v = 0;
      for (let ch = input[i]!; ch >= 48 && ch <= 57; ch = input[++i]!) v = v * 10 + (ch - 48);
      if (input[i] !== (c === columnCount - 1 ? 10 : 44)) throw sluiceError("workloads.malformedInput", { path: ["q-scan", `row ${row + 1}`, `byte ${i}`], expected: c === columnCount - 1 ? "digits, then a line break" : "digits, then a comma", actual: i < input.length ? JSON.stringify(String.fromCharCode(input[i]!)) : "the end of the input", params: { what: "a fact-table row" } });
      columns[c]![row] = v;
      i++;
    }
    row++;
  }
  return columns.map((col) => col.subarray(0, row));
}

export function qScan(input: Uint8Array, params: QScanParams = {}): StageResult {
  const partitions = partitionCount(input.length, params.partitionUnitBytes ?? DEFAULT_PARTITION_UNIT_BYTES, params.maxPartitions ?? DEFAULT_MAX_PARTITIONS);
  const columns = parseFactRows(input);
  sampleMemory();
  const rowCount = columns[0]!.length;
  const outputs: Uint8Array[] = [];
  for (let p = 0; p < partitions; p++) {
    const from = Math.floor((p * rowCount) / partitions);
    const to = Math.floor(((p + 1) * rowCount) / partitions);
    outputs.push(encodeBatch({ rowCount: to - from, columns: columns.map((col) => col.subarray(from, to)) }));
  }
  sampleMemory();
  return { outputs };
}
