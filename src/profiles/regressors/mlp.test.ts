import { describe, expect, it } from "vitest";
import { loadTensorflow } from "../tf-backend.js";
import { DEFAULT_MLP_OPTIONS, fitMlpBatch, predictMlp } from "./mlp.js";
import type { FitOutcome, MlpArtifact } from "./types.js";

const MB = 1e6;
const SIZES = [1, 2, 4, 6, 8, 12, 16, 24, 32, 48].map((m) => m * MB);
const law = (x: number) => 0.05 * (x / 1e3) ** 1.12;

function mlp(o: FitOutcome | undefined): MlpArtifact {
  if (o?.status !== "fitted" || o.model.family !== "mlp") throw new Error("no mlp");
  return o.model;
}

describe("fitMlpBatch", () => {
  it("fits a power law within 5% inside the data, on a backend it reports", async () => {
    const { tf, backend } = await loadTensorflow();
    expect(["tensorflow", "wasm", "cpu"]).toContain(backend);
    const [out] = fitMlpBatch(tf, [{ inputBytes: SIZES, values: SIZES.map(law) }]);
    for (const x of [3 * MB, 20 * MB, 40 * MB]) expect(Math.abs(predictMlp(mlp(out), x) / law(x) - 1)).toBeLessThan(0.05);
  });

  it("is deterministic for a seed, and batched networks train as they would alone", async () => {
    const { tf } = await loadTensorflow();
    const task = { inputBytes: SIZES, values: SIZES.map(law) };
    const other = { inputBytes: SIZES.slice(0, 5), values: [1, 2, 3, 4, 5] };
    const options = { ...DEFAULT_MLP_OPTIONS, epochs: 60 };
    const alone = fitMlpBatch(tf, [task], options);
    const again = fitMlpBatch(tf, [task], options);
    expect(mlp(again[0]).weights).toEqual(mlp(alone[0]).weights);
    // 3 weights per hidden unit + bias + skip: 3 · 10 + 2 = 32
    expect(mlp(alone[0]).weights).toHaveLength(32);
    const batched = fitMlpBatch(tf, [task, other], options);
    expect(mlp(batched[1]).weights).toHaveLength(32);
  });

  it("declines fewer than 3 distinct sizes", async () => {
    const { tf } = await loadTensorflow();
    expect(fitMlpBatch(tf, [{ inputBytes: [1, 2, 2], values: [1, 2, 2] }])[0]?.status).toBe("not-applicable");
  });
});
