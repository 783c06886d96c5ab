/**
 * A trace file's bytes as they were written: plain, or gzip-compressed and decompressed as it
 * streams. Published traces often ship compressed (`.csv.gz`, `.jsonl.gz`); gzip is recognised by
 * its magic bytes whatever the file is called. Other compressions Node cannot read without a native
 * add-on (bzip2, xz, zstd, zip) are a typed error naming the file and the format, instead of being
 * parsed as text and failing on garbage. A corrupt gzip stream fails as a "cannot read" error
 * naming the file when the reader meets it.
 */
import { createReadStream, type ReadStream } from "node:fs";
import { open, readFile } from "node:fs/promises";
import type { Readable } from "node:stream";
import { createGunzip, gunzip } from "node:zlib";
import { promisify } from "node:util";
import { sluiceError } from "../../errors.js";

export type Compression = "none" | "gzip";

const SIGNATURES: readonly (readonly [string, readonly number[]])[] = [
  ["gzip", [0x1f, 0x8b]],
  ["bzip2", [0x42, 0x5a, 0x68]],
  ["xz", [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ["zstd", [0x28, 0xb5, 0x2f, 0xfd]],
  ["zip", [0x50, 0x4b, 0x03, 0x04]],
];
/** Text read to sniff a file's format, delimiter or log layout. */
const SNIFF_BYTES = 64 * 1024;

/** The typed error for a trace file that cannot be read or decoded, naming it, what was expected and why. */
export function cannotRead(path: string, expected: string, e: unknown) {
  return sluiceError("io.cannotRead", { path: [path], expected, params: { reason: e instanceof Error ? e.message : String(e) } }, { what: `Cannot read ${path}` });
}

/** The compression a file's first bytes announce; gzip or none, else a typed error naming the format. */
export function compressionOfBytes(head: Uint8Array, path: string): Compression {
  const found = SIGNATURES.find(([, magic]) => magic.every((b, i) => head[i] === b))?.[0];
  if (found === undefined) return "none";
  if (found === "gzip") return "gzip";
  throw sluiceError("traces.compressed", { path: [path], actual: found, params: { format: found } });
}

async function headOf(path: string, expected: string): Promise<Buffer> {
  try {
    const handle = await open(path, "r");
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw cannotRead(path, expected, e);
  }
}

export async function compressionOf(path: string, expected = "a readable trace file"): Promise<Compression> {
  return compressionOfBytes(await headOf(path, expected), path);
}

/** The file's (decompressed) bytes as a stream, and the raw file stream under it (its bytesRead is progress against the file's size). */
export function openTraceBytes(path: string, compression: Compression): { readonly bytes: Readable; readonly raw: ReadStream } {
  const raw = createReadStream(path);
  if (compression === "none") return { bytes: raw, raw };
  const gunzipStream = createGunzip();
  raw.on("error", (e) => gunzipStream.destroy(e));
  return { bytes: raw.pipe(gunzipStream), raw };
}

/** What a file's head says: its compression, and its first 64 KiB of text, decompressed if need be. */
export interface FileHead {
  readonly compression: Compression;
  readonly text: string;
}

/** The file's head (a typed error when it cannot be read, or is compressed other than with gzip). */
export async function peekTraceFile(path: string, expected = "a readable trace file"): Promise<FileHead> {
  const head = await headOf(path, expected);
  if (compressionOfBytes(head, path) === "none") return { compression: "none", text: head.toString("utf8") };
  const { bytes, raw } = openTraceBytes(path, "gzip");
  const parts: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of bytes) {
      parts.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= SNIFF_BYTES) break;
    }
  } catch (e) {
    throw cannotRead(path, expected, e);
  } finally {
    raw.destroy(); // the file too: a sniff reads 64 KiB, not the file
    bytes.destroy();
  }
  // Cut at a whole character: the sniffers look at the first line, never at a split one.
  return { compression: "gzip", text: new TextDecoder("utf-8").decode(Buffer.concat(parts).subarray(0, SNIFF_BYTES), { stream: true }) };
}

/** The whole file as text, decompressed if need be (for a document that must be parsed whole). */
export async function readTraceText(path: string, expected = "a readable trace file"): Promise<string> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e) {
    throw cannotRead(path, expected, e);
  }
  if (compressionOfBytes(data.subarray(0, 8), path) === "none") return data.toString("utf8");
  try {
    return ((await promisify(gunzip)(data)) as Buffer).toString("utf8");
  } catch (e) {
    throw cannotRead(path, expected, e);
  }
}
