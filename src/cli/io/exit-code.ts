/**
 * Maps whatever a command threw to what the user sees and the sysexits code: a SluiceError prints
 * its issues and exits with its category's code; a system error on a file we read or wrote
 * becomes the catalogue's I/O entry; anything else is a bug: "internal error" with its stack, 70.
 */
import { SluiceError, sluiceError } from "../../errors.js";

const READ_CODES = new Set(["ENOENT", "EISDIR", "ENOTDIR", "EACCES", "EPERM", "ELOOP", "ENAMETOOLONG"]);
const WRITE_CODES = new Set(["ENOSPC", "EROFS", "EDQUOT", "EFBIG", "EIO", "EEXIST", "EXDEV", "EBUSY"]);

/** A Node system error from fs, as a catalogued SluiceError (or undefined if it is not one). */
export function fromSystemError(err: unknown): SluiceError | undefined {
  if (!(err instanceof Error) || !("code" in err) || typeof err.code !== "string") return undefined;
  const path = "path" in err && typeof err.path === "string" ? [err.path] : [];
  const reason = err.message.replace(/^[A-Z]+: /, "");
  if (WRITE_CODES.has(err.code)) return sluiceError("io.cannotWrite", { path, params: { reason } }, { what: "Cannot write", cause: err });
  if (READ_CODES.has(err.code)) return sluiceError("io.cannotRead", { path, params: { reason } }, { what: "Cannot read", cause: err });
  return undefined;
}

/** Writes the error for the user and returns the exit code. */
export function reportError(err: unknown, prog: string, write: (text: string) => void = (t) => process.stderr.write(t)): number {
  const known = err instanceof SluiceError ? err : fromSystemError(err);
  if (known !== undefined) {
    write(`${prog}: ${known.message}\n`);
    return known.exitCode;
  }
  write(`${prog}: internal error (a bug in Sluice; please report it): ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  return 70;
}
