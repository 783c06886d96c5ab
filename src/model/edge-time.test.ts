import { describe, expect, it } from "vitest";
import { directMode } from "./modes/direct.js";
import { pieceTimeMs } from "./modes/mode-module.js";
import { BURSTING, close, context } from "../../test/support/mode-test-context.js";
import { nicOffsetsMs } from "./bandwidth.js";
import { remoteMode } from "./modes/remote.js";
import { edgeTransferMs } from "./edge-time.js";

// Fixture platform (mode-test-context.ts): NIC 100 MB/s, one store connection 10 MB/s, PUT 40 ms,
// GET 20 ms, network latency 1 ms, local storage 200 MB/s, 4 slots per VM.
describe("edgeTransferMs", () => {
  // One sender scatters 100 MB to 10 receivers (10 MB each), on its own VM.
  const scatter = context({ pattern: "scatter", totalBytes: 100e6, nu: 1, nv: 10 });
  const direct = directMode.estimate(scatter);
  const remote = remoteMode.estimate(scatter);

  it("is a mode's own time when it serves the whole edge", () => {
    // direct: 1 + 100e6 / 200e6 s (local write 500 ms) + max(out 1000 ms, in 4 · 10 MB = 400 ms) = 1501 ms.
    close(edgeTransferMs([[direct, 1]]), 1501);
    close(edgeTransferMs([[direct, 1]]), pieceTimeMs(direct.timePieces, 1));
    close(edgeTransferMs([[remote, 1]]), pieceTimeMs(remote.timePieces, 1));
  });

  it("adds the shares' traffic through the one sender NIC, and slows an upload beside direct pulls", () => {
    // Half the receivers pull directly (50 MB out of the NIC: 500 ms), the other half's slices are
    // uploaded (50 MB: 500 ms) through the same NIC: at least 1000 ms of NIC time in all.
    // Beside the pulls the upload is one flow among 1 uploader + 10 pullers: min(10 MB/s, 100 / 11)
    // = 9.09 MB/s, so 100 MB takes 11000 ms at f = 1. Remote at f = 0.5: write max(40 + 5500,
    // 0.5 · (10 PUTs · 40 + 11000)) = 5700; read 20 + 10 MB / 10 MB/s = 1020 → 6720.
    // Direct alone at f = 0.5: 1 + 500 + max(500, 400) = 1001.
    const t = edgeTransferMs([[direct, 0.5], [remote, 0.5]]);
    close(t, 6720);
    close(pieceTimeMs(remote.besideDirect!, 0.5), 6720);
    expect(pieceTimeMs(remote.timePieces, 0.5)).toBeLessThan(6720);
    expect(t).toBeGreaterThanOrEqual(direct.senderNic[0]!.perFractionMs * 0.5 + remote.senderNic[0]!.perFractionMs * 0.5);
  });

  it("binds when the NIC is the shared bottleneck: a broadcast's copies plus an upload", () => {
    // Broadcast 10 MB from one sender to 8 receivers: direct sends 8 copies (80 MB, 800 ms of NIC)
    // at f = 1. Split 3/4 direct (600 ms) + 1/4 remote: the upload is the whole 10 MB (100 ms, not
    // scaled: every remote reader needs all of it) → the NIC carries 700 ms.
    const bcast = context({ pattern: "broadcast", totalBytes: 10e6, nu: 1, nv: 8 });
    const d = directMode.estimate(bcast);
    const r = remoteMode.estimate(bcast);
    close(d.senderNic[0]!.perFractionMs, 800);
    close(r.senderNic[0]!.fixedMs, 100);
    close(d.senderNic[0]!.perFractionMs * 0.75 + r.senderNic[0]!.fixedMs, 700);
    expect(edgeTransferMs([[d, 0.75], [r, 0.25]])).toBeGreaterThanOrEqual(700);
  });

  it("applies the sender NIC's token bucket to the shares' bytes together", () => {
    // BURSTING: 100 MB/s baseline, 400 MB/s burst, 30 MB of credit (40 MB at the burst rate).
    // Broadcast 10 MB to 8: direct alone sends 80 MB: max(80/400, (80 − 30)/100) s = 500 ms of NIC.
    // Split 3/4 direct (60 MB) + 1/4 remote (the 10 MB upload): 70 MB through the one bucket:
    // max(70/400, (70 − 30)/100) s = 400 ms — not the sum of each share's own bucket time.
    const bcast = context({ pattern: "broadcast", totalBytes: 10e6, nu: 1, nv: 8 }, BURSTING);
    const d = directMode.estimate(bcast);
    const r = remoteMode.estimate(bcast);
    const offsets = nicOffsetsMs(BURSTING);
    close(offsets[1]!, -300);
    close(Math.max(...d.senderNic.map((l, j) => offsets[j]! + l.fixedMs + l.perFractionMs)), 500);
    const nic = Math.max(...d.senderNic.map((l, j) => offsets[j]! + l.fixedMs + l.perFractionMs * 0.75 + r.senderNic[j]!.fixedMs));
    close(nic, 400);
    expect(edgeTransferMs([[d, 0.75], [r, 0.25]], offsets)).toBeGreaterThanOrEqual(400);
  });

  it("ignores shares of fraction 0", () => {
    close(edgeTransferMs([[direct, 1], [remote, 0]]), edgeTransferMs([[direct, 1]]));
  });
});
