import { describe, expect, it } from "vitest";
import { computeMape } from "../set/fit-metrics.js";
import { formatMetricsTable } from "./format-metrics.js";
import { predict } from "../set/predict.js";
import { generateTraces, SYNTHETIC_SORT } from "../../../test/support/synthetic-traces.js";
import { trainProfiles } from "../train/train-profiles.js";
import { PROFILE_TARGETS } from "../types.js";

const MB = 1e6;

describe("the metrics table shows the model predict uses", async () => {
  const records = generateTraces(SYNTHETIC_SORT, { inputBytes: [1, 2, 4, 8, 16, 32].map((m) => m * MB), repeats: 3, noise: 0.1, seed: 6 });
  const set = await trainProfiles(records, { backend: "cpu", mlp: { epochs: 60 } });
  const table = formatMetricsTable(set.data);

  it.each(SYNTHETIC_SORT.flatMap((f) => PROFILE_TARGETS.map((t) => [f.function, t] as const)))("%s %s: its fit MAPE is predict's median error over the training rows", (fn, t) => {
    // Before, predict's median was the model shifted by the median held-out residual, which the table never scored.
    const rows = records.filter((r) => r.function === fn);
    const medians = rows.map((r) => predict(set, fn, r.inputBytes)[t]!.median);
    const d = set.data.functions[fn]!.targets[t]!;
    const mape = computeMape(rows.map((r) => r[t]!), medians);
    expect(mape).toBeCloseTo(d.metrics.fitMapePercent ?? 0, 6);
    const line = table.split("\n").find((l) => l.startsWith(fn + " ") && l.includes(` ${t} `))!;
    expect(line).toContain(d.model.family + ":");
    expect(line).toContain(d.metrics.fitMapePercent === null ? "–" : d.metrics.fitMapePercent.toFixed(2));
  });
});

describe("targets not trained", () => {
  it("a target no function has is one line, not one per function; one some lack is named per function", async () => {
    const records = generateTraces(SYNTHETIC_SORT, { inputBytes: [1, 2, 4, 8].map((m) => m * MB), repeats: 2, noise: 0.05, seed: 3 }).map(({ memoryMb: _, ...r }) => ({ ...r, ...(r.function === SYNTHETIC_SORT[0]!.function ? {} : { outputBytes: undefined }) }));
    const set = await trainProfiles(records, { backend: "cpu", model: "linear" });
    const notTrained = formatMetricsTable(set.data).split("Not trained (no rows):\n")[1]!.trimEnd().split("\n");
    const n = SYNTHETIC_SORT.length;
    // memoryMb: in no row of any function; outputBytes: only the first function has it
    expect(notTrained[0]).toBe(`  memoryMb: no row of any of the ${n} functions has it`);
    expect(notTrained.slice(1)).toHaveLength(n - 1);
    for (const line of notTrained.slice(1)) expect(line).toMatch(/^ {2}\S+ warm outputBytes: no warm row of \S+ has outputBytes$/);
  });
});
