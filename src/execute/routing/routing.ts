/**
 * Which bytes each receiver of an edge reads, as the workloads' own router (workloads/route-outputs.ts)
 * sends them, and which mode serves it. Producer i has partitions 0 … m_i − 1 (its outputs).
 *
 * | pattern    | receivers      | receiver r reads                                              |
 * |------------|----------------|---------------------------------------------------------------|
 * | one-to-one | n_u            | every partition of producer r                                 |
 * | scatter    | Σ m_i          | partition j of producer i, r = Σ_{k<i} m_k + j                |
 * | shuffle    | m (all equal)  | partition r of every producer                                 |
 * | broadcast  | m (all equal)  | every partition of every producer                             |
 * | gather     | 1              | every partition of every producer                             |
 *
 * Modes: receiver r of a split edge is served by `receiverModes(shares, n)[r]`, the simulator's
 * rule (simulate/receivers.ts), which does not depend on n, so a producer can place partition j of
 * a shuffle by j alone. A producer writes to the object store or the cache only the partitions
 * whose receivers those modes serve (all of them for one-to-one, broadcast and gather receivers).
 */
import type { Pattern } from "../../dag/types.js";
import type { ModeShare, TransferMode } from "../../model/types.js";
import { assignReceiverModes } from "../../simulate/receivers.js";

export interface ReadRange {
  readonly sender: number;
  /** Partitions [first, last] of the sender, read as one contiguous range. */
  readonly first: number;
  readonly last: number;
}

export function receiverModes(shares: readonly ModeShare[], receivers: number): TransferMode[] {
  return assignReceiverModes(shares, receivers);
}

/** The receiver count an edge gets from its producers' partition counts; an error names the edge when counts disagree. */
export function receiverCount(pattern: Pattern, partitions: readonly number[], edge: string): number {
  const m = partitions[0] ?? 0;
  switch (pattern) {
    case "one-to-one":
      return partitions.length;
    case "scatter":
      return partitions.reduce((a, b) => a + b, 0);
    case "gather":
      return 1;
    case "shuffle":
    case "broadcast":
      partitions.forEach((c, i) => {
        if (c !== m) throw new RangeError(`${edge}: a ${pattern} needs every producer to write the same number of partitions; producer 0 wrote ${m}, producer ${i} wrote ${c}`);
      });
      return m;
  }
}

/** The ranges receiver r reads, in the order its input is concatenated. */
export function readRanges(pattern: Pattern, r: number, partitions: readonly number[]): ReadRange[] {
  const all = (sender: number): ReadRange[] => (partitions[sender]! > 0 ? [{ sender, first: 0, last: partitions[sender]! - 1 }] : []);
  switch (pattern) {
    case "one-to-one":
      return all(r);
    case "scatter": {
      let base = 0;
      for (let i = 0; i < partitions.length; i++) {
        if (r < base + partitions[i]!) return [{ sender: i, first: r - base, last: r - base }];
        base += partitions[i]!;
      }
      throw new RangeError(`scatter receiver ${r}: expected < ${base}`);
    }
    case "shuffle":
      return partitions.map((_, sender) => ({ sender, first: r, last: r }));
    case "broadcast":
    case "gather":
      return partitions.flatMap((_, sender) => all(sender));
  }
}

/**
 * The partitions producer i (with m partitions, `senders` producers) must put where each upload
 * mode (remote, cache) can serve them, for one outgoing edge. Scatter receivers are numbered as if
 * every producer had m partitions (the executor falls back to another stored copy when they do not).
 */
export function partitionsByMode(pattern: Pattern, shares: readonly ModeShare[], i: number, m: number): Map<TransferMode, Set<number>> {
  const out = new Map<TransferMode, Set<number>>();
  const add = (mode: TransferMode, parts: Iterable<number>) => {
    const set = out.get(mode) ?? new Set<number>();
    for (const p of parts) set.add(p);
    out.set(mode, set);
  };
  const every = Array.from({ length: m }, (_, p) => p);
  switch (pattern) {
    case "one-to-one":
      add(receiverModes(shares, i + 1)[i]!, every);
      break;
    case "gather":
      add(receiverModes(shares, 1)[0]!, every);
      break;
    case "broadcast":
      for (const mode of new Set(receiverModes(shares, m))) add(mode, every);
      break;
    case "shuffle":
      receiverModes(shares, m).forEach((mode, p) => add(mode, [p]));
      break;
    case "scatter": {
      const modes = receiverModes(shares, i * m + m);
      for (let j = 0; j < m; j++) add(modes[i * m + j]!, [j]);
      break;
    }
  }
  return out;
}
