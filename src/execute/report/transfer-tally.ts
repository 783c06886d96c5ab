/**
 * A run's transfers summed as the simulator reports them: bytes and requests per tier (the object
 * store counts the app input and the result too), bytes read per mode and per edge (a read serving
 * several edges counts for each), and per VM the bytes and busy intervals of its NIC. A vm-local
 * read and a direct producer's local write do not cross the NIC; a direct read crosses the network.
 */
import type { TransferMode } from "../../platform/schema.js";
import type { NicUsage, SimInstance, TransferInterval } from "../../simulate/types.js";
import { peakRate, unionMs } from "./report-usage.js";

interface NicTally {
  in: number;
  out: number;
  readonly busyIn: [number, number][];
  readonly busyOut: [number, number][];
}

export class TransferTally {
  readonly store = { written: 0, read: 0, puts: 0, gets: 0 };
  cacheWritten = 0;
  cacheRead = 0;
  network = 0;
  localWritten = 0;
  localRead = 0;
  readonly bytesByMode: Record<TransferMode, number> = { "vm-local": 0, direct: 0, remote: 0, cache: 0 };
  readonly edgeBytes = new Map<string, Partial<Record<TransferMode, number>>>();
  private readonly nicBytes = new Map<string, NicTally>();

  /** Adds one transfer of an instance on `vm`; `t`'s times are already relative to the run's start. */
  add(vm: string, t: TransferInterval): void {
    const nic = this.nicOf(vm);
    if (t.kind === "remote" || t.kind === "input" || t.kind === "output") {
      if (t.direction === "write") (this.store.written += t.bytes), (this.store.puts += t.requests);
      else (this.store.read += t.bytes), (this.store.gets += t.requests);
    }
    if (t.kind === "cache") t.direction === "write" ? (this.cacheWritten += t.bytes) : (this.cacheRead += t.bytes);
    if (t.kind === "vm-local" || (t.kind === "direct" && t.direction === "write")) t.direction === "write" ? (this.localWritten += t.bytes) : (this.localRead += t.bytes);
    if (t.kind === "direct" && t.direction === "read") this.network += t.bytes;
    const crossesNic = t.kind !== "vm-local" && !(t.kind === "direct" && t.direction === "write");
    if (crossesNic) {
      if (t.direction === "read") (nic.in += t.bytes), nic.busyIn.push([t.startMs, t.endMs]);
      else (nic.out += t.bytes), nic.busyOut.push([t.startMs, t.endMs]);
    }
    if (t.direction === "read" && t.kind !== "input" && t.kind !== "output") {
      this.bytesByMode[t.kind] += t.bytes;
      for (const edge of t.edge.split(",")) {
        const m = this.edgeBytes.get(edge) ?? {};
        m[t.kind] = (m[t.kind] ?? 0) + t.bytes;
        this.edgeBytes.set(edge, m);
      }
    }
  }

  /** Each VM's NIC (by name): busy fraction of `spanMs` and peak rate per direction against `nicBytesPerSecond`. */
  nicUsage(instances: readonly SimInstance[], spanMs: number, nicBytesPerSecond: number): NicUsage[] {
    return [...this.nicBytes].sort(([a], [b]) => a.localeCompare(b)).map(([vm, n]) => ({
      vm,
      busyFractionIn: unionMs(n.busyIn) / spanMs,
      busyFractionOut: unionMs(n.busyOut) / spanMs,
      peakIn: peakRate(instances, vm, "read") / nicBytesPerSecond,
      peakOut: peakRate(instances, vm, "write") / nicBytesPerSecond,
      bytesIn: n.in,
      bytesOut: n.out,
    }));
  }

  private nicOf(vm: string): NicTally {
    let n = this.nicBytes.get(vm);
    if (n === undefined) this.nicBytes.set(vm, (n = { in: 0, out: 0, busyIn: [], busyOut: [] }));
    return n;
  }
}
