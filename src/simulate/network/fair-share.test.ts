import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../errors.js";
import { FairShareNetwork } from "./fair-share.js";

/** Reference max-min fair allocation: progressive filling in small, explicit rounds. */
function referenceRates(caps: number[], flows: { cap: number; uses: { r: number; w: number }[] }[]): number[] {
  const rate = flows.map(() => 0);
  const frozen = flows.map(() => false);
  for (let round = 0; round < 1000 && frozen.includes(false); round++) {
    const load = caps.map(() => 0);
    const weight = caps.map(() => 0);
    flows.forEach((f, i) => f.uses.forEach((u) => {
      load[u.r]! += rate[i]! * u.w;
      if (!frozen[i]) weight[u.r]! += u.w;
    }));
    let delta = Infinity;
    caps.forEach((c, r) => {
      if (weight[r]! > 0) delta = Math.min(delta, (c - load[r]!) / weight[r]!);
    });
    flows.forEach((f, i) => {
      if (!frozen[i]) delta = Math.min(delta, f.cap - rate[i]!);
    });
    flows.forEach((_, i) => {
      if (!frozen[i]) rate[i]! += delta;
    });
    flows.forEach((f, i) => {
      if (frozen[i]) return;
      if (Number.isFinite(f.cap) && f.cap - rate[i]! <= 1e-9 * f.cap) frozen[i] = true;
      for (const u of f.uses) {
        const l = flows.reduce((a, g, k) => a + g.uses.filter((x) => x.r === u.r).reduce((b, x) => b + rate[k]! * x.w, 0), 0);
        if (caps[u.r]! - l <= 1e-9 * caps[u.r]!) frozen[i] = true;
      }
    });
  }
  return rate;
}

describe("FairShareNetwork", () => {
  // | case                         | capacity | flows                | expected rates (bytes/s)            |
  // | one flow, capped             | 100      | cap 40               | 40                                   |
  // | two share a link             | 100      | 2 uncapped           | 50, 50                               |
  // | capped flow leaves the rest  | 100      | cap 20 + uncapped    | 20, 80 (100 − 20)                    |
  // | weighted pull                | 100, 100 | A on r0 (w 1), r1 (w 0.5); B on r1 | both rise until r1 fills: 0.5x + x = 100 → 66.7 each |
  it.each([
    { name: "one flow, capped", caps: [100], flows: [{ cap: 40, uses: [{ r: 0, w: 1 }] }], expected: [40] },
    { name: "two share a link", caps: [100], flows: [{ cap: Infinity, uses: [{ r: 0, w: 1 }] }, { cap: Infinity, uses: [{ r: 0, w: 1 }] }], expected: [50, 50] },
    { name: "capped flow leaves the rest", caps: [100], flows: [{ cap: 20, uses: [{ r: 0, w: 1 }] }, { cap: Infinity, uses: [{ r: 0, w: 1 }] }], expected: [20, 80] },
    {
      name: "weighted pull",
      caps: [100, 100],
      flows: [
        { cap: Infinity, uses: [{ r: 0, w: 1 }, { r: 1, w: 0.5 }] },
        { cap: Infinity, uses: [{ r: 1, w: 1 }] },
      ],
      expected: [200 / 3, 200 / 3],
    },
  ])("$name", ({ caps, flows, expected }) => {
    const net = new FairShareNetwork();
    caps.forEach((c, r) => net.addResource(`r${r}`, c));
    for (const f of flows) net.start({ bytes: 1e6, capBytesPerSecond: f.cap, resourceIds: f.uses.map((u) => `r${u.r}`), weights: f.uses.map((u) => u.w), onDone: () => {} });
    net.rates().forEach((r, i) => expect(r).toBeCloseTo(expected[i]!, 6));
  });

  it("matches a reference progressive filling and never overloads a resource", () => {
    const arb = fc.record({
      caps: fc.array(fc.integer({ min: 10, max: 1000 }), { minLength: 1, maxLength: 5 }),
      flows: fc.array(
        fc.record({
          cap: fc.oneof(fc.constant(Infinity), fc.integer({ min: 5, max: 500 })),
          uses: fc.array(fc.record({ r: fc.nat(4), w: fc.constantFrom(1, 0.5, 0.25) }), { minLength: 1, maxLength: 3 }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(arb, ({ caps, flows }) => {
        const clean = flows.map((f) => ({ cap: f.cap, uses: f.uses.filter((u, k) => u.r < caps.length && f.uses.findIndex((x) => x.r === u.r) === k) })).filter((f) => f.uses.length > 0);
        const net = new FairShareNetwork();
        caps.forEach((c, r) => net.addResource(`r${r}`, c));
        for (const f of clean) net.start({ bytes: 1e6, capBytesPerSecond: f.cap, resourceIds: f.uses.map((u) => `r${u.r}`), weights: f.uses.map((u) => u.w), onDone: () => {} });
        const got = net.rates();
        const want = referenceRates(caps, clean);
        got.forEach((r, i) => expect(r).toBeCloseTo(want[i]!, 4));
        caps.forEach((c, r) => {
          const load = clean.reduce((a, f, i) => a + f.uses.filter((u) => u.r === r).reduce((b, u) => b + got[i]! * u.w, 0), 0);
          expect(load).toBeLessThanOrEqual(c * (1 + 1e-9));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("recomputing only what a change can move gives the full max-min allocation after every start and completion", () => {
    const flowArb = fc.record({
      cap: fc.oneof(fc.constant(Infinity), fc.integer({ min: 5, max: 500 })),
      uses: fc.uniqueArray(fc.record({ r: fc.nat(5), w: fc.constantFrom(1, 0.5, 0.25) }), { selector: (u) => u.r, minLength: 1, maxLength: 3 }),
      bytes: fc.integer({ min: 10, max: 5000 }),
      batch: fc.nat(3),
    });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 10, max: 1000 }), { minLength: 6, maxLength: 6 }), fc.array(flowArb, { minLength: 1, maxLength: 12 }), (caps, flows) => {
        const net = new FairShareNetwork();
        caps.forEach((c, r) => net.addResource(`r${r}`, c));
        const active: typeof flows = [];
        const check = () => {
          const want = referenceRates(caps, active);
          net.rates().forEach((r, i) => expect(r).toBeCloseTo(want[i]!, 3));
        };
        // flows start in batches (batch 0 starts now); between batches, time runs to the next completion
        let next = 0;
        while (next < flows.length || net.activeFlows > 0) {
          do {
            const f = flows[next++]!;
            const entry = { ...f };
            active.push(entry);
            net.start({ bytes: f.bytes, capBytesPerSecond: f.cap, resourceIds: f.uses.map((u) => `r${u.r}`), weights: f.uses.map((u) => u.w), onDone: () => active.splice(active.indexOf(entry), 1) });
          } while (next < flows.length && flows[next]!.batch === 0);
          check();
          if (next >= flows.length) {
            while (net.activeFlows > 0) {
              const t = net.nextCompletionMs();
              net.advanceTo(t);
              for (const cb of net.takeCompleted(t)) cb();
              check();
            }
          } else {
            const t = net.nextCompletionMs();
            net.advanceTo(t);
            for (const cb of net.takeCompleted(t)) cb();
            check();
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("delivers bytes: two equal flows on one link finish together at 2 · bytes / capacity", () => {
    const net = new FairShareNetwork();
    net.addResource("link", 1000);
    const done: number[] = [];
    net.start({ bytes: 500, capBytesPerSecond: Infinity, resourceIds: ["link"], onDone: () => done.push(1) });
    net.start({ bytes: 500, capBytesPerSecond: Infinity, resourceIds: ["link"], onDone: () => done.push(2) });
    const t = net.nextCompletionMs(); // 500 B at 500 B/s each = 1000 ms
    expect(t).toBeCloseTo(1000, 9);
    net.advanceTo(t);
    for (const cb of net.takeCompleted(t)) cb();
    expect(done).toEqual([1, 2]);
    expect(net.stats()[0]!.bytes).toBeCloseTo(1000, 6);
  });

  it.each([
    // the simulation adds every NIC, disk and store link before any flow starts: a flow over a link never added is a bug
    { label: "one unknown link", resourceIds: ["nic:vm9"] },
    { label: "a known link then an unknown one", resourceIds: ["link", "store"] },
  ])("a flow over an unknown resource ($label) is the internal error SLU9005", ({ resourceIds }) => {
    const net = new FairShareNetwork();
    net.addResource("link", 1000);
    expect(() => net.start({ bytes: 1, capBytesPerSecond: Infinity, resourceIds, onDone: () => {} })).toThrow(expect.objectContaining({ code: codeOf("internal.simulationStalled"), message: expect.stringContaining(`unknown resource ${resourceIds.at(-1)}`) }));
  });
});
