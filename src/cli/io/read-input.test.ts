import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SluiceError } from "../../errors.js";
import { readInputJson, readInputText } from "./read-input.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sluice-read-input-"));
  await writeFile(path.join(dir, "ten.json"), "[1,2,3,4]\n"); // 10 bytes: "[1,2,3,4]" is 9, plus the newline
  await writeFile(path.join(dir, "bad.json"), "{nope");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("readInputText / readInputJson", () => {
  it.each([
    // file, byte limit, expected code and exit code (sysexits)
    { file: "missing.json", maxBytes: 100, code: "SLU8001", exit: 66 }, // no input
    { file: "ten.json", maxBytes: 9, code: "SLU8005", exit: 65 }, // 10 bytes > 9: refused before reading
  ])("$file with a limit of $maxBytes bytes: $code", async ({ file, maxBytes, code, exit }) => {
    const err = await readInputText(path.join(dir, file), "--dag", maxBytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SluiceError);
    expect((err as SluiceError).code).toBe(code);
    expect((err as SluiceError).exitCode).toBe(exit);
    expect((err as SluiceError).message).toContain(file);
  });

  it("reads a file at exactly the limit", async () => {
    expect(await readInputText(path.join(dir, "ten.json"), "--dag", 10)).toBe("[1,2,3,4]\n");
  });

  it("parses JSON, and names the file when it is not JSON (SLU8002)", async () => {
    expect(await readInputJson(path.join(dir, "ten.json"), "--dag")).toEqual([1, 2, 3, 4]);
    await expect(readInputJson(path.join(dir, "bad.json"), "--dag")).rejects.toMatchObject({ code: "SLU8002" });
  });
});
