import { describe, expect, it } from "vitest";
import { codeOf } from "../errors.js";
import { readDefaultExport } from "./interop.js";

const solve = () => 42;
const isFunction = (v: unknown) => typeof v === "function";

describe("readDefaultExport", () => {
  it.each([
    // the ESM build: default is the value
    { shape: "default is the value", module: { default: solve } },
    // CommonJS through interop: default.default is the value
    { shape: "default.default is the value", module: { default: { default: solve } } },
  ])("reads a package whose $shape", ({ module }) => {
    expect(readDefaultExport<typeof solve>(module, isFunction)()).toBe(42);
  });

  it.each([
    { shape: "no default export", module: { solve } },
    { shape: "a default of another kind", module: { default: { solve } } },
    { shape: "a nested default of another kind", module: { default: { default: 42 } } },
  ])("a package with $shape is SLU9007 (reinstall), exit 69", ({ module }) => {
    expect(() => readDefaultExport(module, isFunction)).toThrow(expect.objectContaining({ code: codeOf("internal.unexpectedPackageShape"), exitCode: 69 }));
  });
});
