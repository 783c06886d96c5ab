import { describe, expect, it } from "vitest";
import { codeOf } from "../errors.js";
import { Kernel } from "./kernel.js";

describe("Kernel.run", () => {
  it("runs events and flows in time order and returns the last time", () => {
    const k = new Kernel();
    k.network.addResource("link", 1000);
    const log: string[] = [];
    k.at(5, () => log.push("event@5"));
    // 2000 B at 1000 B/s = 2000 ms
    k.transfer(2000, Infinity, ["link"], () => log.push(`flow@${k.nowMs}`));
    expect(k.run()).toBeCloseTo(2000, 9);
    expect(log).toEqual(["event@5", "flow@2000"]);
  });

  it.each([
    // 3 events scheduled, room for 2: the third is one too many
    { events: 3, maxEvents: 2, limit: 2 },
    // 10 events, room for 9
    { events: 10, maxEvents: 9, limit: 9 },
  ])("$events events over a limit of $maxEvents are SLU7005 naming the limit", ({ events, maxEvents, limit }) => {
    const k = new Kernel();
    for (let t = 0; t < events; t++) k.at(t, () => {});
    expect(() => k.run(maxEvents)).toThrow(expect.objectContaining({ code: codeOf("simulate.tooManyEvents"), issues: [expect.objectContaining({ expected: `≤ ${limit} events` })] }));
  });

  it.each([
    // a link of 0 B/s gives the flow rate 0: it never finishes, and nothing else is left to happen
    { label: "a link of 0 B/s", capacity: 0, capBytesPerSecond: Infinity },
    // a per-flow cap of 0 B/s on a live link: the same stall
    { label: "a flow capped at 0 B/s", capacity: 1000, capBytesPerSecond: 0 },
  ])("$label stalls: the internal error SLU9005 instead of a hang or an early finish", ({ capacity, capBytesPerSecond }) => {
    // the platform schema refuses zero bandwidths, so only a bug in the simulation's set-up reaches this
    const k = new Kernel();
    k.network.addResource("link", capacity);
    k.transfer(1000, capBytesPerSecond, ["link"], () => {});
    expect(() => k.run()).toThrow(expect.objectContaining({ code: codeOf("internal.simulationStalled"), message: expect.stringContaining("flows left without bandwidth") }));
  });
});
