/** The DAG as callers write it (JSON or objects). The only fields that can influence a plan. */
import { z } from "zod";
import { PATTERNS } from "./types.js";

export const stageInputSchema = z.object({
  id: z.string().min(1),
  function: z.string().min(1),
  /**
   * A fixed count; "auto" or { min, max }: an open count plan() chooses (src/plan/sizing); unset: the
   * producer's predicted fanout (a root: 1).
   */
  instances: z
    .union([z.number(), z.literal("auto"), z.strictObject({ min: z.number().int().positive(), max: z.number().int().positive() })])
    .superRefine((v, ctx) => {
      // A count keeps the number's own issue (not "no union member matched").
      if (typeof v === "number" && !Number.isInteger(v)) ctx.addIssue({ code: "invalid_type", expected: "int", input: v, message: "Invalid input: expected int, received number" });
      else if (typeof v === "number" && v <= 0) ctx.addIssue({ code: "too_small", origin: "number", minimum: 0, inclusive: false, input: v, message: "Too small: expected number to be >0" });
    })
    .optional(),
  /** Configured memory of each instance, MB: billed as configured, and its runtime taken at it (default: the predicted peak, rounded up). */
  memoryMb: z.number().finite().positive().optional(),
  /** For a root stage: the share of the app input it reads (default 1, the whole input; 0: it reads none, e.g. a generator). */
  inputFraction: z.number().min(0).max(1).optional(),
  /** Bytes every instance reads from the object store besides its inputs (a model, a reference table). */
  sideInputBytes: z.number().finite().nonnegative().optional(),
  /** Runs this many times in sequence per instance, each run on 1/repeat of the instance's input (a polling or pagination loop, a sequential for-each). Default 1. */
  repeat: z.number().int().positive().optional(),
});

export const edgeInputSchema = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  pattern: z.enum(PATTERNS),
});

export const dagInputSchema = z.object({
  name: z.string().min(1).default("app"),
  stages: z.array(stageInputSchema).min(1),
  edges: z.array(edgeInputSchema).default([]),
});

export type DagInput = z.input<typeof dagInputSchema>;
