/**
 * The InputError a call throws (or its promise rejects with), for tests that check its issues.
 * Anything else thrown is rethrown; returning normally fails the test.
 */
import { InputError } from "../../src/errors.js";

export function thrownInputError(call: () => unknown): InputError {
  try {
    call();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}

export async function rejectedInputError(call: () => Promise<unknown>): Promise<InputError> {
  try {
    await call();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}
