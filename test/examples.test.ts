import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

// The notebook-style scripts in examples/ run end to end and print what they promise.
describe.each([
  ["01-plan.ts", /SONIC's modes only/],
  ["02-what-if.ts", /cache, not admitted .* infeasible: cache mode needs pca's output admitted/],
  ["03-train-profiles.ts", /plan: .* memory map \d+ MB/],
  ["04-simulate.ts", /Sluice: predicted [\d.]+ s, simulated [\d.]+ s/],
  ["05-import-step-functions.ts", /exported state machine: Sluice instances → Validate input → Extract frames ×60 → Tag frames ×60 → Summarise[\s\S]*5 of 6 task runs read/],
  ["06-import-sebs-flow.ts", /wc_count \(stage count\) has no profile: planned with wc-map's profile[\s\S]*exported 7 top-level states/],
  ["08-traces-you-have.ts", /harness CSV\s+24 rows: runtime 28\.0 ms at 8 MB[\s\S]*semicolons, decimal commas\s+24 rows: runtime 28\.0 ms[\s\S]*OpenTelemetry spans\s+24 rows: runtime 28\.0 ms at 8 MB, 195\.9 ms at 64 MB, cold starts apart[\s\S]*Logs Insights \+ sizes\s+24 rows: runtime 28\.0 ms at 8 MB, 195\.9 ms at 64 MB, cold starts apart/],
  ["07-import-serverless-workflow.ts", /polling once: [\d.]+ s; polling 8 times: [\d.]+ s[\s\S]*states: submitLoad → checkLoad → transform → notify/],
])("examples/%s", (file, expected) => {
  it("runs and prints its result", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", `examples/${file}`], { timeout: 120_000 });
    expect(stdout).toMatch(expected);
  });
});
