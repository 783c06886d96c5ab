import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCsvTraces } from "../traces/read-csv-traces.js";
import { BUNDLED_MODELS_DIR, loadBundledTrainedProfiles } from "./bundled-trained.js";
import { loadProfiles } from "./store/load-profiles.js";
import { defaultProfiles } from "./defaults/default-profiles.js";

describe("bundled trained profiles", () => {
  it("ship one set per dataset, each trained on exactly that dataset's traces", async () => {
    const csvs = (await readdir("datasets")).filter((f) => f.endsWith(".csv")).sort();
    expect(csvs.length).toBeGreaterThanOrEqual(4);
    for (const csv of csvs) {
      const { records } = await readCsvTraces(path.join("datasets", csv));
      // loadProfiles throws on a trace-hash mismatch: the models must be re-made when the traces change.
      await expect(loadProfiles(path.join(BUNDLED_MODELS_DIR, path.basename(csv, ".csv")), { traces: records })).resolves.toBeDefined();
    }
  });

  it("answer for their functions in the default profiles; analytic profiles answer for the rest", async () => {
    const sets = await loadBundledTrainedProfiles();
    const trained = new Set(sets.flatMap((s) => s.functionNames));
    expect(trained).toContain("sort-map");
    const defaults = await defaultProfiles();
    expect(defaults.functionNames).toEqual(expect.arrayContaining(["sort-map", "sort-reduce", "wc-map", "q-join", "kmeans", "video-split", "lightgbm-train"]));
    const sortMap = sets.find((s) => s.functionNames.includes("sort-map"))!.profileFor("sort-map", {})!;
    expect(defaults.profileFor("sort-map", {})!.runtimeMs(5e7)).toBe(sortMap.runtimeMs(5e7));
  });

  it("never extrapolate sort-reduce's memory with a family that explodes (it reached 10 GB at 100 GiB)", async () => {
    const sets = await loadBundledTrainedProfiles();
    const sort = sets.find((s) => s.functionNames.includes("sort-reduce"))!;
    const memory = sort.data.functions["sort-reduce"]!.targets.memoryMb!;
    expect(["poly2", "poly3"]).not.toContain(memory.model.family);
    // Traced on 0.26–5.9 MB per reducer; 100 GiB over 64 reducers is 1.7 GB each. The traces hold
    // ≈ 2.5 MB of memory per MB read, so a law that stays near-linear predicts ≈ 4–5 GB, not ≥ 10 GB.
    expect(sort.profileFor("sort-reduce", {})!.memoryMb((100 * 2 ** 30) / 64)).toBeLessThan(10_000);
  });

  it("gives no sets for a folder that does not exist", async () => {
    await expect(loadBundledTrainedProfiles("/nonexistent/models")).resolves.toEqual([]);
  });
});
