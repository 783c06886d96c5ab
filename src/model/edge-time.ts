/**
 * The transfer time of an edge served by one or more modes, each for a fraction of its receivers:
 *
 *   time = max( max over shares (m, f) of time_m(f),  Σ over shares of senderNic_m(f) )
 *
 * Each mode's own time already covers its traffic through the busiest sender VM's NIC; the sum
 * adds that the shares of a split leave through that same NIC (a direct share's pulls and a remote
 * share's uploads compete for it). Convex in the fractions: a max of affine functions.
 */
import { pieceTimeMs } from "../modes/mode-module.js";
import type { ModeOption } from "./types.js";

export function edgeTransferMs(parts: readonly (readonly [ModeOption, number])[]): number {
  let own = 0;
  let nic = 0;
  for (const [o, f] of parts) {
    if (!(f > 0)) continue;
    own = Math.max(own, pieceTimeMs(o.timePieces, f));
    nic += o.senderNic.fixedMs + o.senderNic.perFractionMs * f;
  }
  return Math.max(own, nic);
}
