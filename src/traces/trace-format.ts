/**
 * Which reader a trace file takes: CSV, JSON Lines, or one top-level JSON array. By extension first
 * (`.csv` and `.tsv` are delimited text, whose delimiter csv-rows.ts sniffs; `.jsonl` and `.ndjson`
 * are JSON Lines; `.json` is JSON Lines or an array), else by the first non-blank character, so a
 * `.log` or `.txt` export works: `{` is JSON Lines, `[` an array, anything else CSV. Only the first
 * 64 KiB are read to decide. A `.gz` ending is passed over and the text decompressed (trace-file.ts).
 */
import type { JsonTraceFormat } from "./jsonl-rows.js";
import { firstBytes } from "./trace-file.js";

export type TraceFormat = "csv" | JsonTraceFormat;

/** The format a file name settles, or "json" (JSON Lines or an array) or undefined (look inside). */
export function formatOfName(path: string): TraceFormat | "json" | undefined {
  const ext = /\.([^./\\]+)$/.exec(path.replace(/\.gz$/i, ""))?.[1]?.toLowerCase();
  if (ext === "csv" || ext === "tsv") return "csv";
  if (ext === "jsonl" || ext === "ndjson") return "jsonl";
  if (ext === "json") return "json";
  return undefined;
}

/** The format the text's first non-blank character (after a byte-order mark) says. */
export function formatOfStart(text: string): TraceFormat {
  const first = /[^\s\ufeff]/.exec(text)?.[0];
  return first === "{" ? "jsonl" : first === "[" ? "json-array" : "csv";
}

export async function detectTraceFormat(path: string): Promise<TraceFormat> {
  const byName = formatOfName(path);
  if (byName !== undefined && byName !== "json") return byName;
  const byStart = formatOfStart(await firstBytes(path));
  // A .json file is never CSV: what is not an array is read as JSON Lines and its errors say so.
  return byName === "json" && byStart === "csv" ? "jsonl" : byStart;
}
