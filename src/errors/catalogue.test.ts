import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUE, codeOf, keyOfCode } from "./catalogue/index.js";
import { ERROR_CATEGORIES, EXIT_CODES } from "./entry.js";
import { renderErrorsDoc } from "./render-errors-doc.js";

const entries = Object.entries(CATALOGUE);

// The area a key's prefix belongs to, and the code range the catalogue's header gives it.
const RANGES: Record<string, [number, number]> = {
  option: [1000, 1199], cli: [1200, 1299], dag: [2000, 2199], platform: [3000, 3099], profiles: [4000, 4199],
  traces: [5000, 5199], columns: [5000, 5199], size: [6000, 6199], plan: [6000, 6199], decisions: [6000, 6199],
  solve: [6000, 6199], lp: [6500, 6599], simulate: [7000, 7099], execute: [7500, 7699], calibrate: [7700, 7799], workloads: [7900, 7999], io: [8000, 8099], interop: [8500, 8599], internal: [9000, 9099],
};

describe("the error catalogue", () => {
  it("gives every entry a unique code of the form SLU + 4 digits, in its area's range", () => {
    const codes = entries.map(([, e]) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [key, e] of entries) {
      expect(e.code, key).toMatch(/^SLU\d{4}$/);
      const range = RANGES[key.slice(0, key.indexOf("."))];
      expect(range, `${key} has a known area`).toBeDefined();
      const n = Number(e.code.slice(3));
      expect(n >= range![0] && n <= range![1], `${key} ${e.code} in ${range}`).toBe(true);
    }
  });

  it("gives every entry a category with a sysexits code, a message and a hint", () => {
    for (const [key, e] of entries) {
      expect(ERROR_CATEGORIES, key).toContain(e.category);
      expect(e.message.length, key).toBeGreaterThan(0);
      expect(e.hint.length, key).toBeGreaterThan(10);
    }
    // sysexits.h: EX_USAGE 64, EX_DATAERR 65, EX_NOINPUT 66, EX_UNAVAILABLE 69, EX_SOFTWARE 70, EX_IOERR 74
    expect(EXIT_CODES).toEqual({ usage: 64, data: 65, "no-input": 66, unavailable: 69, internal: 70, io: 74 });
  });

  it("maps codes to keys and back", () => {
    expect(codeOf("dag.cycle")).toBe("SLU2014");
    expect(keyOfCode("SLU2014")).toBe("dag.cycle");
    expect(keyOfCode("SLU0000")).toBeUndefined();
  });

  it("docs/errors.md is the catalogue rendered (run npm run docs:errors when this fails)", () => {
    expect(readFileSync("docs/errors.md", "utf8")).toBe(renderErrorsDoc());
  });

  it("docs/errors.md lists every code", () => {
    const doc = renderErrorsDoc();
    for (const [, e] of entries) expect(doc).toContain(`| ${e.code} |`);
  });
});
