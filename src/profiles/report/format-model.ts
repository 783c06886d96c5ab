/**
 * A fitted model as a short formula, x in bytes: what the metrics table shows, so the table names
 * exactly the model `predict` uses.
 */
import type { MemoryFactor } from "../set/memory-factor.js";
import type { ModelArtifact } from "../regressors/types.js";

const g = (v: number) => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : Number(v.toPrecision(4)).toString());

/** Three decimals, without a "-0.000" for a bend that rounds to nothing. */
const fixed3 = (v: number) => (Math.abs(v) < 5e-4 ? "0.000" : v.toFixed(3));

export function formatModel(model: ModelArtifact, memory?: MemoryFactor): string {
  let f: string;
  switch (model.family) {
    case "constant":
      f = g(model.value);
      break;
    case "linear":
    case "poly2":
    case "poly3": {
      // Σ c_k (x / s)^k = Σ (c_k / s^k) x^k
      const terms = model.coefficients.map((c, k) => {
        const a = c / model.xScale ** k;
        return k === 0 ? g(a) : `${a < 0 ? "− " : "+ "}${g(Math.abs(a))}·x${k === 1 ? "" : `^${k}`}`;
      });
      f = terms.join(" ");
      break;
    }
    case "power":
      f = `${g(Math.exp(model.logScale))}·(1+x)^${model.exponent.toFixed(3)}${(model.offset ?? 1) === 0 ? "" : " − 1"}`;
      break;
    case "broken-power":
      // (y + offset) = a·(1+x)^b below the knee k; above it the extra factor ((1+x)/(1+k))^(c − b) makes the slope c.
      f = `${g(Math.exp(model.logScale))}·(1+x)^${model.exponent.toFixed(3)}·max(1, (1+x)/(1+${g(model.kneeBytes)}))^${fixed3(model.exponentAbove - model.exponent)}${model.offset === 0 ? "" : " − 1"}`;
      break;
    case "ceil-power":
      f = `⌈${g(Math.exp(model.logScale))}·(1+x)^${model.exponent.toFixed(3)}⌉`;
      break;
    case "mlp":
      f = `MLP(ln x; ${model.hiddenUnits} ReLU units)`;
      break;
  }
  if (memory === undefined) return f;
  const law = `(m/${memory.referenceMb} MB)^${memory.exponent.toFixed(3)}`;
  const t = memory.table;
  return t === undefined ? `(${f}) · ${law}` : `(${f}) · s(x, m) measured at ${t.sizesBytes.length} size${t.sizesBytes.length === 1 ? "" : "s"} × ${t.settingsMb.length} settings, else ${law}`;
}
