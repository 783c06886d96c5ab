import { describe, expect, it } from "vitest";
import * as sluice from "../index.js";
import { renderErrorsDoc } from "./render-errors-doc.js";
import { sluiceError } from "./error-classes.js";

describe("the error classes docs/errors.md tells users to catch", () => {
  const catchLine = renderErrorsDoc().split("\n").find((l) => l.includes("In code, catch")) ?? "";
  const named = [...catchLine.matchAll(/`(\w+Error)`/g)].map((m) => m[1]!);

  it("names at least the three kinds", () => {
    expect(named).toEqual(expect.arrayContaining(["InputError", "IoError", "InvariantError"]));
  });

  it.each(named)("%s is exported by the package's entry point", (name) => {
    expect(typeof (sluice as Record<string, unknown>)[name]).toBe("function");
  });

  it("an output that cannot be written is caught as the exported IoError", () => {
    const err = sluiceError("io.cannotWrite", { path: ["--out"], params: { reason: "EACCES" } });
    expect(err).toBeInstanceOf(sluice.IoError);
    expect(err).toBeInstanceOf(sluice.SluiceError);
  });
});
