/**
 * Vitest setup: when SLUICE_ERROR_COVERAGE names a folder, every catalogue code a test file raises
 * (through `issue()`, in this process) is appended to a file there when the test file ends.
 * `npm run errors:coverage` runs the suite this way and lists the codes no test raises.
 * Without the variable it does nothing.
 */
import { appendFileSync } from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { watchIssues } from "../../src/errors/issue.js";

const dir = process.env.SLUICE_ERROR_COVERAGE;
if (dir !== undefined && dir !== "") {
  const codes = new Set<string>();
  watchIssues((code) => codes.add(code));
  afterAll(() => {
    if (codes.size > 0) appendFileSync(path.join(dir, `codes-${process.pid}.txt`), [...codes].join("\n") + "\n");
  });
}
