import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf } from "../../errors.js";
import { loadProfiles } from "./load-profiles.js";
import { predict } from "../set/predict.js";
import type { ProfileSet } from "../set/profile-set.js";
import { saveProfiles, sha256 } from "./save-profiles.js";
import { generateTraces, SYNTHETIC_SORT } from "../../../test/support/synthetic-traces.js";
import { trainProfiles } from "../train/train-profiles.js";
import { rejectedInputError } from "../../../test/support/input-error.js";

const MB = 1e6;
const records = generateTraces(SYNTHETIC_SORT, { inputBytes: [1, 2, 4, 8, 16, 32].map((m) => m * MB), noise: 0.05, seed: 1 });
let root: string;
let set: ProfileSet;
let dir: string;

const loadError = (d: string, options = {}) => rejectedInputError(() => loadProfiles(d, options));

async function copyTo(name: string, edit: (json: string) => string): Promise<string> {
  const d = path.join(root, name);
  await saveProfiles(set, d);
  const f = path.join(d, "profiles.json");
  await writeFile(f, edit(await readFile(f, "utf8")));
  return d;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sluice-profiles-"));
  // MLP for runtime so weights.bin is exercised; the rest auto.
  set = await trainProfiles(records, { model: { runtimeMs: "mlp" }, trainedAt: new Date("2025-01-02T03:04:05Z") });
  dir = path.join(root, "ok");
  await saveProfiles(set, dir);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("saveProfiles → loadProfiles", () => {
  it("round-trips: identical predictions, quantiles and metadata", async () => {
    const back = await loadProfiles(dir, { traces: records });
    for (const name of set.functionNames) {
      for (const x of [0.5 * MB, 10 * MB, 64 * MB]) expect(predict(back, name, x)).toEqual(predict(set, name, x));
      expect(back.profileFor(name, { memoryMb: 0.95 })!.memoryMb(7 * MB)).toBe(set.profileFor(name, { memoryMb: 0.95 })!.memoryMb(7 * MB));
    }
    expect(back.data.metadata).toEqual(set.data.metadata);
    expect(back.data.functions.sort!.targets.runtimeMs!.model.family).toBe("mlp");
    expect((await readFile(path.join(dir, "weights.bin"))).byteLength).toBe(3 * 32 * 4); // 3 MLPs · 32 float32 weights · 4 bytes
  });

  it.each(["__proto__", "constructor", "toString"])("keeps a function called %s through save and load", async (name) => {
    const renamed = records.map((r) => (r.function === "sort" ? { ...r, function: name } : r));
    const mine = await trainProfiles(renamed, { model: "linear" });
    const d = path.join(root, `proto-${name.replace(/_/g, "u")}`);
    await saveProfiles(mine, d);
    const back = await loadProfiles(d);
    expect(back.functionNames).toEqual(mine.functionNames);
    expect(back.functionNames).toContain(name);
    expect(predict(back, name, 10 * MB)).toEqual(predict(mine, name, 10 * MB));
  });

  it("leaves no temporary files behind", async () => {
    const { readdir } = await import("node:fs/promises");
    expect((await readdir(dir)).sort()).toEqual(["profiles.json", "weights.bin"]);
  });

  it.each([
    ["a missing folder", async () => path.join(root, "nope"), "file not found"],
    ["a truncated profiles.json", () => copyTo("trunc", (j) => j.slice(0, j.length / 2)), "truncated or not JSON"],
    ["another format version", () => copyTo("ver", (j) => j.replace('"formatVersion": 2', '"formatVersion": 3')), "unsupported format version"],
    ["another format", () => copyTo("fmt", (j) => j.replace('"format": "sluice-profiles"', '"format": "other"')), "not a Sluice profile set"],
    ["an edited model", () => copyTo("edit", (j) => j.replace('"rows": 6', '"rows": 7')), "content hash mismatch"],
    // found by bench:fuzz (seed 20261209): without its functions the file used to crash the hash
    ["a file without its functions", () => copyTo("nofns", (j) => JSON.stringify({ ...JSON.parse(j), functions: undefined })), "functions is not an object"],
    ["functions that are not an object", () => copyTo("fnsarray", (j) => JSON.stringify({ ...JSON.parse(j), functions: [] })), "functions is not an object"],
  ])("rejects %s", async (_label, make, message) => {
    const err = await loadError(await make());
    expect(err.message).toContain(message);
  });

  it.each([
    // weights.bin holds 384 B = 96 floats; a model reading 1 float from offset 96 runs off its end
    { label: "an offset past the end", weights: { offset: 96, count: 1 }, actual: "97" },
    // or a count reaching past it: offset + count = 0 + 97 > 96
    { label: "a count past the end", weights: { offset: 0, count: 97 }, actual: "97" },
  ])("rejects an MLP whose weights lie beyond weights.bin ($label) as SLU4011, hashes intact", async ({ weights, actual }) => {
    const d = await copyTo(`range-${weights.offset}-${weights.count}`, (j) => {
      const doc = JSON.parse(j) as { metadata: { contentSha256: string }; functions: Record<string, { targets: Record<string, { model: { family: string; weights?: { offset: number; count: number } } }> }> };
      const model = Object.values(doc.functions).flatMap((f) => Object.values(f.targets)).map((t) => t.model).find((m) => m.family === "mlp")!;
      model.weights = weights;
      // re-hash the edited functions, as a tool that rewrote the file consistently would
      doc.metadata.contentSha256 = sha256(JSON.stringify(doc.functions));
      return JSON.stringify(doc, null, 2);
    });
    const err = await loadError(d);
    expect(err.issues[0]).toMatchObject({ code: codeOf("profiles.weightsRange"), expected: "≤ 96 floats", actual });
  });

  it("round-trips a memory law's measured speed-ups, and rejects a table whose rows do not match its settings", async () => {
    // the same inputs at three settings: runtime halves from 512 to 1024 MB and gains nothing above
    const speed = { 512: 2, 1024: 1, 2048: 1 } as Record<number, number>;
    const swept = [1, 2, 4, 8].flatMap((mb) => [512, 1024, 2048].map((m) => ({ app: "a", function: "f", inputBytes: mb * MB, runtimeMs: 10 * mb * speed[m]!, memoryMb: 50, outputBytes: mb * MB, fanout: 1, memorySettingMb: m })));
    const withTable = await trainProfiles(swept, { model: "linear" });
    expect(withTable.data.functions.f!.targets.runtimeMs!.memoryFactor!.table).toBeDefined();
    const d = path.join(root, "speedups");
    await saveProfiles(withTable, d);
    const back = await loadProfiles(d);
    for (const m of [512, 768, 1024, 2048]) expect(back.profileFor("f", {})!.runtimeMs(3 * MB, m)).toBe(withTable.profileFor("f", {})!.runtimeMs(3 * MB, m));
    const json = await readFile(path.join(d, "profiles.json"), "utf8");
    const doc = JSON.parse(json) as { metadata: { contentSha256: string }; functions: Record<string, { targets: { runtimeMs: { memoryFactor: { table: { logFactors: number[][] } } } } }> };
    doc.functions.f!.targets.runtimeMs.memoryFactor.table.logFactors[0]!.pop();
    doc.metadata.contentSha256 = sha256(JSON.stringify(doc.functions));
    await writeFile(path.join(d, "profiles.json"), JSON.stringify(doc, null, 2));
    const err = await loadError(d);
    expect(err.issues[0]!.path).toEqual(expect.arrayContaining(["memoryFactor", "table", "logFactors", "0"]));
    expect(JSON.stringify(err.issues[0])).toContain("expected 3 values (one per setting), got 2");
  });

  it("reads a version-1 folder (every residual stored) and converts it", async () => {
    const d = path.join(root, "v1");
    await mkdir(d, { recursive: true });
    for (const f of ["profiles.json", "weights.bin"]) await writeFile(path.join(d, f), await readFile(path.join("src/profiles/store/testdata/profiles-v1", f)));
    const v1 = await loadProfiles(d);
    expect(v1.data.metadata.formatVersion).toBe(2);
    const p = predict(v1, "wc-map", 8 * MB);
    expect(p.runtimeMs!.low).toBeLessThanOrEqual(p.runtimeMs!.median);
    expect(p.runtimeMs!.median).toBeLessThanOrEqual(p.runtimeMs!.high);
  });

  it("stays small: a function trained on 20,000 rows stores a fixed-size residual summary", async () => {
    const many = generateTraces(SYNTHETIC_SORT.slice(0, 1), { inputBytes: Array.from({ length: 200 }, (_, i) => (i + 1) * 0.25 * MB), repeats: 100, noise: 0.05, seed: 2 });
    const big = await trainProfiles(many, { model: "linear" });
    const d = path.join(root, "big");
    await saveProfiles(big, d);
    const bytes = (await readFile(path.join(d, "profiles.json"))).byteLength;
    expect(many.length).toBe(20_000);
    expect(bytes).toBeLessThan(100_000); // ≤ 100 KB per function (version 1 stored every residual: ~1.6 MB here)
  });

  it("rejects a truncated weights file and traces other than the ones trained on", async () => {
    const d = path.join(root, "weights");
    await saveProfiles(set, d);
    await truncate(path.join(d, "weights.bin"), 10);
    expect((await loadError(d)).issues[0]).toMatchObject({ message: "weights file truncated or too long", expected: "384 bytes", actual: "10 bytes" });
    const other = records.slice(1);
    expect((await loadError(dir, { traces: other })).message).toContain("trace hash mismatch");
  });
});
