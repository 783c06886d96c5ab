/**
 * The on-disk shape of a profile folder's profiles.json (format version 2), as a zod schema:
 * loadProfiles validates against it. MLP weights live in weights.bin; the JSON holds their range.
 * Version 1 files are read through stored-profiles-v1.ts and converted.
 */
import { z } from "zod";
import { MODEL_CHOICES, REGRESSOR_FAMILIES } from "../regressors/types.js";
import { SUMMARY_PROBABILITIES } from "../set/residual-summary.js";

const num = z.number().finite();
const nullableNum = num.nullable();

export const weightsRefSchema = z.object({ offset: z.number().int().nonnegative(), count: z.number().int().positive() });

export const storedModelSchema = z.discriminatedUnion("family", [
  z.object({ family: z.literal("constant"), value: num }),
  z.object({ family: z.enum(["linear", "poly2", "poly3"]), xScale: num, coefficients: z.array(num) }),
  z.object({ family: z.literal("power"), logScale: num, exponent: num, offset: z.union([z.literal(0), z.literal(1)]).optional() }),
  z.object({ family: z.literal("broken-power"), logScale: num, exponent: num, kneeBytes: num.nonnegative(), exponentAbove: num, offset: z.union([z.literal(0), z.literal(1)]) }),
  z.object({ family: z.literal("ceil-power"), logScale: num, exponent: num }),
  z.object({ family: z.literal("mlp"), hiddenUnits: z.number().int().positive(), inputMean: num, inputStd: num, outputMean: num, outputStd: num, weights: weightsRefSchema }),
]);
export type StoredModel = z.infer<typeof storedModelSchema>;

/** Measured speed-ups (memory-speedups.ts): a row of ln factors per size, a column per setting, both ascending. */
const speedupTableSchema = z
  .object({ sizesBytes: z.array(num.nonnegative()).min(1), settingsMb: z.array(num.positive()).min(2), logFactors: z.array(z.array(num)) })
  .superRefine((t, ctx) => {
    const ascending = (xs: readonly number[]) => xs.every((v, i) => i === 0 || v > xs[i - 1]!);
    if (!ascending(t.sizesBytes)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["sizesBytes"], message: "sizes must ascend" });
    if (!ascending(t.settingsMb)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["settingsMb"], message: "settings must ascend" });
    if (t.logFactors.length !== t.sizesBytes.length) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["logFactors"], message: `expected ${t.sizesBytes.length} rows (one per size), got ${t.logFactors.length}` });
    t.logFactors.forEach((row, i) => {
      if (row.length !== t.settingsMb.length) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["logFactors", i], message: `expected ${t.settingsMb.length} values (one per setting), got ${row.length}` });
    });
  });

const storedTargetSchema = z.object({
  model: storedModelSchema,
  memoryFactor: z.object({ exponent: num, referenceMb: num.positive(), minMb: num.positive(), maxMb: num.positive(), table: speedupTableSchema.optional() }).optional(),
  selection: z.enum(["auto", "forced", "fallback"]),
  selectionNote: z.string().optional(),
  residuals: z.object({ quantiles: z.array(num).length(SUMMARY_PROBABILITIES.length), rows: z.number().int().nonnegative() }),
  inputBytesMin: num,
  inputBytesMax: num,
  metrics: z.object({
    fitMapePercent: nullableNum,
    extrapolationMapePercent: nullableNum,
    kfoldMapePercent: nullableNum,
    r2: nullableNum,
    rows: z.number().int(),
    distinctInputSizes: z.number().int(),
    method: z.enum(["k-fold", "in-sample"]),
    folds: z.number().int(),
  }),
  candidates: z.array(z.object({ family: z.enum(REGRESSOR_FAMILIES), status: z.enum(["fitted", "not-applicable", "refused"]), kfoldMapePercent: nullableNum, extrapolationMapePercent: nullableNum, r2: nullableNum, reason: z.string().optional() })),
});

const targetsSchema = z.object({ runtimeMs: storedTargetSchema.optional(), memoryMb: storedTargetSchema.optional(), outputBytes: storedTargetSchema.optional(), fanout: storedTargetSchema.optional() });

const storedSegmentSchema = z.object({
  rows: z.number().int().positive(),
  distinctInputSizes: z.number().int().positive(),
  inputBytesMin: num,
  inputBytesMax: num,
  memorySettingsMb: z.object({ min: num, max: num }).optional(),
  targets: targetsSchema,
  untrained: z.object({ runtimeMs: z.string().optional(), memoryMb: z.string().optional(), outputBytes: z.string().optional(), fanout: z.string().optional() }),
});

const storedFunctionSchema = storedSegmentSchema.extend({ app: z.string(), segment: z.enum(["warm", "cold"]), cold: storedSegmentSchema.optional() });
export type StoredFunction = z.infer<typeof storedFunctionSchema>;

const modelChoice = z.enum(MODEL_CHOICES);
export const storedMetadataSchema = z.object({
  format: z.literal("sluice-profiles"),
  formatVersion: z.literal(2),
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
