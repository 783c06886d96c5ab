import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { codeOf } from "../../errors.js";
import { loadProfiles } from "../../profiles/store/load-profiles.js";
import { saveProfiles } from "../../profiles/store/save-profiles.js";
import { predict } from "../../profiles/set/predict.js";
import { trainProfiles } from "../../profiles/train/train-profiles.js";
import { captureStdout } from "../../../test/support/capture-stdout.js";
import { runPredictCommand } from "./predict-command.js";

const MB = 1e6;
let root: string;
let swept: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sluice-predict-"));
  // the same inputs at three settings: runtime halves from 512 to 1024 MB and gains nothing above
  const speed: Record<number, number> = { 512: 2, 1024: 1, 2048: 1 };
  const records = [1, 2, 4, 8].flatMap((mb) => [512, 1024, 2048].map((m) => ({ app: "a", function: "resize", inputBytes: mb * MB, runtimeMs: 10 * mb * speed[m]!, memoryMb: 50, outputBytes: mb * MB, fanout: 1, memorySettingMb: m })));
  swept = path.join(root, "swept");
  await saveProfiles(await trainProfiles(records, { model: "linear" }), swept);
});
afterAll(() => rm(root, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe("sluice predict", () => {
  it("prints each target's median and interval, and notes every target used beyond its trained sizes", async () => {
    const out = captureStdout();
    expect(await runPredictCommand(["--function", "sort-map", "--input", "1 GiB"])).toBe(0);
    const lines = out.text().split("\n");
    expect(lines[0]).toMatch(/^sort-map at 1\.00 GiB \(warm; 90% interval\); trained on .* – 128\.00 MiB$/);
    expect(lines[1]).toMatch(/^target\s+median\s+low\s+high$/);
    expect(lines.slice(2, 6).map((l) => l.split(/\s+/)[0])).toEqual(["runtimeMs", "memoryMb", "outputBytes", "fanout"]);
    expect(out.text()).toContain("note: runtimeMs extrapolated 8.0× above the largest trained input (128.00 MiB)");
  });

  it("prints JSON that is exactly what predict() returns for the set holding the function", async () => {
    const out = captureStdout();
    expect(await runPredictCommand(["--function", "sort-map", "--input", "16 MiB", "--level", "0.8", "--format", "json"])).toBe(0);
    const set = await loadProfiles("models/mapreduce-sort");
    expect(JSON.parse(out.text())).toEqual(JSON.parse(JSON.stringify(predict(set, "sort-map", 16 * 1024 * 1024, { level: 0.8, segment: "warm" }))));
  });

  it("reads a trained folder and the memory setting: the runtime follows the measured speed-ups", async () => {
    const out = captureStdout();
    expect(await runPredictCommand(["--profiles", swept, "--function", "resize", "--input", "3000000", "--memory", "512", "--format", "json"])).toBe(0);
    expect(await runPredictCommand(["--profiles", swept, "--function", "resize", "--input", "3000000", "--memory", "2048", "--format", "json"])).toBe(0);
    const [at512, at2048] = out.text().trim().split(/\n(?=\{)/).map((t) => JSON.parse(t).runtimeMs.median as number);
    expect(at512! / at2048!).toBeCloseTo(2, 1);
  });

  it("names --function for a function the --profiles folder does not hold", async () => {
    const err = (await runPredictCommand(["--profiles", swept, "--function", "resize2", "--input", "1 MiB"]).catch((e: unknown) => e)) as { issues: { code: string; path: string[]; expected: string }[] };
    expect(err.issues[0]).toMatchObject({ code: codeOf("profiles.unknownFunction"), path: ["--function"], expected: "one of resize" });
  });

  it("predicts at every --input given", async () => {
    const out = captureStdout();
    expect(await runPredictCommand(["--function", "wc-map", "--input", "1 MiB", "--input", "4 MiB", "--format", "json"])).toBe(0);
    expect(JSON.parse(out.text()).map((p: { inputBytes: number }) => p.inputBytes)).toEqual([1024 * 1024, 4 * 1024 * 1024]);
  });

  it.each([
    [["--input", "1 MiB"], "cli.missingFlag", "--function"],
    [["--function", "sort-map"], "cli.missingFlag", "--input"],
    [["--function", "sort-mapp", "--input", "1 MiB"], "profiles.unknownFunction", "--function"],
    [["--function", "sort-map", "--input", "1 MiB", "--memory", "0"], "cli.badFlagValue", "--memory"],
    [["--function", "sort-map", "--input", "1 MiB", "--level", "1"], "cli.badFlagValue", "--level"],
    [["--function", "sort-map", "--input", "1 MiB", "--segment", "cold"], "cli.badFlagValue", "--segment"],
    [["--function", "sort-map", "--input", "1 MiB", "--format", "csv"], "cli.badFlagValue", "--format"],
    [["--function", "sort-map", "--input", "lots"], "size.notASize", "--input"],
  ])("rejects %j, naming the flag", async (argv, key, flag) => {
    const err = (await runPredictCommand(argv).catch((e: unknown) => e)) as { issues: { code: string; path: (string | number)[] }[] };
    expect(err.issues[0]).toMatchObject({ code: codeOf(key as Parameters<typeof codeOf>[0]), path: [flag] });
  });
});
