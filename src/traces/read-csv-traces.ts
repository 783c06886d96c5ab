/**
 * Reads a trace CSV file from disk (the I/O edge around parseCsvTraces).
 */
import { readFile } from "node:fs/promises";
import { inputError } from "../errors.js";
import { parseCsvTraces, type CsvTraceOptions } from "./parse-csv-traces.js";
import type { TraceReadResult } from "./read-report.js";

export async function readCsvTraces(path: string, options: Omit<CsvTraceOptions, "file"> = {}): Promise<TraceReadResult> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw inputError(`Cannot read ${path}`, { code: "invalid_value", path: [path], message: (e as Error).message, expected: "a readable CSV file" });
  }
  return parseCsvTraces(text, { ...options, file: path });
}
