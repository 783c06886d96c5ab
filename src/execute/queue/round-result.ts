/**
 * A round's jobs and what came of them. The stages queue's parent job returns its children's values
 * and ignored failures keyed by BullMQ job key (`bull:<queue>:<job id>`); `collectRound` maps them
 * back to instances, counting each instance once (a value before a failure), and calls every
 * instance with neither missing: its job was removed with its dead VM.
 */
import type { InstanceJob, InstanceOutcome } from "./job-data.js";

export interface RoundJob {
  readonly vm: string;
  readonly data: InstanceJob;
}

export interface RoundResult {
  readonly completed: readonly InstanceOutcome[];
  readonly failed: readonly { readonly index: number; readonly reason: string }[];
  /** Instances whose job was removed because their VM died. */
  readonly missing: readonly number[];
}

/** What the stages queue's worker returns for a round's parent job. */
export interface ParentResult {
  readonly values: Record<string, InstanceOutcome>;
  readonly failures: Record<string, string>;
}

/** `jobIds`: the round's jobs by job id. */
export function collectRound(result: ParentResult, jobIds: ReadonlyMap<string, RoundJob>, jobs: readonly RoundJob[]): RoundResult {
  const completed: InstanceOutcome[] = [];
  const failed: { index: number; reason: string }[] = [];
  const seen = new Set<number>();
  const firstOf = <T>(entries: Record<string, T>, keep: (j: RoundJob, v: T) => void) => {
    for (const [key, v] of Object.entries(entries)) {
      const j = jobIds.get(key.slice(key.lastIndexOf(":") + 1));
      if (j !== undefined && !seen.has(j.data.index)) {
        seen.add(j.data.index);
        keep(j, v);
      }
    }
  };
  firstOf(result.values, (_, v) => completed.push(v));
  firstOf(result.failures, (j, reason) => failed.push({ index: j.data.index, reason }));
  const missing = jobs.map((j) => j.data.index).filter((i) => !seen.has(i));
  return { completed, failed, missing };
}
