/**
 * The on-disk shape of a profile folder's profiles.json (format version 1), as a zod schema:
 * loadProfiles validates against it. MLP weights live in weights.bin; the JSON holds their range.
 */
import { z } from "zod";
import { MODEL_CHOICES, REGRESSOR_FAMILIES } from "./regressors/types.js";

const num = z.number().finite();
const nullableNum = num.nullable();

export const weightsRefSchema = z.object({ offset: z.number().int().nonnegative(), count: z.number().int().positive() });

const storedModelSchema = z.discriminatedUnion("family", [
  z.object({ family: z.literal("constant"), value: num }),
  z.object({ family: z.enum(["linear", "poly2", "poly3"]), xScale: num, coefficients: z.array(num) }),
  z.object({ family: z.literal("power"), logScale: num, exponent: num }),
  z.object({ family: z.literal("ceil-power"), logScale: num, exponent: num }),
  z.object({ family: z.literal("mlp"), hiddenUnits: z.number().int().positive(), inputMean: num, inputStd: num, outputMean: num, outputStd: num, weights: weightsRefSchema }),
]);
export type StoredModel = z.infer<typeof storedModelSchema>;

const storedTargetSchema = z.object({
  model: storedModelSchema,
  selection: z.enum(["auto", "forced", "fallback"]),
  selectionNote: z.string().optional(),
  residualMode: z.enum(["absolute", "relative"]),
  residuals: z.array(num),
  metrics: z.object({ mapePercent: nullableNum, r2: nullableNum, rows: z.number().int(), method: z.enum(["k-fold", "in-sample"]), folds: z.number().int() }),
  candidates: z.array(z.object({ family: z.enum(REGRESSOR_FAMILIES), status: z.enum(["fitted", "not-applicable"]), mapePercent: nullableNum, r2: nullableNum, reason: z.string().optional() })),
});

const storedFunctionSchema = z.object({
  app: z.string(),
  rows: z.number().int().positive(),
  distinctInputSizes: z.number().int().positive(),
  inputBytesMin: num,
  inputBytesMax: num,
  targets: z.object({ runtimeMs: storedTargetSchema, memoryMb: storedTargetSchema, outputBytes: storedTargetSchema, fanout: storedTargetSchema }),
});

const modelChoice = z.enum(MODEL_CHOICES);
export const storedMetadataSchema = z.object({
  format: z.literal("sluice-profiles"),
  formatVersion: z.literal(1),
  producer: z.string(),
  trainedAt: z.string(),
  tracesSha256: z.string().regex(/^[0-9a-f]{64}$/),
  traceRows: z.number().int().nonnegative(),
  apps: z.array(z.string()),
  backend: z.enum(["tensorflow", "wasm", "cpu", "none"]),
  trainingMs: num,
  options: z.object({ model: z.union([modelChoice, z.record(z.string(), modelChoice)]), folds: z.number().int(), seed: z.number().int() }),
  weights: z.object({ file: z.string(), byteLength: z.number().int().nonnegative(), sha256: z.string() }),
  /** SHA-256 of JSON.stringify(functions): detects an edited or damaged file. */
  contentSha256: z.string(),
});

export const storedProfilesSchema = z.object({ metadata: storedMetadataSchema, functions: z.record(z.string(), storedFunctionSchema) });
export type StoredProfiles = z.infer<typeof storedProfilesSchema>;

export const PROFILES_FILE = "profiles.json";
export const WEIGHTS_FILE = "weights.bin";
