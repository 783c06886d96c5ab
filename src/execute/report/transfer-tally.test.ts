import { describe, expect, it } from "vitest";
import type { TransferInterval } from "../../simulate/types.js";
import { TransferTally } from "./transfer-tally.js";

const t = (kind: TransferInterval["kind"], direction: "read" | "write", bytes: number, edge = "a->b", startMs = 0, endMs = 10): TransferInterval => ({ edge, kind, direction, startMs, endMs, bytes, requests: 2 });

describe("TransferTally", () => {
  it.each([
    // A remote write: object store written 100 B in 2 PUTs; crosses the NIC out; not a read, so no mode bytes.
    { tr: t("remote", "write", 100), store: { written: 100, read: 0, puts: 2, gets: 0 }, local: [0, 0], network: 0, nic: [0, 100], byMode: 0 },
    // The app input read: the store's GETs count, the NIC in carries it, but it is no edge's mode.
    { tr: t("input", "read", 50, "input"), store: { written: 0, read: 50, puts: 0, gets: 2 }, local: [0, 0], network: 0, nic: [50, 0], byMode: 0 },
    // A direct producer writes to its own disk: local bytes, no NIC.
    { tr: t("direct", "write", 70), store: { written: 0, read: 0, puts: 0, gets: 0 }, local: [70, 0], network: 0, nic: [0, 0], byMode: 0 },
    // A direct read crosses the network and the reader's NIC in; 70 B for mode direct.
    { tr: t("direct", "read", 70), store: { written: 0, read: 0, puts: 0, gets: 0 }, local: [0, 0], network: 70, nic: [70, 0], byMode: 70 },
    // A vm-local read stays on the VM: local read, no NIC.
    { tr: t("vm-local", "read", 30), store: { written: 0, read: 0, puts: 0, gets: 0 }, local: [0, 30], network: 0, nic: [0, 0], byMode: 30 },
  ])("$tr.kind $tr.direction $tr.bytes B", ({ tr, store, local, network, nic, byMode }) => {
    const tally = new TransferTally();
    tally.add("vm-0", tr);
    expect(tally.store).toEqual(store);
    expect([tally.localWritten, tally.localRead]).toEqual(local);
    expect(tally.network).toBe(network);
    const [usage] = tally.nicUsage([], 10, 1e6);
    expect([usage!.bytesIn, usage!.bytesOut]).toEqual(nic);
    expect(Object.values(tally.bytesByMode).reduce((a, b) => a + b, 0)).toBe(byMode);
  });

  it("counts a read serving two edges for each edge, once for its mode", () => {
    const tally = new TransferTally();
    tally.add("vm-0", t("cache", "read", 40, "a->c,b->c"));
    expect(tally.bytesByMode.cache).toBe(40);
    expect(tally.cacheRead).toBe(40);
    expect([...tally.edgeBytes]).toEqual([["a->c", { cache: 40 }], ["b->c", { cache: 40 }]]);
  });

  it("gives each VM's NIC busy fraction from the union of its intervals, VMs by name", () => {
    const tally = new TransferTally();
    // vm-1 reads over [0, 10] and [5, 15]: busy 15 ms of a 30 ms span = 0.5; vm-0 writes over [0, 3]: 3 / 30 = 0.1.
    tally.add("vm-1", t("remote", "read", 10, "a->b", 0, 10));
    tally.add("vm-1", t("remote", "read", 10, "a->b", 5, 15));
    tally.add("vm-0", t("remote", "write", 10, "a->b", 0, 3));
    const usage = tally.nicUsage([], 30, 1e6);
    expect(usage.map((u) => [u.vm, u.busyFractionIn, u.busyFractionOut])).toEqual([["vm-0", 0, 0.1], ["vm-1", 0.5, 0]]);
  });
});
