/**
 * Which reader a trace file takes: CSV, JSON Lines, one top-level JSON array, or Parquet. By
 * extension first (`.csv` and `.tsv` are delimited text, whose delimiter csv-rows.ts sniffs; `.jsonl`
 * and `.ndjson` are JSON Lines; `.json` is JSON Lines or an array; `.parquet`, `.pq` Parquet), else
 * by the start: `PAR1` is Parquet, and so a `.log` or `.txt` export works, by the first non-blank
 * character: `{` is JSON Lines, `[` an array, anything else CSV. Only the first
 * 64 KiB are read to decide. A `.gz` ending is passed over and the text decompressed (trace-file.ts).
 */
import type { JsonTraceFormat } from "./jsonl-rows.js";
import { peekTraceFile } from "./trace-file.js";

export type TraceFormat = "csv" | "parquet" | JsonTraceFormat;

/** The format a file name settles, or "json" (JSON Lines or an array) or undefined (look inside). */
export function formatOfName(path: string): TraceFormat | "json" | undefined {
  const ext = /\.([^./\\]+)$/.exec(path.replace(/\.gz$/i, ""))?.[1]?.toLowerCase();
  if (ext === "csv" || ext === "tsv") return "csv";
  if (ext === "jsonl" || ext === "ndjson") return "jsonl";
  if (ext === "json") return "json";
  if (ext === "parquet" || ext === "pq") return "parquet";
  return undefined;
}

/** The format the text's start says: Parquet's magic `PAR1`, else the first non-blank character (after a byte-order mark). */
export function formatOfStart(text: string): TraceFormat {
  // PAR1 then a page header's first byte (a control character): a CSV column named PAR1 stays CSV
  if (/^PAR1[\x00-\x08\x0e-\x1f]/.test(text)) return "parquet";
  const first = /[^\s\ufeff]/.exec(text)?.[0];
  return first === "{" ? "jsonl" : first === "[" ? "json-array" : "csv";
}

export async function detectTraceFormat(path: string): Promise<TraceFormat> {
  const byName = formatOfName(path);
  if (byName !== undefined && byName !== "json") return byName;
  const byStart = formatOfStart((await peekTraceFile(path)).text);
  // A .json file is never CSV or Parquet: what is not an array is read as JSON Lines and its errors say so.
  return byName === "json" && (byStart === "csv" || byStart === "parquet") ? "jsonl" : byStart;
}
