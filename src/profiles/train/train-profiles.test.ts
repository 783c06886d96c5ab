import { describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import { generateTraces, type SyntheticFunction } from "../../../test/support/synthetic-traces.js";
import { trainProfiles } from "./train-profiles.js";

const MB = 1e6;
const SIZES = [1, 2, 4, 6, 8, 12, 16, 24, 32, 48].map((m) => m * MB);

function fn(name: string, runtimeMs: (x: number) => number, extra: Partial<SyntheticFunction> = {}): SyntheticFunction {
  return { app: "t", function: name, runtimeMs, memoryMb: (x) => 50 + x / MB, outputBytes: (x) => x, fanout: () => 1, ...extra };
}

describe("trainProfiles: model selection on clean data picks the true family", () => {
  it.each([
    ["constant", () => 250],
    ["linear", (x: number) => 40 + 0.9 * (x / MB)], // 40 ms overhead + 0.9 ms per MB
    ["power", (x: number) => 0.05 * (x / 1e3) ** 1.5], // superlinear, no offset
    ["poly2", (x: number) => 20 + 3e-12 * x * x], // quadratic with an offset
  ] as const)("%s", async (family, law) => {
    const set = await trainProfiles(generateTraces([fn("f", law)], { inputBytes: SIZES }), { model: { runtimeMs: "auto", memoryMb: "linear", outputBytes: "linear", fanout: "constant" } });
    expect(set.data.functions.f?.targets.runtimeMs?.model.family).toBe(family);
    expect(set.data.functions.f?.targets.runtimeMs?.selection).toBe("auto");
  });

  it("refuses a cubic the data barely bends: it would explode beyond the traces", async () => {
    // 100 + 2e-20·x³ − 1e-12·x² + 3e-5·x: 1448 ms at 48 MB, where the cubic term (2212) is offset by the
    // quadratic (−2304); on the upper half of the sizes the data grows about linearly (x^1.0), but the
    // cubic grows as x^3 beyond them: 10⁴ × 48 MB = 480 GB would take 2.2e12 ms.
    const law = (x: number) => 100 + 2e-20 * x ** 3 - 1e-12 * x * x + 3e-5 * x;
    const set = await trainProfiles(generateTraces([fn("f", law)], { inputBytes: SIZES }), { model: { runtimeMs: "auto", memoryMb: "linear", outputBytes: "linear", fanout: "constant" } });
    const t = set.data.functions.f!.targets.runtimeMs!;
    expect(t.model.family).not.toBe("poly3");
    expect(t.candidates.find((c) => c.family === "poly3")).toMatchObject({ status: "refused", reason: expect.stringMatching(/grows as x\^3\.0\d beyond the data/) });
  });

  it("never picks a quadratic for memory fitted on 0.26–5.9 MB that would reach gigabytes at 100 GiB", async () => {
    // sort-reduce-like memory: 2 MB + 1.8 MB/MB with a little curvature and noise over 0.26–5.9 MB.
    const xs = [0.26, 0.4, 0.6, 0.9, 1.3, 2, 2.8, 4, 5.9].map((m) => m * MB);
    const mem = (x: number) => 2 + 1.8 * (x / MB) + 0.05 * (x / MB) ** 2;
    const set = await trainProfiles(generateTraces([fn("r", () => 10, { memoryMb: mem })], { inputBytes: xs, repeats: 3, noise: 0.03, seed: 5 }), { model: { runtimeMs: "constant", memoryMb: "auto", outputBytes: "linear", fanout: "constant" } });
    const t = set.data.functions.r!.targets.memoryMb!;
    expect(["poly2", "poly3"]).not.toContain(t.model.family);
    // At 1.6 GB per instance (100 GiB over 64 reducers) the prediction stays within a linear law's reach: < 10 GB.
    expect(set.profileFor("r", {})!.memoryMb(1.6e9)).toBeLessThan(10_000);
  });
});

describe("trainProfiles: fanout is a whole count", () => {
  it("auto picks ceil-power for a stepped fanout and predicts whole counts 2× beyond the data", async () => {
    // ⌈√(x / 256 KiB)⌉ over 1–48 MB: 2, 3, 4, 5, 6, 7, 8, 10, 12, 14; at 96 MB ⌈√366.2⌉ = ⌈19.1⌉ = 20.
    const law = (x: number) => Math.ceil(Math.sqrt(x / 262144));
    const records = generateTraces([fn("root", (x) => 40 + x / MB, { fanout: law })], { inputBytes: SIZES });
    const set = await trainProfiles(records, { model: { runtimeMs: "linear", memoryMb: "linear", outputBytes: "linear", fanout: "auto" } });
    const t = set.data.functions.root!.targets.fanout!;
    expect(t.model.family).toBe("ceil-power");
    expect(t.candidates.map((c) => c.family)).toContain("power");
    const p = set.profileFor("root", {})!;
    for (const x of [3 * MB, 40 * MB, 64 * MB, 96 * MB]) expect(p.fanout(x)).toBe(law(x));
    expect(Number.isInteger(set.profileFor("root", { fanout: 0.95 })!.fanout(70 * MB))).toBe(true);
  });

  it("a constant fanout stays constant; ceil-power is not a candidate for other targets", async () => {
    const set = await trainProfiles(generateTraces([fn("f", (x) => 40 + x / MB)], { inputBytes: SIZES }), { model: { runtimeMs: "auto", memoryMb: "linear", outputBytes: "linear", fanout: "auto" } });
    expect(set.data.functions.f!.targets.fanout!.model.family).toBe("constant");
    expect(set.data.functions.f!.targets.runtimeMs!.candidates.map((c) => c.family)).not.toContain("ceil-power");
  });
});

describe("trainProfiles: recovery with noise", () => {
  it.each([
    // family forced to the truth's; ±5% noise, 3 runs per size; tolerance 5% inside, 10% at 2× the largest size (96 MB)
    ["power", (x: number) => 0.05 * (x / 1e3) ** 1.12],
    ["poly", (x: number) => 20 + 3e-12 * x * x],
  ] as const)("%s law with ±5%% noise", async (model, law) => {
    const records = generateTraces([fn("f", law)], { inputBytes: SIZES, repeats: 3, noise: 0.05, seed: 9 });
    const set = await trainProfiles(records, { model: { runtimeMs: model, memoryMb: "linear", outputBytes: "linear", fanout: "constant" } });
    const p = set.profileFor("f", {})!;
    for (const x of [3 * MB, 20 * MB, 40 * MB]) expect(Math.abs(p.runtimeMs(x) / law(x) - 1)).toBeLessThan(0.05);
    expect(Math.abs(p.runtimeMs(96 * MB) / law(96 * MB) - 1)).toBeLessThan(0.1);
    const m = set.data.functions.f!.targets.runtimeMs!.metrics;
    expect(m.method).toBe("k-fold");
    expect(m.kfoldMapePercent!).toBeLessThan(5);
    expect(m.extrapolationMapePercent!).toBeLessThan(10);
    expect(m.r2!).toBeGreaterThan(0.98);
  });

  it("auto on noisy traces of several functions (with MLP candidates) predicts within 10%", async () => {
    const fns = [fn("a", (x) => 40 + 0.9 * (x / MB)), fn("b", (x) => 0.05 * (x / 1e3) ** 1.12, { fanout: (x) => Math.ceil(x / (8 * MB)) })];
    const set = await trainProfiles(generateTraces(fns, { inputBytes: SIZES, noise: 0.03, seed: 2 }));
    expect(["tensorflow", "wasm", "cpu"]).toContain(set.data.metadata.backend);
    for (const f of fns) {
      const p = set.profileFor(f.function, {})!;
      for (const x of [5 * MB, 30 * MB]) expect(Math.abs(p.runtimeMs(x) / f.runtimeMs(x) - 1)).toBeLessThan(0.1);
    }
    expect(set.data.functions.b!.targets.runtimeMs!.candidates.map((c) => c.family)).toContain("mlp");
  });
});

describe("trainProfiles: quantiles and fallbacks", () => {
  it("the 0.95 memory quantile is above the median, which is above the 0.05 quantile", async () => {
    const records = generateTraces([fn("f", () => 100)], { inputBytes: SIZES, repeats: 3, noise: 0.1, seed: 4 });
    const set = await trainProfiles(records, { model: "linear" });
    const x = 20 * MB; // memory law: 50 + 20 = 70 MB
    const [lo, mid, hi] = [0.05, 0.5, 0.95].map((q) => set.profileFor("f", { memoryMb: q })!.memoryMb(x));
    expect(lo!).toBeLessThan(mid!);
    expect(hi!).toBeGreaterThan(mid!);
    expect(hi! / 70).toBeGreaterThan(1.03); // ±10% noise: the 95th percentile sits well above the law
    expect(() => set.profileFor("f", { memoryMb: 1.5 })).toThrow(InputError);
  });

  it("falls back (and says so) when a forced family does not apply; one size → in-sample constant", async () => {
    const records = generateTraces([fn("f", (x) => x / MB)], { inputBytes: [8 * MB], repeats: 4, noise: 0.02 });
    const set = await trainProfiles(records, { model: "poly" });
    const t = set.data.functions.f!.targets.runtimeMs!;
    expect(t.selection).toBe("fallback");
    expect(t.selectionNote).toContain("poly2: needs 3 distinct input sizes, got 1");
    expect(t.model.family).toBe("constant");
    expect(t.metrics.method).toBe("in-sample");
    expect(set.profileFor("missing", {})).toBeUndefined();
  });

  it.each([
    ["no records", [], {}, ["records"]],
    ["a negative runtime", [{ app: "a", function: "f", inputBytes: 1, runtimeMs: -1, memoryMb: 1, outputBytes: 1, fanout: 1 }], {}, ["records", 0, "runtimeMs"]],
    ["rows without any target", [{ app: "a", function: "f", inputBytes: 1 }, { app: "a", function: "f", inputBytes: 2 }], {}, ["records"]],
    ["an unknown model", [{ app: "a", function: "f", inputBytes: 1, runtimeMs: 1, memoryMb: 1, outputBytes: 1, fanout: 1 }], { model: "spline" }, ["options", "model", "model"]],
    // found by fuzzing: an array was read as an empty per-target map (trained everything on "auto"), null crashed in Object.entries
    ["a model given as an array", [{ app: "a", function: "f", inputBytes: 1, runtimeMs: 1, memoryMb: 1, outputBytes: 1, fanout: 1 }], { model: [] }, ["options", "model", "model"]],
    ["a model given as null", [{ app: "a", function: "f", inputBytes: 1, runtimeMs: 1, memoryMb: 1, outputBytes: 1, fanout: 1 }], { model: null }, ["options", "model", "model"]],
  ])("rejects %s", async (_label, records, options, path) => {
    await expect(trainProfiles(records as never, options as never)).rejects.toSatisfy((e: unknown) => e instanceof InputError && JSON.stringify(e.issues[0]?.path) === JSON.stringify(path));
  });
});

describe("trainProfiles: two distinct sizes", () => {
  // 4 runs at 1 MB and 4 at 4 MB of runtime 10 · (x/MB)^0.5: 10 ms and 20 ms; nothing can be held out.
  const records = generateTraces([fn("f", (x) => 10 * Math.sqrt(x / MB))], { inputBytes: [1 * MB, 4 * MB], repeats: 4 });

  it("fit a two-parameter law when asked, instead of falling back to a constant", async () => {
    const set = await trainProfiles(records, { model: "power" });
    const t = set.data.functions.f!.targets.runtimeMs!;
    expect(t.model.family).toBe("power");
    expect(t.selection).toBe("forced");
    expect(t.metrics.method).toBe("in-sample");
    expect(t.selectionNote).toContain("too few distinct sizes to validate");
    // y = e^a (1 + x)^b through (1 MB, 10) and (4 MB, 20) (every y > 0, so fitted on ln y): each 4×
    // doubles y, so at 16 MB: 20 · 2 = 40 ms, the true law (fitted on ln(1 + y) it read 39.09).
    expect(set.profileFor("f", {})!.runtimeMs(16 * MB)).toBeCloseTo(40, 3);
  });

  it("auto also follows the two sizes with a two-parameter law rather than a constant", async () => {
    const set = await trainProfiles(records, { model: { runtimeMs: "auto", memoryMb: "linear", outputBytes: "linear", fanout: "constant" } });
    expect(["power", "linear"]).toContain(set.data.functions.f!.targets.runtimeMs!.model.family);
  });
});

describe("trainProfiles: partial rows", () => {
  it("trains each target on the rows that have it, and lists the targets no row had", async () => {
    const rows = [1, 2, 4, 8, 16].flatMap((m) => [
      { app: "a", function: "f", inputBytes: m * MB, runtimeMs: 10 + m }, // no memory, output or fanout
      { app: "a", function: "f", inputBytes: m * MB, memoryMb: 100 + 2 * m, outputBytes: m * MB },
    ]);
    const set = await trainProfiles(rows, { model: "linear" });
    const f = set.data.functions.f!;
    expect(f.targets.runtimeMs!.metrics.rows).toBe(5);
    expect(f.targets.memoryMb!.metrics.rows).toBe(5);
    expect(f.targets.fanout).toBeUndefined();
    expect(f.untrained.fanout).toBe("no warm row of f has fanout");
    expect(set.profileFor("f", {})!.runtimeMs(32 * MB)).toBeCloseTo(42, 6); // 10 + 32
    expect(() => set.profileFor("f", {})!.fanout(MB)).toThrow(/no trace row of f had fanout/);
  });
});

describe("trainProfiles: function names are data", () => {
  it("trains a function called __proto__ (it used to vanish and train nothing)", async () => {
    const rows = [1, 2, 4, 8].map((m) => ({ app: "a", function: "__proto__", inputBytes: m * MB, runtimeMs: 10 + m, memoryMb: 50, outputBytes: m * MB, fanout: 1 }));
    const set = await trainProfiles(rows, { model: "linear" });
    expect(set.functionNames).toEqual(["__proto__"]);
    expect(set.profileFor("__proto__", {})!.runtimeMs(16 * MB)).toBeCloseTo(26, 6); // 10 + 16
    expect(set.profileFor("constructor", {})).toBeUndefined();
  });
});

describe("trainProfiles: residuals of a forced family that overflows", () => {
  it("keeps the residual summary finite when a held-out fold predicts beyond the largest double (found by bench:fuzz, seed 20261205)", async () => {
    // A forced power law through 1e-300 B at 23 MB and the sizes themselves at 29 and 51 MB has an
    // exponent of ~840: a fold's prediction overflows, and its residual used to be −Infinity.
    const rows = [[23e6, 1e-300], [29e6, 29e6], [51e6, 51e6]].map(([x, out]) => ({ app: "a", function: "f", inputBytes: x!, runtimeMs: x! / MB, outputBytes: out! }));
    const set = await trainProfiles(rows, { model: { runtimeMs: "linear", outputBytes: "power" } });
    const quantiles = set.data.functions.f!.targets.outputBytes!.residuals.quantiles;
    expect(quantiles).toHaveLength(21);
    expect(quantiles.every((q) => Number.isFinite(q))).toBe(true);
  });
});
