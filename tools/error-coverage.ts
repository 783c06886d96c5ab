/**
 * `npm run errors:coverage`: runs the whole test suite recording every catalogue code raised in
 * the test processes (test/support/error-coverage-setup.ts), then prints how many of the catalogue's
 * codes were raised and lists the others. Codes raised only inside a CLI child process the tests
 * spawn are not seen (they are counted as not raised). Exits 1 when the suite fails.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CATALOGUE } from "../src/errors/catalogue/index.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "sluice-error-coverage-"));
try {
  const run = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, SLUICE_ERROR_COVERAGE: dir } });
  const raised = new Set(readdirSync(dir).flatMap((f) => readFileSync(path.join(dir, f), "utf8").split("\n").filter((c) => c !== "")));
  const entries = Object.entries(CATALOGUE);
  const missing = entries.filter(([, e]) => !raised.has(e.code));
  console.log(`\nError catalogue coverage: ${entries.length - missing.length} of ${entries.length} codes raised by the tests.`);
  if (missing.length > 0) console.log(`Not raised (${missing.length}):\n${missing.map(([k, e]) => `  ${e.code} ${k}`).join("\n")}`);
  process.exitCode = run.status === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
