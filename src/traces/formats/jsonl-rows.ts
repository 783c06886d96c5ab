/**
 * JSON trace records — JSON Lines (one object a line), or one top-level array of objects — as the
 * CsvRow batches `ingestRows` consumes, so the whole mapping (style-insensitive headers, --column,
 * --derive, --where, --fanout-run) works on them unchanged. Two passes over the source: the first
 * collects the header (every record's dotted keys, `json-record.ts`, in order of first appearance)
 * and, in "throw" mode, stops at the first record that is not a JSON object; the second yields the
 * header, then one batch of rows per chunk read, a missing key an empty cell. Memory holds the header,
 * one chunk's rows and one unfinished record, never the file. A file is read twice up to the byte the
 * first pass ended on (lines appended meanwhile are left for next time); progress spans both passes.
 *
 * A record that is an OpenTelemetry export or an X-Ray trace document is a row per span or segment
 * (record-rows.ts). A record that
 * is not a JSON object is an InputError naming file and line (SLU5030), or with `onInvalid: "skip"`
 * counted in `skipped` (the caller adds them to the report).
 */
import { StringDecoder } from "node:string_decoder";
import { InputError, issue, show, sluiceError, type Issue } from "../../errors.js";
import type { CsvRow } from "./csv-rows.js";
import { regularFileBytes } from "./file-size.js";
import { JsonArraySplitter } from "./json-array-elements.js";
import { forEachCell, forEachKey, parseJsonRecord } from "./json-record.js";
import type { RecordSplitter, RecordText } from "./json-record-text.js";
import { JsonLinesSplitter } from "./jsonl-lines.js";
import type { OnInvalidRow } from "../read-report.js";
import type { SkippedRecords } from "./skipped-records.js";
import { rowsOfRecord } from "./record-rows.js";
import { cannotRead, compressionOf, openTraceBytes } from "./trace-file.js";

export type JsonTraceFormat = "jsonl" | "json-array";

/** Distinct keys (columns) a JSON trace may have: as many cells as a CSV row that wide, never more. */
export const DEFAULT_MAX_JSON_KEYS = 10_000;

export interface JsonRowsOptions {
  readonly format: JsonTraceFormat;
  readonly onInvalid?: OnInvalidRow;
  /** Counts the records that are not JSON objects, with onInvalid "skip". */
  readonly skipped?: SkippedRecords;
  readonly maxKeys?: number;
}

/** The source's text in chunks, once per pass. */
export type ChunkSource = (pass: 1 | 2) => AsyncIterable<string> | Iterable<string>;

function splitterFor(format: JsonTraceFormat, file: string): RecordSplitter {
  return format === "jsonl" ? new JsonLinesSplitter() : new JsonArraySplitter(file);
}

async function* recordsOf(source: AsyncIterable<string> | Iterable<string>, splitter: RecordSplitter): AsyncGenerator<RecordText[]> {
  for await (const chunk of source) yield splitter.push(chunk);
  yield splitter.end();
}

export async function* jsonRows(source: ChunkSource, file: string, options: JsonRowsOptions): AsyncGenerator<readonly CsvRow[]> {
  const onInvalid = options.onInvalid ?? "throw";
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_JSON_KEYS;
  const keys = new Map<string, number>();
  const badRecord = (r: RecordText, detail: string): Issue => issue("traces.badJsonRecord", { path: [file, `line ${r.line}`], actual: show(r.text), params: { reason: detail } });
  const addKey = (k: string) => {
    if (keys.has(k)) return;
    if (keys.size >= maxKeys) throw sluiceError("traces.tooManyKeys", { path: [file, "header"], actual: show(k), params: { limit: maxKeys } }, { what: `Cannot read ${file}` });
    keys.set(k, keys.size);
  };

  let objects = 0, bad = 0;
  for await (const records of recordsOf(source(1), splitterFor(options.format, file))) {
    for (const r of records) {
      const p = parseJsonRecord(r.text);
      if (p.ok) {
        for (const row of rowsOfRecord(p.value)) {
          objects++;
          forEachKey(row, addKey);
        }
      } else if (onInvalid === "throw") throw new InputError(`Invalid trace row in ${file}`, [badRecord(r, p.detail)]);
      else bad++;
    }
  }
  if (objects === 0) {
    if (bad > 0) throw sluiceError("traces.emptyFile", { path: [file, "line 1"], actual: `no JSON object (${bad} records skipped)` }, { what: `Cannot read ${file}` });
    return; // nothing but blank lines: ingestRows names the empty file
  }

  yield [{ record: [...keys.keys()], info: { lines: 1 } }];
  const width = keys.size;
  for await (const records of recordsOf(source(2), splitterFor(options.format, file))) {
    const batch: CsvRow[] = [];
    for (const r of records) {
      const p = parseJsonRecord(r.text);
      if (!p.ok) {
        const i = badRecord(r, p.detail);
        if (onInvalid === "throw") throw new InputError(`Invalid trace row in ${file}`, [i]);
        options.skipped?.add(p.reason, i);
        continue;
      }
      for (const row of rowsOfRecord(p.value)) {
        const cells = new Array<string>(width).fill("");
        forEachCell(row, (k, cell) => {
          const index = keys.get(k);
          if (index === undefined) throw sluiceError("io.cannotRead", { path: [file, `line ${r.line}`], expected: "the same file in both passes", actual: show(k), params: { reason: "a key the first pass did not see: the file changed while it was read" } }, { what: `Cannot read ${file}` });
          cells[index] = cell;
        });
        batch.push({ record: cells, info: { lines: r.line } });
      }
    }
    if (batch.length > 0) yield batch;
  }
}

/** The rows of JSON trace text (the small-input form, for the API and tests). */
export function parseJsonRows(text: string, file: string, options: JsonRowsOptions): AsyncGenerator<readonly CsvRow[]> {
  return jsonRows(() => [text], file, options);
}


/**
 * Streams the rows of a JSON trace file; `onBytes` hears the progress over both passes (half the
 * file's bytes each) against the file's size.
 */
export async function* streamJsonRows(path: string, options: JsonRowsOptions & { readonly onBytes?: (readBytes: number, totalBytes: number) => void }): AsyncGenerator<readonly CsvRow[]> {
  const totalBytes = await regularFileBytes(path, "a readable JSON trace file");
  const compression = await compressionOf(path, "a readable JSON trace file");
  // Pass 2 reads the (decompressed) bytes pass 1 read, no more, and progress counts the file's raw bytes.
  let firstPassBytes = 0, firstPassRawBytes = 0;
  const onBytes = options.onBytes;
  async function* chunks(pass: 1 | 2): AsyncGenerator<string> {
    if (pass === 2 && firstPassBytes === 0) return;
    const { bytes, raw } = openTraceBytes(path, compression);
    const decoder = new StringDecoder("utf8");
    let seen = 0;
    try {
      for await (const chunk of bytes) {
        let b = chunk as Buffer;
        if (pass === 2 && seen + b.length > firstPassBytes) b = b.subarray(0, firstPassBytes - seen);
        seen += b.length;
        if (pass === 1) [firstPassBytes, firstPassRawBytes] = [seen, raw.bytesRead];
        onBytes?.(Math.round(((pass === 1 ? 0 : firstPassRawBytes) + raw.bytesRead) / 2), totalBytes);
        const text = decoder.write(b);
        if (text !== "") yield text;
        if (pass === 2 && seen >= firstPassBytes) break;
      }
      const tail = decoder.end();
      if (tail !== "") yield tail;
    } catch (e) {
      throw cannotRead(path, "a readable JSON trace file", e);
    } finally {
      raw.destroy();
      bytes.destroy();
    }
  }
  yield* jsonRows(chunks, path, options);
}
