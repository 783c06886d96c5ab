/** The size of a regular file in bytes, or a typed "cannot read" error naming the path and what was expected. */
import { stat } from "node:fs/promises";
import { sluiceError } from "../../errors.js";

export async function regularFileBytes(path: string, expected: string): Promise<number> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error("not a regular file");
    return s.size;
  } catch (e) {
    throw sluiceError("io.cannotRead", { path: [path], expected, params: { reason: (e as Error).message } }, { what: `Cannot read ${path}` });
  }
}
