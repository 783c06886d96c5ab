/** The DAG as callers write it (JSON or objects). The only fields that can influence a plan. */
import { z } from "zod";
import { PATTERNS } from "./types.js";

export const stageInputSchema = z.object({
  id: z.string().min(1),
  function: z.string().min(1),
  instances: z.number().int().positive().optional(),
  /** For a root stage: the share of the app input it reads (default 1, the whole input; 0: it reads none, e.g. a generator). */
  inputFraction: z.number().min(0).max(1).optional(),
  /** Bytes every instance reads from the object store besides its inputs (a model, a reference table). */
  sideInputBytes: z.number().finite().nonnegative().optional(),
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
