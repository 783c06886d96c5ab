/**
 * One traced invocation of one function: the row every reader produces and every trainer consumes.
 * The schema is the single definition; the type is inferred from it.
 */
import { z } from "zod";

const nonNegative = z.number().finite().nonnegative();

export const traceRecordSchema = z.object({
  app: z.string().min(1),
  function: z.string().min(1),
  /** Bytes this instance read. */
  inputBytes: nonNegative,
  /** Wall time of this instance, excluding data passing where the trace separates it. */
  runtimeMs: nonNegative,
  /** Peak memory of this instance. */
  memoryMb: nonNegative,
  /** Bytes this instance wrote. */
  outputBytes: nonNegative,
  /** Instances of the next stage this invocation led to (1 for a sink or a one-to-one stage). */
  fanout: nonNegative,
  /** Configured memory size, where the platform has one (Lambda's "Memory Size"). */
  memorySettingMb: nonNegative.optional(),
  /** True when the invocation started a fresh container. */
  cold: z.boolean().optional(),
});

export type TraceRecord = z.infer<typeof traceRecordSchema>;

/** Fields a reader must fill; the others are optional. */
export const REQUIRED_TRACE_FIELDS = ["app", "function", "inputBytes", "runtimeMs", "memoryMb", "outputBytes", "fanout"] as const;
export const OPTIONAL_TRACE_FIELDS = ["memorySettingMb", "cold"] as const;
export const TRACE_FIELDS = [...REQUIRED_TRACE_FIELDS, ...OPTIONAL_TRACE_FIELDS] as const;
export type TraceField = (typeof TRACE_FIELDS)[number];
