/**
 * Parquet trace files (hyparquet with hyparquet-compressors, loaded on first use) as the same row
 * batches CSV gives, so the whole mapping works on them unchanged.
 *
 * - The header is the schema's columns; a struct's fields are dotted, as JSON traces dot nested keys
 *   (`blob.download`). A list, a map or a JSON column is one cell holding its JSON text.
 * - Cells become the text the mapping reads: numbers and 64-bit integers in full, booleans
 *   `true`/`false`, timestamps as seconds since the epoch (exact to the nanosecond, so
 *   `(end - start) * 1000` is milliseconds), dates as `YYYY-MM-DD`, nulls as empty cells.
 * - One row group is decoded at a time, column by column, and handed on in batches of rows: memory
 *   holds a row group's columns, not the file nor a row group's rows of cells.
 * - Row numbers in messages count the header as line 1, like a CSV export of the same table.
 *
 * A file that is not Parquet (no `PAR1` footer) or cannot be decoded is a "cannot read" error
 * naming the file.
 */
import type { FileMetaData, ParquetParsers, SchemaTree } from "hyparquet";
import type { CsvRow } from "./csv-rows.js";
import { regularFileBytes } from "./file-size.js";
import { cannotRead } from "./trace-file.js";

const EXPECTED = "a readable Parquet file";


/** `count` units of 10^-`digits` s as exact decimal seconds ("-1.5" for −1,500 ms). */
function decimalSeconds(count: bigint, digits: number): string {
  const negative = count < 0n;
  const magnitude = (negative ? -count : count).toString().padStart(digits + 1, "0");
  const whole = magnitude.slice(0, -digits), fraction = magnitude.slice(-digits).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction === "" ? "" : `.${fraction}`}`;
}

/** Timestamps as exact seconds since the epoch and dates as ISO days, instead of JavaScript Dates (milliseconds only). */
const PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (v) => decimalSeconds(BigInt(v), 3),
  timestampFromMicroseconds: (v) => decimalSeconds(BigInt(v), 6),
  timestampFromNanoseconds: (v) => decimalSeconds(BigInt(v), 9),
  dateFromDays: (days) => new Date(Number(days) * 86_400_000).toISOString().slice(0, 10),
};

/** A column of the header: its dotted name and the path of keys to its value in a row object. */
interface Leaf {
  readonly name: string;
  readonly keys: readonly string[];
}

/** The header's columns: leaves of the schema, a struct's fields dotted, lists and maps whole. */
function leavesOf(node: SchemaTree, keys: readonly string[], out: Leaf[]): Leaf[] {
  const e = node.element;
  const whole = e.converted_type === "LIST" || e.converted_type === "MAP" || e.converted_type === "MAP_KEY_VALUE" || e.logical_type?.type === "LIST" || e.logical_type?.type === "MAP";
  if (node.children.length === 0 || whole || e.repetition_type === "REPEATED") {
    out.push({ name: keys.join("."), keys });
    return out;
  }
  for (const child of node.children) leavesOf(child, [...keys, child.element.name], out);
  return out;
}

const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x instanceof Uint8Array ? undefined : x));

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  switch (typeof v) {
    case "string":
      return v;
    case "number":
    case "bigint":
      return String(v);
    case "boolean":
      return v ? "true" : "false";
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString();
  if (v instanceof Uint8Array) return ""; // undecoded binary: nothing a trace field can use
  return json(v) ?? "";
}

function valueAt(value: unknown, keys: readonly string[]): unknown {
  let v: unknown = value;
  for (const k of keys) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** Rows handed on at a time, cut from a row group's decoded columns (a row group may hold a million rows). */
const BATCH_ROWS = 8192;

/** A top-level column of one row group, as hyparquet decodes it: chunks of values with their first row. */
type ColumnChunks = { readonly rowStart: number; readonly data: ArrayLike<unknown> }[];

/**
 * Streams the rows of a Parquet file: the header first, then batches of BATCH_ROWS rows. A row
 * group is decoded column by column (typed arrays for numbers), and only each batch becomes cells,
 * so memory holds one row group's columns, not a million rows of cells. `onBytes` hears the
 * progress by row group.
 */
export async function* streamParquetRows(path: string, onBytes?: (readBytes: number, totalBytes: number) => void): AsyncGenerator<readonly CsvRow[]> {
  const totalBytes = await regularFileBytes(path, EXPECTED);
  let read: typeof import("hyparquet").parquetRead;
  let file: Awaited<ReturnType<typeof import("hyparquet").asyncBufferFromFile>>;
  let metadata: FileMetaData;
  let leaves: Leaf[];
  let compressors: import("hyparquet").Compressors;
  try {
    const hyparquet = await import("hyparquet");
    ({ compressors } = await import("hyparquet-compressors"));
    read = hyparquet.parquetRead;
    file = await hyparquet.asyncBufferFromFile(path);
    metadata = await hyparquet.parquetMetadataAsync(file);
    leaves = hyparquet.parquetSchema(metadata).children.flatMap((c) => leavesOf(c, [c.element.name], []));
  } catch (e) {
    throw cannotRead(path, EXPECTED, e);
  }
  yield [{ record: leaves.map((l) => l.name), info: { lines: 1 } }];
  const totalRows = Math.max(1, Number(metadata.num_rows));
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    const columns = new Map<string, ColumnChunks>();
    try {
      await read({
        file, metadata, rowStart, rowEnd, compressors, parsers: PARSERS,
        onChunk: (c) => {
          const chunks = columns.get(c.columnName) ?? [];
          chunks.push({ rowStart: c.rowStart, data: c.columnData as ArrayLike<unknown> });
          columns.set(c.columnName, chunks);
        },
      });
    } catch (e) {
      throw cannotRead(path, EXPECTED, e);
    }
    // Per leaf: its top-level column's chunks (in row order) and the keys below it.
    const sources = leaves.map((l) => ({ chunks: [...(columns.get(l.keys[0]!) ?? [])].sort((a, b) => a.rowStart - b.rowStart), below: l.keys.slice(1), at: 0 }));
    for (let start = rowStart; start < rowEnd; start += BATCH_ROWS) {
      const end = Math.min(rowEnd, start + BATCH_ROWS);
      const batch: CsvRow[] = [];
      for (let row = start; row < end; row++) {
        const record = sources.map((src) => {
          // chunks are visited in row order: advance past the ones that end before this row
          while (src.at < src.chunks.length - 1 && row >= src.chunks[src.at]!.rowStart + src.chunks[src.at]!.data.length) src.at++;
          const chunk = src.chunks[src.at];
          const v = chunk === undefined || row < chunk.rowStart ? undefined : chunk.data[row - chunk.rowStart];
          return cellText(src.below.length === 0 ? v : valueAt(v, src.below));
        });
        batch.push({ record, info: { lines: row + 2 } });
      }
      yield batch;
    }
    rowStart = rowEnd;
    onBytes?.(Math.round((totalBytes * rowStart) / totalRows), totalBytes);
  }
}
