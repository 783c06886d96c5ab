/** Writes a file atomically: the text goes to a temporary file beside it, then is renamed over it. */
import { renameSync, writeFileSync } from "node:fs";

export function writeFileAtomic(path: string, text: string): void {
  const tmpPath = `${path}.tmp-${process.pid}`;
  writeFileSync(tmpPath, text);
  renameSync(tmpPath, path);
}
