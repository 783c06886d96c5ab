/**
 * Reads the CLI's input files: a missing or unreadable file is a no-input error (66), bad JSON or a
 * file over MAX_INPUT_BYTES a data error (65), each naming the file.
 */
import { constants } from "node:buffer";
import { readFile, stat } from "node:fs/promises";
import { SluiceError, sluiceError } from "../../errors.js";
import { fromSystemError } from "./exit-code.js";

/** A DAG or platform JSON larger than this is refused before it is read (a 1M-edge DAG is about 60 MB). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export async function readInputText(file: string, flag: string, maxBytes = MAX_INPUT_BYTES): Promise<string> {
  return (await readInputBytes(file, flag, maxBytes)).toString("utf8");
}

/** The file's bytes (an app input for `sluice run --input-file`), with the same errors as readInputText; the default limit is what one Node buffer holds. */
export async function readInputBytes(file: string, flag: string, maxBytes: number = constants.MAX_LENGTH): Promise<Buffer> {
  try {
    const size = (await stat(file)).size;
    if (size > maxBytes) throw sluiceError("io.inputTooLarge", { path: [file], actual: `${size} bytes`, params: { limit: maxBytes } }, { what: `Cannot read ${flag}` });
    return await readFile(file);
  } catch (err) {
    if (err instanceof SluiceError) throw err;
    const reason = err instanceof Error ? err.message.replace(/^[A-Z]+: /, "") : String(err);
    throw fromSystemError(err) === undefined ? err : sluiceError("io.cannotRead", { path: [file], params: { reason } }, { what: `Cannot read ${flag}`, cause: err });
  }
}

export async function readInputJson(file: string, flag: string): Promise<unknown> {
  const text = await readInputText(file, flag);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw sluiceError("io.notJson", { path: [file], params: { reason: (err as Error).message } }, { what: `Cannot read ${flag}` });
  }
}
