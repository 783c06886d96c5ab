/**
 * Accounting of a landed transfer: bytes per tier (object store, cache, network, local storage),
 * bytes read per edge and per mode, and the instance's merged transfer intervals — one per
 * (edge, kind, direction, fallback), spanning first issue to last landing — which `intervalsOf`
 * lists in time order for the report.
 */
import type { TransferMode } from "../model/types.js";
import { TRANSFER_MODES } from "../platform/schema.js";
import type { InstanceRt, SimState } from "./sim-state.js";
import type { TransferRequest } from "./transfer-request.js";
import type { TransferInterval } from "./types.js";

export function accountTransfer(sim: SimState, inst: InstanceRt, r: TransferRequest, issuedMs: number): void {
  const t = sim.tierBytes;
  const b = r.bytes;
  switch (r.tier) {
    case "store":
      if (r.direction === "read") sim.store.bytesRead += b;
      else sim.store.bytesWritten += b;
      break;
    case "cache":
      if (r.direction === "read") t.cacheRead += b;
      else t.cacheWritten += b;
      break;
    case "network":
      t.networkBytes += b;
      break;
    case "local":
      if (r.direction === "read") t.localRead += b;
      else t.localWritten += b;
      break;
  }
  if (r.edgeIndex !== undefined && r.direction === "read") {
    const e = sim.edges[r.edgeIndex]!;
    const mode = r.kind as TransferMode;
    e.bytesReadByMode[mode] = (e.bytesReadByMode[mode] ?? 0) + b;
    sim.bytesByMode[mode] += b;
  }
  const key = `${r.edge}|${r.kind}|${r.direction}|${r.fallback}`;
  const iv = inst.intervals.get(key);
  const now = sim.kernel.nowMs;
  if (iv === undefined) inst.intervals.set(key, { edge: r.edge, kind: r.kind, direction: r.direction, fallback: r.fallback, startMs: issuedMs, endMs: now, bytes: b, requests: 1 });
  else {
    iv.startMs = Math.min(iv.startMs, issuedMs);
    iv.endMs = Math.max(iv.endMs, now);
    iv.bytes += b;
    iv.requests++;
  }
}

export function intervalsOf(inst: InstanceRt): TransferInterval[] {
  return [...inst.intervals.values()]
    .map((iv): TransferInterval => {
      const base = { edge: iv.edge, kind: iv.kind, direction: iv.direction, startMs: iv.startMs, endMs: iv.endMs, bytes: iv.bytes, requests: iv.requests };
      return iv.fallback ? { ...base, fallback: true } : base;
    })
    .sort((a, b) => a.startMs - b.startMs || a.edge.localeCompare(b.edge) || TRANSFER_MODES.indexOf(a.kind as TransferMode) - TRANSFER_MODES.indexOf(b.kind as TransferMode));
}
