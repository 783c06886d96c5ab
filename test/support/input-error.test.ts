import { describe, expect, it } from "vitest";
import { InputError, sluiceError } from "../../src/errors.js";
import { rejectedInputError, thrownInputError } from "./input-error.js";

const inputError = () => sluiceError("dag.wrongType", { path: ["stages"], expected: "an array", actual: "null" });

describe("thrownInputError / rejectedInputError", () => {
  it("return the InputError thrown or rejected with", async () => {
    expect(thrownInputError(() => { throw inputError(); })).toBeInstanceOf(InputError);
    expect(await rejectedInputError(async () => { throw inputError(); })).toBeInstanceOf(InputError);
  });
  it("rethrow anything else", async () => {
    expect(() => thrownInputError(() => { throw new RangeError("other"); })).toThrow(RangeError);
    await expect(rejectedInputError(async () => { throw new RangeError("other"); })).rejects.toThrow(RangeError);
  });
  it("fail when nothing is thrown", async () => {
    expect(() => thrownInputError(() => 1)).toThrow("expected an InputError");
    await expect(rejectedInputError(async () => 1)).rejects.toThrow("expected an InputError");
  });
});
