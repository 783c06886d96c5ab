import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { killSaves } from "../../../test/support/kill-saves.js";
import { loadProfiles } from "./load-profiles.js";
import type { ProfileSet } from "../set/profile-set.js";
import { repairModelFolder, resolveModelFolder, writeModelFolder } from "./model-folder.js";
import { saveProfiles } from "./save-profiles.js";
import { generateTraces, SYNTHETIC_SORT } from "../../../test/support/synthetic-traces.js";
import { trainProfiles } from "../train/train-profiles.js";

const MB = 1e6;
let root: string;
let a: ProfileSet;
let b: ProfileSet;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sluice-model-folder-"));
  const records = generateTraces(SYNTHETIC_SORT, { inputBytes: [1, 2, 4, 8, 16, 32].map((m) => m * MB), noise: 0.05, seed: 1 });
  a = await trainProfiles(records, { model: "linear" });
  // B carries MLP weights, so weights.bin differs in size as well as content.
  b = await trainProfiles(records, { model: { runtimeMs: "mlp" }, seed: 3 });
});
afterAll(() => rm(root, { recursive: true, force: true }));

const list = async (d: string) => (await readdir(d)).sort();

describe("model folders are replaced whole", () => {
  it("a new folder appears with its files and no sibling is left", async () => {
    const d = path.join(root, "fresh", "m");
    await writeModelFolder(d, [{ name: "x.txt", data: "1" }, { name: "y.bin", data: new Uint8Array([1, 2]) }]);
    expect(await list(d)).toEqual(["x.txt", "y.bin"]);
    expect(await list(path.dirname(d))).toEqual(["m"]);
  });

  it("replacing drops files the new content does not have (the pair is swapped, not mixed)", async () => {
    const d = path.join(root, "swap", "m");
    await writeModelFolder(d, [{ name: "old-only.txt", data: "o" }, { name: "both.txt", data: "old" }]);
    await writeModelFolder(d, [{ name: "both.txt", data: "new" }]);
    expect(await list(d)).toEqual(["both.txt"]);
  });

  it("after a kill between the two renames, readers take the complete new folder and the next save puts things right", async () => {
    const parent = path.join(root, "mid");
    const d = path.join(parent, "m");
    await saveProfiles(a, d);
    // the state a kill leaves between "rename NAME aside" and "rename new into place"
    await saveProfiles(b, path.join(parent, "staged"));
    await rename(d, path.join(parent, ".m.sluice-old-1-x"));
    await rename(path.join(parent, "staged"), path.join(parent, ".m.sluice-new-1-x"));
    await mkdir(path.join(parent, ".m.sluice-tmp-2-y"));
    await writeFile(path.join(parent, ".m.sluice-tmp-2-y", "profiles.json"), '{"trunc');
    expect(await resolveModelFolder(d)).toBe(path.join(parent, ".m.sluice-new-1-x"));
    expect(JSON.stringify((await loadProfiles(d)).data.functions)).toBe(JSON.stringify((await loadProfiles(path.join(parent, ".m.sluice-new-1-x"))).data.functions));
    await repairModelFolder(d);
    expect(await list(parent)).toEqual(["m"]);
  });

  it("a saving process killed at random points leaves the old or the new model, and the next save leaves no temporary", async () => {
    // The quick run (6 kills); bench/kill-save.bench.ts runs 200.
    const outcome = await killSaves({ root: path.join(root, "kills"), a, b, kills: 6, seed: 11, maxDelayMs: 40 });
    expect(outcome.failures).toEqual([]);
    expect(outcome.loadedOld + outcome.loadedNew).toBe(6);
  }, 120_000);
});
