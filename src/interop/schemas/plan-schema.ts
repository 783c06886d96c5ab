/**
 * The plan `plan()` returns, as a zod schema: `sluice export` validates a plan file with it, and
 * the shipped JSON Schema is generated from it. The type assertions at the end keep it and the
 * `Plan` type in step: a field added to one and not the other fails the type check.
 */
import { z } from "zod";
import type { Plan } from "../../plan/types.js";
import { TRANSFER_MODES } from "../../platform/schema.js";

const finite = z.number().finite();
const nonNegative = finite.nonnegative();
const mode = z.enum(TRANSFER_MODES);
const path = z.array(z.union([z.string(), z.number()]));

export const VIOLATION_CODES = ["budget", "deadline", "cache-capacity", "mode-unavailable", "mode-infeasible", "not-admitted", "vm-local-conflict", "vm-local-chain", "bad-split", "memory", "pool-overdrawn"] as const;

export const planSchema = z.object({
  dagName: z.string(),
  inputBytes: nonNegative,
  objective: z.enum(["latency", "cost", "perf-per-dollar"]),
  budgetUsd: nonNegative.nullable(),
  deadlineMs: nonNegative.nullable(),
  status: z.enum(["ok", "infeasible"]),
  message: z.string().optional(),
  edges: z.array(z.object({ from: z.string(), to: z.string(), mode, split: z.partialRecord(mode, finite.min(0).max(1)).optional(), prefixes: z.number().int().positive().optional() })),
  admitted: z.array(z.string()),
  placement: z.array(
    z.object({
      stageId: z.string(),
      instances: z.number().int().positive(),
      vms: z.number().int().nonnegative(),
      slotsPerVm: z.number().int().nonnegative(),
      waves: z.number().int().nonnegative(),
      billedMemoryMb: nonNegative,
      memoryMb: finite.positive().optional(),
      colocatedWith: z.string().optional(),
    }),
  ),
  stages: z.array(z.object({ stageId: z.string(), startMs: nonNegative, finishMs: nonNegative, waves: z.number().int().nonnegative(), vms: z.number().int().nonnegative(), colocatedWith: z.string().optional(), queuedMs: nonNegative.optional() })),
  predicted: z.object({
    makespanMs: nonNegative,
    costUsd: nonNegative,
    cost: z.object({ computeUsd: nonNegative, objectStoreUsd: nonNegative, cacheUsd: nonNegative, totalUsd: nonNegative }),
    cacheBytes: nonNegative,
    peakVms: z.number().int().nonnegative().optional(),
  }),
  vmPool: z.object({ reservedVms: z.number().int().nonnegative() }).optional(),
  risk: z
    .object({
      confidence: finite.gt(0).lt(1),
      stageLevel: finite.gt(0).lt(1),
      p50: z.object({ makespanMs: nonNegative, costUsd: nonNegative }),
      atConfidence: z.object({ makespanMs: nonNegative, costUsd: nonNegative }),
    })
    .optional(),
  violations: z.array(z.object({ code: z.enum(VIOLATION_CODES), path, message: z.string() })),
  warnings: z.array(z.string()),
  solver: z.object({
    name: z.string(),
    status: z.enum(["optimal", "feasible", "infeasible", "timedout"]),
    lowerBound: finite.nullable(),
    lowerBoundMs: finite.nullable(),
    gap: finite.nullable(),
    notes: z.array(z.string()),
  }),
  explanations: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      options: z.array(z.object({ mode, verdict: z.enum(["chosen", "feasible", "rejected"]), timeMs: finite.optional(), costUsd: finite.optional(), reason: z.string() })),
    }),
  ),
  sizing: z
    .object({
      searched: z.string(),
      guarantee: z.string(),
      evaluations: z.number().int().nonnegative(),
      rounds: z.number().int().nonnegative(),
      stoppedEarly: z.boolean(),
      stages: z.array(
        z.object({
          stageId: z.string(),
          instances: z.number().int().positive(),
          instancesHow: z.enum(["fixed", "fanout", "pattern", "sized"]),
          instanceRange: z.object({ min: z.number().int().positive(), max: z.number().int().positive() }).optional(),
          memoryMb: finite.positive().optional(),
          memoryHow: z.enum(["configured", "sized", "peak"]),
          peakMemoryMb: nonNegative,
          reason: z.string(),
        }),
      ),
    })
    .optional(),
  timingsMs: z.record(z.string(), nonNegative).optional(),
});

// Both directions: every Plan is a valid input, and every parsed value is a Plan.
type Writable<T> = T extends readonly (infer U)[] ? Writable<U>[] : T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;
export type PlanSchemaInput = z.input<typeof planSchema>;
export const planFitsSchema = (p: Writable<Plan>): PlanSchemaInput => p;
export const schemaFitsPlan = (p: z.output<typeof planSchema>): Plan => p;

// Optional fields pass both assignments above, so the keys are compared too, level by level: a field
// the schema lacks is stripped by planSchema.parse (placement's memoryMb and sizing once were).
type Out = z.output<typeof planSchema>;
type SameKeys<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never] ? true : false;
type Item<T> = T extends readonly (infer U)[] ? U : never;
const sameKeys: [
  SameKeys<Plan, Out>,
  SameKeys<Item<Plan["placement"]>, Item<Out["placement"]>>,
  SameKeys<Item<Plan["stages"]>, Item<Out["stages"]>>,
  SameKeys<Item<Plan["edges"]>, Item<Out["edges"]>>,
  SameKeys<Plan["predicted"], Out["predicted"]>,
  SameKeys<Plan["solver"], Out["solver"]>,
  SameKeys<Item<Item<Plan["explanations"]>["options"]>, Item<Item<Out["explanations"]>["options"]>>,
  SameKeys<NonNullable<Plan["sizing"]>, NonNullable<Out["sizing"]>>,
  SameKeys<Item<NonNullable<Plan["sizing"]>["stages"]>, Item<NonNullable<Out["sizing"]>["stages"]>>,
] = [true, true, true, true, true, true, true, true, true];
void sameKeys;
