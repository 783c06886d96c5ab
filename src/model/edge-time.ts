/**
 * The transfer time of an edge served by one or more modes, each for a fraction of its receivers:
 *
 *   time = max( max over shares (m, f) of time_m(f),  Σ over shares of senderNic_m(f) )
 *
 * Each mode's own time already covers its traffic through the busiest sender VM's NIC; the sum
 * adds that the shares of a split leave through that same NIC (a direct share's pulls and a remote
 * share's uploads compete for it), and beside a direct share an uploading mode's own time uses its
 * `besideDirect` pieces (its upload is one flow among the pullers). For a given set of shares,
 * convex in the fractions: a max of affine functions.
 */
import { pieceTimeMs } from "../modes/mode-module.js";
import type { ModeOption } from "./types.js";

export function edgeTransferMs(parts: readonly (readonly [ModeOption, number])[]): number {
  const withDirect = parts.some(([o, f]) => o.mode === "direct" && f > 0);
  let own = 0;
  let nic = 0;
  for (const [o, f] of parts) {
    if (!(f > 0)) continue;
    own = Math.max(own, pieceTimeMs(timePiecesOf(o, withDirect), f));
    nic += o.senderNic.fixedMs + o.senderNic.perFractionMs * f;
  }
  return Math.max(own, nic);
}

/** A mode's time pieces, given whether a direct share of the same edge pulls from its senders. */
export function timePiecesOf(o: ModeOption, besideDirect: boolean) {
  return besideDirect && o.besideDirect !== undefined ? o.besideDirect : o.timePieces;
}
