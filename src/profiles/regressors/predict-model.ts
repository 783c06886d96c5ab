/**
 * The point prediction of any fitted model at one input size (pure, no TensorFlow).
 */
import { predictBrokenPower } from "./broken-power.js";
import { predictCeilPower } from "./ceil-power.js";
import { predictMlp } from "./mlp.js";
import { predictPolynomial } from "./polynomial.js";
import { predictPowerLaw } from "./power-law.js";
import type { ModelArtifact } from "./types.js";

export function predictModel(model: ModelArtifact, inputBytes: number): number {
  switch (model.family) {
    case "constant":
      return model.value;
    case "linear":
    case "poly2":
    case "poly3":
      return predictPolynomial(model, inputBytes);
    case "power":
      return predictPowerLaw(model, inputBytes);
    case "broken-power":
      return predictBrokenPower(model, inputBytes);
    case "ceil-power":
      return predictCeilPower(model, inputBytes);
    case "mlp":
      return predictMlp(model, inputBytes);
  }
}
