/**
 * What the executor knows during a run: each stage's instance count and current outcome per
 * instance, which stored copies can still be read (a file dies with its VM or when a reader finds it
 * missing; intermediates are deleted once every consumer is done), every outcome ever returned
 * (re-runs included, for the report), and when each cache value was written and deleted.
 */
import type { InstanceOutcome, StoredCopy } from "../queue/job-data.js";
import type { Liveness } from "../queue/liveness.js";

export class RunState {
  readonly counts = new Map<string, number>();
  readonly outcomes = new Map<string, InstanceOutcome[]>();
  readonly history: InstanceOutcome[] = [];
  readonly readyMs = new Map<string, number>();
  readonly finishedStages = new Set<string>();
  /** Rounds and re-runs, for the report's notes. */
  readonly events: string[] = [];
  /** Cache values: bytes, written at, deleted at (epoch ms). */
  readonly cacheLife: { bytes: number; writtenMs: number; deletedMs?: number; name: string }[] = [];
  private readonly lostFiles = new Set<string>();
  private readonly deleted = new Set<string>();

  constructor(readonly liveness: Liveness) {}

  record(stageId: string, o: InstanceOutcome): void {
    const list = this.outcomes.get(stageId) ?? [];
    list[o.index] = o;
    this.outcomes.set(stageId, list);
    this.history.push(o);
    this.lostFiles.delete(`${o.stageNo}:${o.index}`);
    for (const c of o.copies) {
      this.deleted.delete(c.at.name);
      if (c.kind === "cache") {
        const w = o.transfers.find((t) => t.kind === "cache" && t.direction === "write");
        this.cacheLife.push({ bytes: c.partitions.reduce((a, p) => a + o.partitionBytes[p]!, 0), writtenMs: w?.endMs ?? o.finishMs, name: c.at.name });
      }
    }
  }

  markFileLost(stageNo: number, index: number): void {
    this.lostFiles.add(`${stageNo}:${index}`);
  }

  markDeleted(copy: StoredCopy, atMs: number): void {
    this.deleted.add(copy.at.name);
    if (copy.kind === "cache") for (const l of this.cacheLife) if (l.name === copy.at.name && l.deletedMs === undefined) l.deletedMs = atMs;
  }

  /** Whether a copy of `o`'s output can still be read. */
  alive(o: InstanceOutcome, copy: StoredCopy): boolean {
    if (this.deleted.has(copy.at.name)) return false;
    if (copy.kind !== "file") return true;
    return copy.at.vm !== undefined && this.liveness.isAlive(copy.at.vm) && !this.lostFiles.has(`${o.stageNo}:${o.index}`);
  }
}
