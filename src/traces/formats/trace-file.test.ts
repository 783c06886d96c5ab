import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, SluiceError } from "../../errors.js";
import { readLambdaReports } from "../lambda/read-lambda-traces.js";
import { readTraceTable } from "../read-trace-table.js";
import { compressionOfBytes, peekTraceFile, readTraceText } from "./trace-file.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sluice-trace-file-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function errorOf(p: Promise<unknown>): Promise<SluiceError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(SluiceError);
  return e as SluiceError;
}

describe("compressions", () => {
  it.each([
    ["bzip2", [0x42, 0x5a, 0x68, 0x39]],
    ["xz", [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
    ["zstd", [0x28, 0xb5, 0x2f, 0xfd]],
    ["zip", [0x50, 0x4b, 0x03, 0x04]],
  ])("a %s file is SLU5033 naming the file and the format, from every reader", async (format, magic) => {
    const bytes = Buffer.from([...magic, 0, 1, 2, 3]);
    expect(() => compressionOfBytes(bytes, "t")).toThrow(SluiceError);
    for (const [name, read] of [["csv", (f: string) => readTraceTable([f])], ["jsonl", (f: string) => readTraceTable([f])], ["log", (f: string) => readLambdaReports(f)]] as const) {
      const file = path.join(dir, `t-${format}.${name}`);
      await writeFile(file, bytes);
      const err = await errorOf(read(file));
      expect(err.issues[0]).toMatchObject({ code: codeOf("traces.compressed"), path: [file], actual: format });
      expect(err.message).toContain(`${format}-compressed`);
    }
  });

  it("plain text is not compressed, whatever it starts with", () => {
    expect(compressionOfBytes(Buffer.from("func,start\n"), "t.csv")).toBe("none");
    expect(compressionOfBytes(new Uint8Array(0), "empty.csv")).toBe("none");
  });

  it("a truncated gzip file is a cannot-read error naming it, not a crash or a hang", async () => {
    const whole = gzipSync(Buffer.from("func,input_bytes,runtime_ms\n" + "f,1000,10\n".repeat(5000)));
    const file = path.join(dir, "cut.csv.gz");
    await writeFile(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const err = await errorOf(readTraceTable([file]));
    expect(err.issues[0]).toMatchObject({ code: codeOf("io.cannotRead"), path: [file] });
    const log = path.join(dir, "cut.log.gz");
    await writeFile(log, whole.subarray(0, 40));
    expect((await errorOf(readTraceText(log))).issues[0]).toMatchObject({ code: codeOf("io.cannotRead"), path: [log] });
  });

  it("decompresses the text to sniff and splits no character (multi-byte names past 64 KiB)", async () => {
    const text = "func,input_bytes,runtime_ms\n" + "ƒünçtiön,1000,10\n".repeat(10_000);
    const file = path.join(dir, "utf8.csv.gz");
    await writeFile(file, gzipSync(text));
    const { compression, text: head } = await peekTraceFile(file);
    expect(compression).toBe("gzip");
    expect(text.startsWith(head)).toBe(true);
    expect(head.length).toBeGreaterThan(30_000);
    const read = await readTraceTable([file]);
    expect(read.table.toRecords().every((r) => r.function === "ƒünçtiön")).toBe(true);
    expect(read.table.toRecords()).toHaveLength(10_000);
  });
});
