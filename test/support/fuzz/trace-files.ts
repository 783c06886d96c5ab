/**
 * Damaged binary and compressed trace files: a valid Parquet trace, a gzip-compressed CSV trace, a
 * gzip-compressed JSON Lines trace and a gzip-compressed Lambda log, each written once, then one
 * damage applied to a copy — truncated, bytes flipped, a run of bytes overwritten, or bytes put
 * in front. Readers must end in records or a catalogued error, never a crash or a hang.
 */
import fc from "fast-check";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parse as parseCsvSync } from "csv-parse/sync";
import { parquetWriteBuffer } from "hyparquet-writer";
import { workflowTraceCsv } from "../workflow-traces.js";

export type TraceFileKind = "parquet" | "csv.gz" | "jsonl.gz" | "log.gz";
export const TRACE_FILE_KINDS: readonly TraceFileKind[] = ["parquet", "csv.gz", "jsonl.gz", "log.gz"];

export type TraceFileDamage =
  | { readonly kind: "none" }
  | { readonly kind: "truncate"; readonly at: number }
  | { readonly kind: "flip"; readonly at: number; readonly mask: number }
  | { readonly kind: "overwrite"; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: "prepend"; readonly bytes: Uint8Array };

const at = fc.double({ min: 0, max: 1, noNaN: true });
export const traceFileDamageArb: fc.Arbitrary<TraceFileDamage> = fc.oneof(
  fc.constant({ kind: "none" as const }),
  at.map((a) => ({ kind: "truncate" as const, at: a })),
  fc.tuple(at, fc.integer({ min: 1, max: 255 })).map(([a, mask]) => ({ kind: "flip" as const, at: a, mask })),
  fc.tuple(at, fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([a, bytes]) => ({ kind: "overwrite" as const, at: a, bytes })),
  fc.uint8Array({ minLength: 1, maxLength: 16 }).map((bytes) => ({ kind: "prepend" as const, bytes })),
);

/** A small published-shape workflow trace (6 runs): the text every kind is made from. */
const CSV = workflowTraceCsv({ runs: 6, sizesMb: [2, 8, 32], coldEvery: 3 });

function parquetOf(csv: string): Uint8Array {
  const [header, ...rows] = parseCsvSync(csv) as string[][];
  const columnData = header!.map((name, j) => {
    const cells = rows.map((r) => r[j] ?? "");
    return cells.every((c) => /^-?\d+(\.\d+)?$/.test(c)) ? { name, type: "DOUBLE" as const, data: cells.map(Number) } : { name, type: "STRING" as const, data: cells };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 7 }));
}

function jsonlOf(csv: string): string {
  const [header, ...rows] = parseCsvSync(csv) as string[][];
  return rows.map((r) => JSON.stringify(Object.fromEntries(header!.map((h, j) => [h, /^-?\d+(\.\d+)?$/.test(r[j]!) ? Number(r[j]) : r[j]])))).join("\n") + "\n";
}

function lambdaLogOf(n: number): string {
  const id = (k: number) => `1f2e3d4c-0000-4000-8000-${String(k).padStart(12, "0")}`;
  return Array.from({ length: n }, (_, k) => [`START RequestId: ${id(k)} Version: $LATEST`, `REPORT RequestId: ${id(k)}\tDuration: ${10 + k}.50 ms\tBilled Duration: ${11 + k} ms\tMemory Size: 512 MB\tMax Memory Used: ${60 + k} MB\t`].join("\n")).join("\n") + "\n";
}

/** Writes the undamaged file of each kind into `dir` (trace.parquet, trace.csv.gz, …). */
export async function writeBaseTraceFiles(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "trace.parquet"), parquetOf(CSV));
  await writeFile(path.join(dir, "trace.csv.gz"), gzipSync(CSV));
  await writeFile(path.join(dir, "trace.jsonl.gz"), gzipSync(jsonlOf(CSV)));
  await writeFile(path.join(dir, "trace.log.gz"), gzipSync(lambdaLogOf(30)));
}

/** Copies the base file of `kind` from `baseDir` to `target` with `damage` applied. */
export async function writeDamagedTraceFile(baseDir: string, kind: TraceFileKind, target: string, damage: TraceFileDamage): Promise<void> {
  const bytes = new Uint8Array(await readFile(path.join(baseDir, `trace.${kind}`)));
  const i = (a: number) => Math.min(bytes.length - 1, Math.floor(a * bytes.length));
  let out = bytes;
  switch (damage.kind) {
    case "truncate":
      out = bytes.subarray(0, Math.floor(damage.at * bytes.length));
      break;
    case "flip":
      out[i(damage.at)] = out[i(damage.at)]! ^ damage.mask;
      break;
    case "overwrite":
      out.set(damage.bytes.subarray(0, bytes.length - i(damage.at)), i(damage.at));
      break;
    case "prepend":
      out = new Uint8Array([...damage.bytes, ...bytes]);
      break;
    case "none":
      break;
  }
  await writeFile(target, out);
}
