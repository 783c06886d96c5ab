/** The pre-catalogue shorthand, kept so older call sites compile; new code uses `sluiceError(key, …)`. */
import { InputError } from "./error-classes.js";
import type { Issue } from "./issue.js";

/** @deprecated Use `sluiceError(key, fields)`. */
export function inputError(what: string, issue: Issue): InputError {
  return new InputError(what, [issue]);
}
