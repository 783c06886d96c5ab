/**
 * The strict form of PlanOptions, checked where options enter (prepareProblem): an unknown key
 * (`budgetUSD`, `objectiv`) is an error with a "did you mean", a value of the wrong type
 * (`quantile: "0.9"`) is an error rather than coerced, an unknown objective or solver is named.
 * The compile-time check at the bottom fails when PlanOptions gains a field this schema lacks.
 */
import { z } from "zod";
import { InputError, issue, parseStrict, show } from "../errors.js";
import { TRANSFER_MODES } from "../platform/schema.js";
import { isProfileProvider, PROFILE_TARGETS, type FunctionProfile } from "../profiles/types.js";
import type { PlanOptions } from "./options.js";

const positiveFinite = z.number().finite().positive();
const quantile = z.number().gt(0).lt(1);

const PROFILE_EXPECTED = "a profile: runtimeMs, memoryMb, outputBytes and fanout functions";
const isFunctionProfile = (v: unknown): v is FunctionProfile => typeof v === "object" && v !== null && PROFILE_TARGETS.every((t) => typeof (v as Record<string, unknown>)[t] === "function");

/** A trained profile set (a provider), or plain profiles by function name: each one a whole profile, named where it is not (it was a TypeError mid-estimate). */
const profilesSchema = z
  .custom<NonNullable<PlanOptions["profiles"]>>((v) => typeof v === "object" && v !== null, "an object of profile functions or a trained profile set")
  .superRefine((v, ctx) => {
    if (isProfileProvider(v)) return;
    for (const [name, profile] of Object.entries(v as Record<string, unknown>)) {
      if (typeof profile !== "object" || profile === null) ctx.addIssue({ code: "custom", path: [name], message: PROFILE_EXPECTED });
      else for (const t of PROFILE_TARGETS) if (typeof (profile as Record<string, unknown>)[t] !== "function") ctx.addIssue({ code: "custom", path: [name, t], message: "a function" });
    }
  });

const fallbackProfileSchema = z.union([
  z.literal("default"),
  z.object({ like: z.string().min(1) }),
  z.custom<FunctionProfile>(isFunctionProfile, PROFILE_EXPECTED),
]);

export const dagLimitsSchema = z.object({
  maxStages: z.number().int().positive().optional(),
  maxEdges: z.number().int().positive().optional(),
  maxInstances: z.number().int().positive().optional(),
  maxTotalInstances: z.number().int().positive().optional(),
});

export const planOptionsSchema = z.object({
  profiles: profilesSchema.optional(),
  platform: z.unknown().optional(),
  objective: z.enum(["latency", "cost", "perf-per-dollar"]).optional(),
  budgetUsd: positiveFinite.optional(),
  deadlineMs: positiveFinite.optional(),
  modes: z.array(z.enum(TRANSFER_MODES)).min(1).optional(),
  allowSplits: z.boolean().optional(),
  solver: z.union([z.enum(["auto", "exact", "heuristic", "dp", "brute-force"]), z.custom<NonNullable<PlanOptions["solver"]>>((v) => typeof v === "function", "a solver function")]).optional(),
  timeLimitMs: z.number().positive().optional(),
  gapTolerance: z.number().min(0).lt(1).optional(),
  quantile: z.union([quantile, z.object(Object.fromEntries(PROFILE_TARGETS.map((t) => [t, quantile.optional()])) as Record<(typeof PROFILE_TARGETS)[number], z.ZodOptional<typeof quantile>>)]).optional(),
  limits: dagLimitsSchema.optional(),
  timings: z.boolean().optional(),
  coldFraction: z.number().min(0).max(1).optional(),
  noiseCv: z.number().finite().nonnegative().optional(),
  confidence: quantile.optional(),
  memorySizes: z.array(positiveFinite).min(1).optional(),
  fallbackProfile: fallbackProfileSchema.optional(),
  fallbackProfiles: z.record(z.string(), fallbackProfileSchema).optional(),
});

const KEYS = { unknownKey: "option.unknownKey", wrongType: "option.wrongType", badValue: "option.badValue" } as const;

/** Throws one InputError (usage) listing every bad option; returns the options unchanged otherwise. */
export function checkPlanOptions<O extends PlanOptions>(options: O, extraKeys: Readonly<Record<string, z.ZodType>> = {}): O {
  const schema = Object.keys(extraKeys).length === 0 ? planOptionsSchema : planOptionsSchema.extend(extraKeys);
  parseStrict(schema, options, KEYS, "Invalid options", ["options"]);
  return options;
}

/** The first check where options enter plan() and evaluate(): an object (null, a string or an array is an InputError, not a TypeError further in). */
export function checkOptionsObject(options: unknown): void {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new InputError("Invalid options", [issue("option.wrongType", { path: ["options"], expected: "an object of options", actual: show(options) })]);
  }
}

// PlanOptions and the schema must list the same keys: adding a field to one without the other fails here.
type SchemaKeys = keyof z.input<typeof planOptionsSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameKeys: Same<SchemaKeys, keyof PlanOptions> = true;
void sameKeys;
