/**
 * One traced invocation of one function: the row every reader produces and every trainer consumes.
 * The schema is the single definition; the type is inferred from it. Only the function and its
 * input size are required: a row trains the targets it has (a trace without memory still trains
 * runtime), and the trainer counts what each target used and skipped.
 */
import { z } from "zod";

const nonNegative = z.number().finite().nonnegative();

export const traceRecordSchema = z.strictObject({
  app: z.string().min(1),
  function: z.string().min(1),
  /** Bytes this instance read. */
  inputBytes: nonNegative,
  /** Wall time of this instance, excluding data passing where the trace separates it. */
  runtimeMs: nonNegative.optional(),
  /** Peak memory of this instance. */
  memoryMb: nonNegative.optional(),
  /** Bytes this instance wrote. */
  outputBytes: nonNegative.optional(),
  /** Instances of the next stage this invocation led to (1 for a sink or a one-to-one stage). */
  fanout: nonNegative.optional(),
  /**
   * Bytes the whole stage read in this workflow run, when the fanout was counted per run (the
   * profile's fanout is a function of the stage's input, not one instance's). Default: inputBytes.
   */
  stageInputBytes: nonNegative.optional(),
  /** Configured memory size, where the platform has one (Lambda's "Memory Size"). */
  memorySettingMb: z.number().finite().positive().optional(),
  /** True when the invocation started a fresh container. */
  cold: z.boolean().optional(),
});

export type TraceRecord = z.infer<typeof traceRecordSchema>;

/** What a profile predicts; a record may lack any of them. */
export const TARGET_FIELDS = ["runtimeMs", "memoryMb", "outputBytes", "fanout"] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** Fields every row must have (app defaults to the file's name when no column holds it). */
export const REQUIRED_TRACE_FIELDS = ["app", "function", "inputBytes"] as const;
export const OPTIONAL_TRACE_FIELDS = ["memorySettingMb", "cold"] as const;
/** The fields a column map can fill, in the order they are resolved and reported. */
export const TRACE_FIELDS = [...REQUIRED_TRACE_FIELDS, ...TARGET_FIELDS, ...OPTIONAL_TRACE_FIELDS] as const;
export type TraceField = (typeof TRACE_FIELDS)[number];
