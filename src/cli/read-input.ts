/** Reads the CLI's input files: a missing or unreadable file is a no-input error (66), bad JSON a data error (65), both naming the file. */
import { readFile } from "node:fs/promises";
import { sluiceError } from "../errors.js";
import { fromSystemError } from "./exit-code.js";

export async function readInputText(file: string, flag: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
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
