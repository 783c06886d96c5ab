/**
 * Which bytes each receiver of an edge reads, and which mode serves it.
 *
 * Pieces (sender instance i, bytes) for receiver j, with out_i the sender's actual output:
 * | pattern    | receiver j reads                                                     |
 * |------------|----------------------------------------------------------------------|
 * | one-to-one | out_j from sender j                                                  |
 * | scatter    | out_i / c_i from sender i = ⌊j · n_u / n_v⌋ (c_i receivers share it) |
 * | broadcast  | out_i from every sender                                              |
 * | shuffle    | out_i / n_v from every sender (one ranged GET each)                  |
 * | gather     | out_i from every sender                                              |
 *
 * A split edge serves receiver j by the mode whose served count lags its fraction the most
 * (f_m · (j + 1) − served_m, ties in TRANSFER_MODES order): counts round to f · n and the modes
 * interleave across receivers.
 */
import type { Pattern } from "../dag/types.js";
import type { ModeShare, TransferMode } from "../model/types.js";

export interface Piece {
  readonly sender: number;
  readonly bytes: number;
}

export function senderOfScatter(j: number, senders: number, receivers: number): number {
  return Math.min(senders - 1, Math.floor((j * senders) / receivers));
}

/**
 * The receivers of scatter sender i: j with ⌊j · s / r⌋ = i, i.e. i · r / s ≤ j < (i + 1) · r / s —
 * from ⌈i · r / s⌉ up to (not including) ⌈(i + 1) · r / s⌉ (j < r keeps j · s / r below s, so the
 * clamp to s − 1 never acts). In O(1), where counting them one by one made a scatter O(n²).
 */
export function receiversOfScatter(i: number, senders: number, receivers: number): { readonly first: number; readonly end: number } {
  const ceilDiv = (a: number, b: number) => Math.floor((a + b - 1) / b);
  return { first: ceilDiv(i * receivers, senders), end: Math.min(receivers, ceilDiv((i + 1) * receivers, senders)) };
}

export function piecesFor(pattern: Pattern, j: number, outputs: readonly number[], receivers: number): Piece[] {
  const senders = outputs.length;
  switch (pattern) {
    case "one-to-one":
      return [{ sender: Math.min(j, senders - 1), bytes: outputs[Math.min(j, senders - 1)] ?? 0 }];
    case "scatter": {
      const i = senderOfScatter(j, senders, receivers);
      const { first, end } = receiversOfScatter(i, senders, receivers);
      return [{ sender: i, bytes: (outputs[i] ?? 0) / (end - first) }];
    }
    case "shuffle":
      return outputs.map((o, i) => ({ sender: i, bytes: o / receivers }));
    case "broadcast":
    case "gather":
      return outputs.map((o, i) => ({ sender: i, bytes: o }));
  }
}

/** The mode of every receiver of an edge, from its shares. */
export function assignReceiverModes(shares: readonly ModeShare[], receivers: number): TransferMode[] {
  const served = shares.map(() => 0);
  const out: TransferMode[] = [];
  for (let j = 0; j < receivers; j++) {
    let best = 0;
    let bestLag = -Infinity;
    shares.forEach((s, k) => {
      const lag = s.fraction * (j + 1) - served[k]!;
      if (lag > bestLag + 1e-12) {
        bestLag = lag;
        best = k;
      }
    });
    served[best]!++;
    out.push(shares[best]?.mode ?? "remote");
  }
  return out;
}
