/**
 * The transfer time of an edge served by one or more modes, each for a fraction of its receivers:
 *
 *   time = max( max over shares (m, f) of time_m(f),  max over NIC lines j of [offset_j + Σ over shares of senderNic_m,j(f)] )
 *
 * Each mode's own time already covers its traffic through the busiest sender VM's NIC; the second
 * term adds that the shares of a split leave through that same NIC, a token bucket whose two lines
 * (bytes / burst, bytes / baseline − credit / baseline) apply to the shares' bytes together.
 * Beside a direct share an uploading mode's own time uses its `besideDirect` pieces (its upload is
 * one flow among the pullers). For a given set of shares, convex in the fractions: a max of affine
 * functions.
 */
import { pieceTimeMs } from "./modes/mode-module.js";
import type { ModeOption } from "./types.js";

export function edgeTransferMs(parts: readonly (readonly [ModeOption, number])[], nicOffsetsMs: readonly number[] = []): number {
  // the planner's hot loop (every candidate split of every edge): plain loops, nothing allocated
  let withDirect = false;
  let lines = 0;
  for (let k = 0; k < parts.length; k++) {
    const [o, f] = parts[k]!;
    if (!(f > 0)) continue;
    if (o.mode === "direct") withDirect = true;
    lines = Math.max(lines, o.senderNic.length);
  }
  let t = 0;
  for (let k = 0; k < parts.length; k++) {
    const [o, f] = parts[k]!;
    if (f > 0) t = Math.max(t, pieceTimeMs(timePiecesOf(o, withDirect), f));
  }
  // NIC line j: its offset plus every share's traffic on it (lines a share lacks carry none of it)
  for (let j = 0; j < lines; j++) {
    let x = nicOffsetsMs[j] ?? 0;
    for (let k = 0; k < parts.length; k++) {
      const [o, f] = parts[k]!;
      const line = f > 0 ? o.senderNic[j] : undefined;
      if (line !== undefined) x += line.fixedMs + line.perFractionMs * f;
    }
    t = Math.max(t, x);
  }
  return t;
}

/** A mode's time pieces, given whether a direct share of the same edge pulls from its senders. */
export function timePiecesOf(o: ModeOption, besideDirect: boolean) {
  return besideDirect && o.besideDirect !== undefined ? o.besideDirect : o.timePieces;
}

/**
 * The edge's two phases for a set of shares: the write (producer side) is the slowest share's
 * write, the read (consumer side) the slowest share's read. transfer ≥ write + read for one share;
 * the schedule starts a stage's reads after the last of its inputs is written (pool-schedule.ts).
 * `firstWriteMs`, the fastest share's write, is when the edge's first receivers can start.
 */
export function edgePhasesMs(parts: readonly (readonly [ModeOption, number])[]): { readonly writeMs: number; readonly readMs: number; readonly firstWriteMs: number } {
  const withDirect = parts.some(([o, f]) => o.mode === "direct" && f > 0);
  let writeMs = 0;
  let readMs = 0;
  let firstWriteMs = Infinity;
  for (const [o, f] of parts) {
    if (!(f > 0)) continue;
    const w = pieceTimeMs(withDirect && o.besideDirectWrite !== undefined ? o.besideDirectWrite : o.writePieces, f);
    writeMs = Math.max(writeMs, w);
    firstWriteMs = Math.min(firstWriteMs, w);
    readMs = Math.max(readMs, pieceTimeMs(o.readPieces, f));
  }
  return { writeMs, readMs, firstWriteMs: Number.isFinite(firstWriteMs) ? firstWriteMs : 0 };
}
