/**
 * The wire form of row batches between query stages: a little-endian Int32 header
 * `[rowCount, columnCount]` followed by each column's `rowCount` Int32 values. Batches are
 * self-delimiting, so concatenated batches (a gather or shuffle input) decode as a list.
 */

import { sluiceError } from "../errors.js";

export interface ColumnBatch {
  readonly rowCount: number;
  readonly columns: readonly Int32Array[];
}

export function batchByteLength(rowCount: number, columnCount: number): number {
  return 8 + 4 * rowCount * columnCount;
}

export function encodeBatch(batch: ColumnBatch): Uint8Array {
  const { rowCount, columns } = batch;
  const words = new Int32Array(2 + rowCount * columns.length);
  words[0] = rowCount;
  words[1] = columns.length;
  columns.forEach((col, c) => {
    if (col.length !== rowCount) throw sluiceError("workloads.malformedInput", { path: ["column batch", `column ${c}`], expected: `${rowCount} values`, actual: `${col.length} values`, params: { what: "a column of the batch" } });
    words.set(col, 2 + c * rowCount);
  });
  return new Uint8Array(words.buffer);
}

/** Decodes every batch in `bytes` (one or more concatenated encodings). */
export function decodeBatches(bytes: Uint8Array): ColumnBatch[] {
  const batches: ColumnBatch[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let at = 0;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) throw sluiceError("workloads.malformedInput", { path: ["column batch", `byte ${at}`], expected: "an 8-byte batch header", actual: `${bytes.length - at} bytes`, params: { what: "a column batch header" } });
    const rowCount = view.getInt32(at, true);
    const columnCount = view.getInt32(at + 4, true);
    const end = at + batchByteLength(rowCount, columnCount);
    if (rowCount < 0 || columnCount < 0 || end > bytes.length) throw sluiceError("workloads.malformedInput", { path: ["column batch", `byte ${at}`], expected: `${end} ≤ ${bytes.length} bytes (${rowCount} rows × ${columnCount} columns)`, actual: `${bytes.length} bytes`, params: { what: "a column batch" } });
    const columns: Int32Array[] = [];
    for (let c = 0; c < columnCount; c++) {
      const col = new Int32Array(rowCount);
      const from = at + 8 + 4 * c * rowCount;
      new Uint8Array(col.buffer).set(bytes.subarray(from, from + 4 * rowCount));
      columns.push(col);
    }
    batches.push({ rowCount, columns });
    at = end;
  }
  return batches;
}
