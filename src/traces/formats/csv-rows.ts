/**
 * CSV rows of trimmed cells, each with the line it ends on (for error messages), from text or
 * streamed from a file with csv-parse (a file is never held whole in memory). The delimiter —
 * comma, tab, semicolon or vertical bar — is sniffed from the header line (csv-delimiter.ts), and a
 * semicolon-delimited file's decimal commas read as points (decimal-comma.ts); a gzip-compressed
 * file is decompressed as it streams (trace-file.ts).
 * Malformed CSV (an unclosed quote, say) is an InputError naming the file and line; an unreadable
 * file names its path.
 */
import { CsvError, parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { InputError, issue } from "../../errors.js";
import { sniffDelimiter } from "./csv-delimiter.js";
import { rewriteDecimalCommas } from "./decimal-comma.js";
import { regularFileBytes } from "./file-size.js";
import { cannotRead, openTraceBytes, peekTraceFile } from "./trace-file.js";

export interface CsvRow {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

const OPTIONS = { info: true, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true } as const;

function csvError(e: unknown, file: string): unknown {
  if (e instanceof CsvError) {
    const line = (e as CsvError & { lines?: number }).lines;
    return new InputError(`Cannot read ${file}`, [issue("traces.malformedCsv", { path: [file, `line ${line ?? "?"}`], params: { reason: e.message } })]);
  }
  return e;
}

export function parseCsvRows(text: string, file: string): CsvRow[] {
  try {
    const delimiter = sniffDelimiter(text);
    const rows = parseSync(text, { ...OPTIONS, delimiter }) as unknown as CsvRow[];
    if (delimiter === ";") rewriteDecimalCommas(rows);
    return rows;
  } catch (e) {
    throw csvError(e, file);
  }
}

/**
 * Streams the rows of a CSV file in batches (whatever the parser has buffered: one promise per batch,
 * not per row, so a million rows cost thousands of awaits, not millions); `onBytes` hears how many
 * bytes of `totalBytes` were read so far.
 */
export async function* streamCsvRows(path: string, onBytes?: (readBytes: number, totalBytes: number) => void): AsyncGenerator<readonly CsvRow[]> {
  const totalBytes = await regularFileBytes(path, "a readable CSV file");
  const { compression, text } = await peekTraceFile(path, "a readable CSV file");
  const delimiter = sniffDelimiter(text);
  const { bytes: input, raw } = openTraceBytes(path, compression);
  let readBytes = 0;
  if (onBytes !== undefined) raw.on("data", (chunk) => onBytes((readBytes += chunk.length), totalBytes));
  const parser = input.pipe(parse({ ...OPTIONS, delimiter }));
  input.on("error", (e) => parser.destroy(e));
  // A wake-up made before each read-out: an event during the read-out resolves it, so none is lost.
  let ended = false, failure: unknown, wake = () => {};
  const poke = () => wake();
  parser.on("readable", poke);
  parser.on("end", () => { ended = true; poke(); });
  parser.on("error", (e) => { failure = e; poke(); });
  try {
    for (;;) {
      const ready = new Promise<void>((resolve) => (wake = resolve));
      const batch: CsvRow[] = [];
      for (let row = parser.read() as CsvRow | null; row !== null; row = parser.read() as CsvRow | null) batch.push(row);
      if (delimiter === ";") rewriteDecimalCommas(batch);
      if (batch.length > 0) yield batch;
      if (failure !== undefined) throw failure;
      if (ended) return;
      await ready;
    }
  } catch (e) {
    if (e instanceof CsvError) throw csvError(e, path);
    if (e instanceof InputError) throw e;
    throw cannotRead(path, "a readable CSV file", e);
  } finally {
    raw.destroy();
    input.destroy();
    parser.destroy();
  }
}
