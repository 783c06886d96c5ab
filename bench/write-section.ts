/** Replaces one `## Heading` section of bench/RESULTS.md (or appends it), atomically. */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

export function writeResultsSection(heading: string, body: string, file = "bench/RESULTS.md"): void {
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmark results\n\nFigures measured on this project's machine; each section names its machine, date and command.\n";
  const start = current.indexOf(`## ${heading}\n`);
  const section = `## ${heading}\n\n${body.trim()}\n\n`;
  let next: string;
  if (start < 0) next = current.trimEnd() + "\n\n" + section;
  else {
    const after = current.indexOf("\n## ", start + 3);
    next = current.slice(0, start) + section + (after < 0 ? "" : current.slice(after + 1));
  }
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, next.trimEnd() + "\n");
  renameSync(tmp, file);
}
