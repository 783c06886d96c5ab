/**
 * Which stored copy each receiver reads, and at which offsets. For receiver r of an edge, each of
 * its ranges (routing.ts) is read through the copy its planned mode uses — the producer's file for
 * vm-local and direct, its object for remote, its cache value for cache — or, when that copy is
 * gone or lacks the partitions, through another copy that has them (flagged as a fallback: the file
 * over HTTP first, then the cache, then the object store). A range no live copy holds is returned
 * as missing: the executor re-runs that producer instance.
 *
 * Offsets: a copy holds partitions P (in order) contiguously, so partition p starts at
 * Σ_{q ∈ P, q before p} bytes_q; a range [first, last] must be contiguous in P.
 */
import type { TransferMode } from "../../platform/schema.js";
import type { CopyKind, InstanceOutcome, ReadPiece, StoredCopy } from "../queue/job-data.js";
import type { ReadRange } from "./routing.js";

const COPY_OF_MODE: Readonly<Record<TransferMode, CopyKind>> = { "vm-local": "file", direct: "file", remote: "remote", cache: "cache" };
const FALLBACK_ORDER: readonly [CopyKind, TransferMode][] = [["file", "direct"], ["cache", "cache"], ["remote", "remote"]];

/** Byte offset and length of partitions first…last in a copy, or undefined if the copy does not hold them contiguously. */
export function rangeInCopy(copy: StoredCopy, partitionBytes: readonly number[], first: number, last: number): { offset: number; length: number } | undefined {
  const at = copy.partitions.indexOf(first);
  if (at < 0) return undefined;
  for (let p = first; p <= last; p++) if (copy.partitions[at + (p - first)] !== p) return undefined;
  let offset = 0;
  for (let k = 0; k < at; k++) offset += partitionBytes[copy.partitions[k]!]!;
  let length = 0;
  for (let p = first; p <= last; p++) length += partitionBytes[p]!;
  return { offset, length };
}

export interface ReadChoice {
  readonly piece?: ReadPiece;
  /** Set when no live copy holds the range. */
  readonly missingSender?: number;
}

/** The read of one range, from the producer outcomes of the edge; `alive(copy)` says whether a copy can still be read. */
export function chooseRead(edge: string, mode: TransferMode, range: ReadRange, senders: readonly InstanceOutcome[], alive: (sender: number, copy: StoredCopy) => boolean): ReadChoice {
  const outcome = senders[range.sender]!;
  const tryCopy = (kind: CopyKind, as: TransferMode, fallback: boolean): ReadPiece | undefined => {
    for (const copy of outcome.copies) {
      if (copy.kind !== kind || !alive(range.sender, copy)) continue;
      const r = rangeInCopy(copy, outcome.partitionBytes, range.first, range.last);
      if (r !== undefined) return { edge, kind: as, source: copy.at, offset: r.offset, length: r.length, ...(fallback ? { fallback: true } : {}) };
    }
    return undefined;
  };
  const planned = tryCopy(COPY_OF_MODE[mode], mode, false);
  if (planned !== undefined) return { piece: planned };
  for (const [kind, as] of FALLBACK_ORDER) {
    const p = tryCopy(kind, as, true);
    if (p !== undefined) return { piece: p };
  }
  return { missingSender: range.sender };
}
