import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateDag } from "../../dag/validate-dag.js";
import { estimateStages, type Estimates } from "../../estimate/estimate-stages.js";
import { analyticProfilesSchema, evalSizeLaw, sizeLawSchema, withLawDefaults } from "./analytic.js";
import { parseStrict } from "../../errors.js";
import { BUNDLED_ANALYTIC_SPEC, EXAMPLE_DAGS, bundledAnalyticProfiles } from "./bundled-analytic.js";
import { PROFILE_TARGETS, toProfileProvider } from "../types.js";

const MB = 1e6;
const GB = 1e9;
/** Q95's app input: web_sales (0.9 of it) is 66 GB, web_returns 0.09, the dimensions 0.009. */
const Q95_INPUT = (66 * GB) / 0.9;
const KNOWN = new Set(Object.keys(BUNDLED_ANALYTIC_SPEC));
const PROVIDER = toProfileProvider(bundledAnalyticProfiles());

function readExample(file: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../examples/dags/${file}`, import.meta.url), "utf8"));
}

function estimateExample(file: string, inputBytes: number): Estimates {
  return estimateStages(validateDag(readExample(file), KNOWN), inputBytes, PROVIDER);
}

function stage(est: Estimates, id: string) {
  const s = est.stages.get(id);
  if (s === undefined) throw new Error(`no stage ${id}`);
  return s;
}

describe("the bundled analytic spec", () => {
  // bundledAnalyticProfiles() trusts the spec (no parse at start-up): this is where it is checked.
  it("passes the strict analytic schema (no unknown key, finite numbers, scale ≥ 0)", () => {
    expect(() => parseStrict(analyticProfilesSchema, BUNDLED_ANALYTIC_SPEC, { unknownKey: "profiles.analyticUnknownKey", wrongType: "profiles.analyticWrongType", badValue: "profiles.analyticBadValue" }, "bundled")).not.toThrow();
  });

  it("is used with exactly the laws the schema would parse (defaults offset 0, exponent 1)", () => {
    const parsed = analyticProfilesSchema.parse(BUNDLED_ANALYTIC_SPEC);
    expect(withLawDefaults(BUNDLED_ANALYTIC_SPEC)).toStrictEqual(parsed);
  });

  it("is built once: every call returns the same functions", () => {
    expect(bundledAnalyticProfiles()).toBe(bundledAnalyticProfiles());
  });
});

describe("bundled example DAGs", () => {
  it.each(EXAMPLE_DAGS.map((e) => [e.file, e] as const))("%s validates against the bundled functions and estimates at its nominal input", (_file, ex) => {
    const dag = validateDag(readExample(ex.file), KNOWN);
    expect(dag.name).toBe(ex.name);
    const est = estimateStages(dag, ex.nominalInputBytes, PROVIDER);
    expect(est.stages.size).toBe(dag.stages.length);
  });

  it("lists every file in examples/dags and uses every bundled function", () => {
    const files = new Set(EXAMPLE_DAGS.map((e) => e.file));
    expect(files.size).toBe(EXAMPLE_DAGS.length);
    const used = new Set<string>();
    for (const ex of EXAMPLE_DAGS) {
      const dag = validateDag(readExample(ex.file), KNOWN);
      for (const s of dag.stages) used.add(s.function);
    }
    expect([...used].sort()).toEqual([...KNOWN].sort());
  });

  it("ships the sort example in its canonical shape: at least SONIC's 30 mappers, counts open for plan() to size", () => {
    expect(readExample("mapreduce-sort.json")).toEqual({
      name: "mapreduce-sort",
      stages: [
        { id: "map", function: "sort-map", instances: { min: 30, max: 10000 } },
        { id: "reduce", function: "sort-reduce", instances: "auto" },
      ],
      edges: [{ from: "map", to: "reduce", pattern: "shuffle" }],
    });
  });
});

describe("instance counts at the nominal inputs", () => {
  // [file, inputBytes, stage, instances, arithmetic]
  const cases: [string, number, string, number, string][] = [
    ["video-analytics.json", 15 * MB, "split", 1, "root without a count"],
    ["video-analytics.json", 15 * MB, "extract", 19, "SONIC: 1 + 18 · 15 MB / 15 MB = 19"],
    ["video-analytics.json", 15 * MB, "classify", 19, "one-to-one from extract"],
    ["lightgbm.json", 200 * MB, "pca", 1, "root"],
    ["lightgbm.json", 200 * MB, "train", 6, "open, not yet sized: SONIC's fanout 6 + 0 · x = 6, within 6–10000"],
    ["lightgbm.json", 200 * MB, "combine", 1, "gather"],
    ["mapreduce-sort.json", 1.5 * GB, "map", 30, "open, not yet sized: its range's minimum"],
    ["mapreduce-sort.json", 1.5 * GB, "reduce", 30, "open, not yet sized: SONIC's fanout 1 + 29 · 1.5 GB / 1.5 GB = 30"],
    ["tpcds-q95.json", Q95_INPUT, "scan-web-sales", 128, "fixed"],
    ["tpcds-q95.json", Q95_INPUT, "ws-wh", 67, "1 + 66 GB / 1 GB = 67"],
    ["tpcds-q95.json", Q95_INPUT, "ws-filtered", 67, "max(67 from the web_sales shuffle, 1 from the dims broadcast)"],
    ["tpcds-q95.json", Q95_INPUT, "returned-orders", 67, "one-to-one from ws-wh"],
    ["tpcds-q95.json", Q95_INPUT, "semi-join", 67, "one-to-one"],
    ["tpcds-q95.json", Q95_INPUT, "aggregate", 1, "gather"],
    ["wide-fanout.json", 2 * GB, "workers", 200, "1 + 199 · 2 GB / 2 GB = 200 (scatter from 1: a multiple of 1)"],
    ["wide-fanout.json", 2 * GB, "combine", 100, "1 + 99 · 2 GB / 2 GB = 100 (workers' stage input is 2 GB)"],
    ["wide-fanout.json", 2 * GB, "sink", 1, "gather"],
  ];
  it.each(cases)("%s at %d B: %s runs %d (%s)", (file, inputBytes, id, instances) => {
    expect(stage(estimateExample(file, inputBytes), id).instances).toBe(instances);
  });
});

describe("calibrated per-instance figures at the nominal inputs", () => {
  // [file, inputBytes, stage, target, expected, arithmetic]
  const cases: [string, number, string, "instanceInputBytes" | "runtimeMs" | "memoryMb" | "outputBytes", number, string][] = [
    ["video-analytics.json", 15 * MB, "extract", "instanceInputBytes", 15 * MB / 19, "15 MB over 19 chunks ≈ 789 kB"],
    ["video-analytics.json", 15 * MB, "extract", "runtimeMs", 250 + (15 * MB / 19) / (0.8 * MB) * 1000, "250 + 0.789 MB / 0.8 MB/s ≈ 1237 ms"],
    ["lightgbm.json", 200 * MB, "train", "instanceInputBytes", 50 * MB / 6, "shuffle (data-parallel): 0.25 · 200 MB over 6 trainers"],
    ["lightgbm.json", 200 * MB, "train", "runtimeMs", 1000 + (50 / 6 / 5) * 1000, "1000 + 8.33 MB / 5 MB/s ≈ 2667 ms"],
    ["lightgbm.json", 200 * MB, "pca", "memoryMb", 800, "200 + 3 · 200"],
    ["mapreduce-sort.json", 1.5 * GB, "map", "runtimeMs", 150 + (50 / 67) * 1000, "150 + 50 MB / 67 MB/s ≈ 896 ms"],
    ["mapreduce-sort.json", 1.5 * GB, "reduce", "instanceInputBytes", 50 * MB, "shuffle: 1.5 GB / 30"],
    ["mapreduce-sort.json", 1.5 * GB, "reduce", "memoryMb", 253, "128 + 2.5 · 50"],
    ["tpcds-q95.json", Q95_INPUT, "ws-wh", "instanceInputBytes", (0.15 * 66 * GB) / 67, "0.15 · 66 GB / 67 ≈ 148 MB"],
    ["tpcds-q95.json", Q95_INPUT, "aggregate", "instanceInputBytes", 67 * 0.02 * (0.1 * 0.05 * 9.9 * GB / 67 + (0.005 * 66 * GB) * 0.1 / 67 + 2e-4 * (9.9 * GB / 67 + 1.2e-5 * 66 * GB)), "67 semi-join outputs of 2% of (returned keys + filtered rows) ≈ 1.7 MB"],
    ["wide-fanout.json", 2 * GB, "combine", "instanceInputBytes", 10 * MB, "0.5 · 2 GB / 100"],
  ];
  it.each(cases)("%s at %d B: %s.%s ≈ %d (%s)", (file, inputBytes, id, target, expected) => {
    expect(stage(estimateExample(file, inputBytes), id)[target]).toBeCloseTo(expected, 3);
  });

  it("keeps every stage's memory within 128 MB – 10 GB at the nominal input", () => {
    for (const ex of EXAMPLE_DAGS) {
      for (const s of estimateExample(ex.file, ex.nominalInputBytes).stages.values()) {
        expect(s.memoryMb, `${ex.file} ${s.stageId}`).toBeGreaterThanOrEqual(128);
        expect(s.memoryMb, `${ex.file} ${s.stageId}`).toBeLessThanOrEqual(10_240);
      }
    }
  });

  it("spans Q95 stage inputs from about 1 MB to tens of GB (Locus: 0.8 MB – 66 GB)", () => {
    const inputs = [...estimateExample("tpcds-q95.json", Q95_INPUT).stages.values()].map((s) => s.stageInputBytes);
    expect(Math.min(...inputs)).toBeGreaterThan(0.5 * MB);
    expect(Math.min(...inputs)).toBeLessThan(2 * MB);
    expect(Math.max(...inputs)).toBe(66 * GB);
  });
});

describe("bundled laws", () => {
  const names = Object.keys(BUNDLED_ANALYTIC_SPEC) as (keyof typeof BUNDLED_ANALYTIC_SPEC)[];
  // 1 KB, 10 KB, …, 100 GB
  const grid = Array.from({ length: 9 }, (_, i) => 10 ** (3 + i));

  it.each(names)("%s has a note, and laws that are non-negative and non-decreasing from 1 KB to 100 GB", (name) => {
    const spec = BUNDLED_ANALYTIC_SPEC[name];
    expect(spec.note.length).toBeGreaterThan(40);
    for (const target of PROFILE_TARGETS) {
      const law = sizeLawSchema.parse(spec[target]);
      const values = grid.map((x) => evalSizeLaw(law, x));
      values.forEach((v, i) => {
        expect(Number.isFinite(v) && v >= 0, `${target} at ${grid[i]} B = ${v}`).toBe(true);
        if (i > 0) expect(v).toBeGreaterThanOrEqual(values[i - 1]!);
      });
      if (target === "fanout") expect(Math.round(values[0]!)).toBeGreaterThanOrEqual(1);
    }
  });

  it("estimates stay finite and non-negative for every example from 1 KB to 100 GB", () => {
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLE_DAGS), fc.double({ min: 3, max: 11, noNaN: true }), (ex, log10Bytes) => {
        const est = estimateExample(ex.file, 10 ** log10Bytes);
        for (const s of est.stages.values()) {
          expect(Number.isInteger(s.instances) && s.instances >= 1).toBe(true);
          for (const v of [s.instanceInputBytes, s.stageInputBytes, s.runtimeMs, s.memoryMb, s.instanceOutputBytes, s.outputBytes, s.predictedFanout]) {
            expect(Number.isFinite(v) && v >= 0).toBe(true);
          }
        }
        for (const f of est.flows) {
          for (const v of [f.totalBytes, f.bytesPerReader, f.bytesOutPerSender, f.totalReadBytes, f.getsPerReader, f.putsPerSender]) {
            expect(Number.isFinite(v) && v >= 0).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
