import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCsvTraces } from "../traces/read-csv-traces.js";
import { BUNDLED_MODELS_DIR, loadBundledTrainedProfiles } from "./bundled-trained.js";
import { loadProfiles } from "./load-profiles.js";
import { defaultProfiles } from "./default-profiles.js";

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

  it("gives no sets for a folder that does not exist", async () => {
    await expect(loadBundledTrainedProfiles("/nonexistent/models")).resolves.toEqual([]);
  });
});
