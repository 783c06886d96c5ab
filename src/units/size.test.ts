import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { formatBytes, parseSizeBytes } from "./size.js";

describe("parseSizeBytes", () => {
  it.each([
    { size: 1536, bytes: 1536 },
    { size: 0.5, bytes: 0.5 },
    { size: "42", bytes: 42 },
    { size: " 42 ", bytes: 42 },
    { size: "1e3", bytes: 1000 },
    { size: "7 B", bytes: 7 },
    { size: "1 kB", bytes: 1e3 },
    { size: "200 MB", bytes: 200e6 }, // decimal: 200 · 10^6
    { size: "1.5GB", bytes: 1.5e9 },
    { size: "2 TB", bytes: 2e12 },
    { size: "512KiB", bytes: 512 * 1024 }, // binary: 524,288
    { size: "15 MiB", bytes: 15 * 1024 ** 2 },
    { size: "10 GiB", bytes: 10 * 1024 ** 3 },
    { size: "1.5 gib", bytes: 1.5 * 1024 ** 3 }, // units are case-insensitive
    { size: "1 TiB", bytes: 1024 ** 4 },
    { size: ".5 MB", bytes: 5e5 },
  ])("$size → $bytes B", ({ size, bytes }) => {
    expect(parseSizeBytes(size)).toBe(bytes);
  });

  it.each([
    { size: "", code: "SLU6001" },
    { size: "abc", code: "SLU6001" },
    { size: "10 XB", code: "SLU6001" },
    { size: "10 GiB extra", code: "SLU6001" },
    { size: "-5 MB", code: "SLU6001" },
    { size: "0 MB", code: "SLU6003" },
    { size: 0, code: "SLU6003" },
    { size: -1, code: "SLU6003" },
    { size: Number.NaN, code: "SLU6003" },
    { size: Number.POSITIVE_INFINITY, code: "SLU6003" },
    { size: null, code: "SLU6002" },
    { size: { bytes: 5 }, code: "SLU6002" },
  ])("rejects $size ($code)", ({ size, code }) => {
    let error: unknown;
    try {
      parseSizeBytes(size as number | string);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const issue = (error as InputError).issues[0]!;
    expect(issue.code).toBe(code);
    expect(issue.path).toEqual(["inputSize"]);
    expect(issue.expected).toBeDefined();
  });

  it("names the field it was given", () => {
    expect(() => parseSizeBytes("lots", "options.cacheCapacity")).toThrow(/options\.cacheCapacity: not a size; expected .*; got "lots"/);
  });
});

describe("formatBytes", () => {
  it.each([
    { bytes: 0, text: "0 B" },
    { bytes: 1023, text: "1023 B" },
    { bytes: 1024, text: "1.00 KiB" },
    { bytes: 1536, text: "1.50 KiB" },
    { bytes: 200e6, text: "190.73 MiB" }, // 200,000,000 / 1,048,576 = 190.73
    { bytes: 1610612736, text: "1.50 GiB" },
    { bytes: 5 * 1024 ** 4, text: "5.00 TiB" },
    { bytes: 2048 * 1024 ** 4, text: "2048.00 TiB" }, // no unit above TiB
  ])("$bytes B → $text", ({ bytes, text }) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it("round-trips through parseSizeBytes to the shown precision", () => {
    const bytes = 3.25 * 1024 ** 3;
    expect(parseSizeBytes(formatBytes(bytes))).toBe(bytes);
  });
});
