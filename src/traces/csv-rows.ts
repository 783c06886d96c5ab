/**
 * Splits CSV text into rows of trimmed cells, each with the line it ends on (for error messages).
 * Malformed CSV (an unclosed quote, say) is an InputError naming the file and line.
 */
import { CsvError, parse } from "csv-parse/sync";
import { InputError } from "../errors.js";

export interface CsvRow {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

export function parseCsvRows(text: string, file: string): CsvRow[] {
  try {
    return parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as CsvRow[];
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines;
      throw new InputError(`Cannot read ${file}`, [{ code: "parse_error", path: [file, `line ${line ?? "?"}`], message: e.message, expected: "well-formed CSV" }]);
    }
    throw e;
  }
}
