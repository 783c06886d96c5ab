import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveProfiles } from "../../../src/profiles/store/save-profiles.js";
import { generateTraces, SYNTHETIC_SORT } from "../synthetic-traces.js";
import { trainProfiles } from "../../../src/profiles/train/train-profiles.js";
import { runFuzz } from "./run-fuzz.js";
import { csvTarget, jsonlTarget, lambdaTarget, modelTarget, planTarget, simulateTarget, traceFilesTarget, type FuzzTarget } from "./targets.js";

// A small seeded sample of what `npm run bench:fuzz` runs 10,000+ times: every case ends in a
// result with only finite numbers or a catalogued (non-internal) error. Timing is the benchmark's job.
let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sluice-fuzz-"));
  const records = generateTraces(SYNTHETIC_SORT, { inputBytes: [1, 2, 4, 8, 16, 32].map((m) => m * 1e6), noise: 0.05, seed: 1 });
  await saveProfiles(await trainProfiles(records, { model: { runtimeMs: "mlp" } }), path.join(root, "model"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("fuzzing (seeded sample)", () => {
  it.each([
    { name: "plan", count: 120, target: () => planTarget },
    { name: "simulate", count: 40, target: () => simulateTarget },
    { name: "csv", count: 60, target: () => csvTarget },
    { name: "jsonl", count: 40, target: () => jsonlTarget },
    { name: "lambda", count: 40, target: () => lambdaTarget },
    { name: "model", count: 60, target: () => modelTarget(path.join(root, "model"), path.join(root, "scratch")) },
    { name: "files", count: 60, target: () => traceFilesTarget(path.join(root, "files")) },
  ])("$name: $count cases, no crash and no NaN or Infinity", async ({ count, target }) => {
    const tally = await runFuzz(target() as FuzzTarget<unknown>, count, 20_261_203);
    expect(tally.failures).toEqual([]);
    expect(tally.kinds.result + tally.kinds.error).toBe(count);
  }, 300_000);
});
