/**
 * A small MLP in TensorFlow.js: one hidden ReLU layer in log-log space (a flexible power law that
 * extrapolates linearly in log-log): a linear skip term carries the trend, the hidden units bend
 * it. Many fits (folds × targets × functions) train as one batch of
 * independent networks: the loss is a sum of per-network losses and Adam's update is elementwise,
 * so each network trains exactly as it would alone, at the cost of one. Seeded: deterministic on
 * a backend. Prediction needs no TensorFlow (see predictMlp).
 */
import type { Tf } from "../tf-backend.js";
import { countDistinct } from "./least-squares.js";
import type { FitOutcome, FitTask, MlpArtifact } from "./types.js";
import type { MlpOptions } from "./mlp-options.js";

export type { MlpOptions } from "./mlp-options.js";
export const DEFAULT_MLP_OPTIONS: MlpOptions = { hiddenUnits: 10, epochs: 250, learningRate: 0.03, seed: 7 };
export const MLP_MIN_DISTINCT_SIZES = 3;
export const MLP_MAX_BINS = 32;

function stats(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
  return { mean, std: std > 1e-12 ? std : 1 };
}

interface Bin {
  z: number;
  target: number;
  count: number;
}

/**
 * Rows grouped into at most MLP_MAX_BINS bins of standardized log size, each weighted by its row
 * count. Exact for the squared loss when rows share a size (the loss differs by a constant), and
 * a fine approximation otherwise; it keeps an epoch's cost independent of how many runs were traced.
 */
function binRows(task: FitTask, norm: { x: { mean: number; std: number }; y: { mean: number; std: number } }): Bin[] {
  const zs = task.inputBytes.map((x) => (Math.log1p(x) - norm.x.mean) / norm.x.std);
  let lo = Infinity, hi = -Infinity;
  for (const v of zs) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const width = (hi - lo) / MLP_MAX_BINS || 1;
  const bins = new Map<number, Bin>();
  zs.forEach((zv, i) => {
    const key = task.inputBytes.length <= MLP_MAX_BINS ? i : Math.min(MLP_MAX_BINS - 1, Math.floor((zv - lo) / width));
    const b = bins.get(key) ?? { z: 0, target: 0, count: 0 };
    b.z += zv;
    b.target += (Math.log1p(task.values[i]!) - norm.y.mean) / norm.y.std;
    b.count += 1;
    bins.set(key, b);
  });
  return [...bins.values()].map((b) => ({ z: b.z / b.count, target: b.target / b.count, count: b.count }));
}

export function fitMlpBatch(tf: Tf, tasks: readonly FitTask[], options: MlpOptions = DEFAULT_MLP_OPTIONS): FitOutcome[] {
  const usable = tasks.map((t) => countDistinct(t.inputBytes) >= MLP_MIN_DISTINCT_SIZES);
  const live = tasks.filter((_, i) => usable[i]);
  const results: FitOutcome[] = tasks.map((t) => ({ status: "not-applicable", reason: `needs ${MLP_MIN_DISTINCT_SIZES} distinct input sizes, got ${countDistinct(t.inputBytes)}` }));
  if (live.length === 0) return results;
  const m = live.length;
  const norms = live.map((t) => ({ x: stats(t.inputBytes.map(Math.log1p)), y: stats(t.values.map(Math.log1p)) }));
  const binned = live.map((t, j) => binRows(t, norms[j]!));
  const n = Math.max(...binned.map((b) => b.length));
  const h = options.hiddenUnits;
  const z = new Float32Array(m * n), target = new Float32Array(m * n), weight = new Float32Array(m * n);
  binned.forEach((bins, j) => {
    const rows = live[j]!.inputBytes.length;
    bins.forEach((b, i) => {
      z[j * n + i] = b.z;
      target[j * n + i] = b.target;
      weight[j * n + i] = b.count / rows;
    });
  });
  const flat = tf.tidy(() => {
    const zs = tf.tensor3d(z, [m, n, 1]), ys = tf.tensor3d(target, [m, n, 1]), ws = tf.tensor3d(weight, [m, n, 1]);
    const he = Math.sqrt(6);
    const w1 = tf.variable(tf.randomUniform([m, 1, h], -he, he, "float32", options.seed));
    const b1 = tf.variable(tf.randomUniform([m, 1, h], -1, 1, "float32", options.seed + 1));
    const w2 = tf.variable(tf.randomUniform([m, h, 1], -Math.sqrt(6 / h), Math.sqrt(6 / h), "float32", options.seed + 2));
    const b2 = tf.variable(tf.zeros([m, 1, 1]));
    const skip = tf.variable(tf.ones([m, 1, 1]));
    const optimizer = tf.train.adam(options.learningRate);
    const forward = () => tf.add(tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(zs, w1), b1)), w2), b2), tf.mul(zs, skip));
    const loss = () => tf.sum(tf.mul(ws, tf.squaredDifference(forward(), ys))) as import("@tensorflow/tfjs-core").Scalar;
    for (let e = 0; e < options.epochs; e++) tf.tidy(() => void optimizer.minimize(loss));
    optimizer.dispose();
    const out = tf.concat([tf.reshape(w1, [m, h]), tf.reshape(b1, [m, h]), tf.reshape(w2, [m, h]), tf.reshape(b2, [m, 1]), tf.reshape(skip, [m, 1])], 1);
    [w1, b1, w2, b2, skip].forEach((v) => v.dispose());
    return out;
  });
  const values = flat.arraySync() as number[][];
  flat.dispose();
  let j = 0;
  tasks.forEach((_, i) => {
    if (!usable[i]) return;
    const nx = norms[j]!;
    results[i] = { status: "fitted", model: { family: "mlp", hiddenUnits: h, inputMean: nx.x.mean, inputStd: nx.x.std, outputMean: nx.y.mean, outputStd: nx.y.std, weights: values[j]! } };
    j++;
  });
  return results;
}

export function predictMlp(model: MlpArtifact, inputBytes: number): number {
  const h = model.hiddenUnits, w = model.weights;
  const z = (Math.log1p(Math.max(inputBytes, 0)) - model.inputMean) / model.inputStd;
  let out = (w[3 * h] ?? 0) + z * (w[3 * h + 1] ?? 0);
  for (let k = 0; k < h; k++) out += Math.max(0, z * (w[k] ?? 0) + (w[h + k] ?? 0)) * (w[2 * h + k] ?? 0);
  return Math.expm1(out * model.outputStd + model.outputMean);
}
