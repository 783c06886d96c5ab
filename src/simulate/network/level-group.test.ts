import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FairShareNetwork } from "./fair-share.js";

interface Arrival {
  readonly atMs: number;
  readonly bytes: number;
  readonly cap: number;
  /** Resource indices (0 is the shared hub) and weights. */
  readonly uses: readonly { r: number; w: number }[];
}

/** A NIC as a token bucket: bursts at its capacity, then a quarter of it; `burstS` seconds of extra credit. */
const nicBucket = (c: number, burstS: number) => ({ baselineBytesPerSecond: c / 4, burstBytesPerSecond: c, burstBytes: c * burstS });

/** Runs arrivals through a network and returns each flow's finish time and the resources' statistics; `buckets` says which resources are token buckets (index → seconds of credit). */
function run(arrivals: readonly Arrival[], caps: readonly number[], groupMinFlows: number, buckets: ReadonlyMap<number, number>) {
  const net = new FairShareNetwork({ groupMinFlows });
  caps.forEach((c, r) => net.addResource(`r${r}`, c, buckets.has(r) ? nicBucket(c, buckets.get(r)!) : undefined));
  const finish: number[] = arrivals.map(() => NaN);
  const order = arrivals.map((_, i) => i).sort((a, b) => arrivals[a]!.atMs - arrivals[b]!.atMs || a - b);
  let next = 0;
  let now = 0;
  // as the kernel does: completions first, then the starts due at the same instant, then rates are re-solved
  while (next < order.length || net.activeFlows > 0) {
    const tStart = next < order.length ? arrivals[order[next]!]!.atMs : Infinity;
    const tDone = net.nextCompletionMs();
    const t = Math.min(tStart, tDone);
    net.advanceTo(t);
    now = Math.max(now, t);
    if (tDone <= tStart) for (const cb of net.takeCompleted(tDone)) cb();
    while (next < order.length && arrivals[order[next]!]!.atMs <= now) {
      const i = order[next++]!;
      const a = arrivals[i]!;
      const started = net.start({ bytes: a.bytes, capBytesPerSecond: a.cap, resourceIds: a.uses.map((u) => `r${u.r}`), weights: a.uses.map((u) => u.w), onDone: () => (finish[i] = now) });
      if (started === "instant") finish[i] = now;
    }
  }
  return { finish, stats: net.stats(), groupsFormed: net.groupsFormed, bucketCounts: net.bucketCounts };
}

describe("level groups (virtual-time fair sharing)", () => {
  // Old vs new: with groups off (groupMinFlows Infinity) every change re-solves the max-min
  // allocation in full; with groups on (2) flows held at a saturated hub run on one virtual clock.
  // Both must give every flow the same finish time and every resource the same statistics.
  it("gives the same finish times and resource statistics as the full re-solve", () => {
    const arrival = fc.record({
      atMs: fc.integer({ min: 0, max: 40 }).map((t) => t * 25),
      bytes: fc.integer({ min: 1, max: 400 }).map((k) => k * 1000),
      cap: fc.oneof(fc.constant(Infinity), fc.integer({ min: 20, max: 400 }).map((k) => k * 1000)),
      uses: fc.oneof(
        fc.record({ r: fc.integer({ min: 1, max: 4 }), w: fc.constantFrom(1, 0.5) }).map((u) => [{ r: 0, w: 1 }, u]),
        fc.uniqueArray(fc.record({ r: fc.nat(4), w: fc.constantFrom(1, 0.5) }), { selector: (u) => u.r, minLength: 1, maxLength: 3 }),
      ),
    });
    const caps = fc.tuple(fc.integer({ min: 200, max: 2000 }), fc.array(fc.integer({ min: 100, max: 3000 }), { minLength: 4, maxLength: 4 })).map(([hub, rest]) => [hub * 1000, ...rest.map((c) => c * 1000)]);
    let formed = 0;
    fc.assert(
      fc.property(fc.array(arrival, { minLength: 1, maxLength: 40 }), caps, fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }), (arrivals, cs, bucketOn) => {
        const buckets = new Map(bucketOn === undefined ? [] : [[bucketOn, 0.5]]);
        const full = run(arrivals, cs, Infinity, buckets);
        const grouped = run(arrivals, cs, 2, buckets);
        formed += grouped.groupsFormed;
        expect(full.groupsFormed).toBe(0);
        expectSameAsFullResolve(grouped, full);
      }),
      { numRuns: 300 },
    );
    expect(formed).toBeGreaterThan(100); // the virtual-time path was exercised, not only the full re-solve
  });

  // The shape of an all-cache shuffle whose outputs partly overflow to the object store: reads
  // from the cache hub (r0) and from a second shared tier (r5, the store's aggregate), each capped
  // per connection, land on receiver NICs r1–r4 — every NIC a token bucket (baseline a quarter of
  // its burst rate, 0.05–1 s of credit), so as a group's level rises and falls the NICs pass their
  // baselines inside it, drain and recharge. Same comparison as above, plus: the new paths ran.
  it("keeps token-bucket NICs exact inside groups, with reads overflowing to a second tier", () => {
    const arrival = fc.record({
      atMs: fc.integer({ min: 0, max: 40 }).map((t) => t * 25),
      bytes: fc.integer({ min: 1, max: 400 }).map((k) => k * 1000),
      cap: fc.oneof(fc.constant(Infinity), fc.integer({ min: 20, max: 400 }).map((k) => k * 1000)),
      tier: fc.constantFrom(0, 0, 0, 5),
      nic: fc.integer({ min: 1, max: 4 }),
    }).map(({ tier, nic, ...a }): Arrival => ({ ...a, uses: [{ r: tier, w: 1 }, { r: nic, w: 1 }] }));
    const caps = fc.tuple(fc.integer({ min: 200, max: 2000 }), fc.array(fc.integer({ min: 300, max: 3000 }), { minLength: 4, maxLength: 4 }), fc.integer({ min: 100, max: 2000 })).map(([hub, nics, store]) => [hub * 1000, ...nics.map((c) => c * 1000), store * 1000]);
    const credit = fc.array(fc.integer({ min: 1, max: 20 }).map((k) => k * 0.05), { minLength: 4, maxLength: 4 });
    const seen = { formed: 0, crossings: 0, checks: 0 };
    fc.assert(
      fc.property(fc.array(arrival, { minLength: 4, maxLength: 40 }), caps, credit, (arrivals, cs, seconds) => {
        const buckets = new Map(seconds.map((s, k) => [k + 1, s]));
        const full = run(arrivals, cs, Infinity, buckets);
        const grouped = run(arrivals, cs, 2, buckets);
        seen.formed += grouped.groupsFormed;
        seen.crossings += grouped.bucketCounts.crossings;
        seen.checks += grouped.bucketCounts.checks;
        expectSameAsFullResolve(grouped, full);
      }),
      { numRuns: 300 },
    );
    expect(seen.formed).toBeGreaterThan(200);
    expect(seen.crossings).toBeGreaterThan(40); // loads passed a baseline inside a group, settled there
    expect(seen.checks).toBeGreaterThan(50); // a draining bucket was checked inside a group
  });

  // | case | hub 1000 B/s, 4 flows of 1000 B, starts 0, 0, 0, 0 | level 250 B/s each → all finish at 4000 ms |
  // | then | one more 500 B flow at 1000 ms: 750 B left each; 5 share 200 B/s; the short one ends at 1000 + 2500 = 3500 ms, the rest 250 B left at 250 B/s → 4500 ms |
  it("keeps processor sharing exact through a join and a leave", () => {
    const arrivals: Arrival[] = [0, 0, 0, 0].map(() => ({ atMs: 0, bytes: 1000, cap: Infinity, uses: [{ r: 0, w: 1 }] }));
    const { finish } = run([...arrivals, { atMs: 1000, bytes: 500, cap: Infinity, uses: [{ r: 0, w: 1 }] }], [1000], 2, new Map());
    expect(finish[4]).toBeCloseTo(3500, 9);
    for (let i = 0; i < 4; i++) expect(finish[i]).toBeCloseTo(4500, 9);
  });
});

/** The grouped run ends every flow when the full re-solve does, with the same bytes, busy time and peak per resource. */
function expectSameAsFullResolve(grouped: ReturnType<typeof run>, full: ReturnType<typeof run>): void {
  grouped.finish.forEach((t, i) => expect(t).toBeCloseTo(full.finish[i]!, 6));
  grouped.stats.forEach((s, r) => {
    const f = full.stats[r]!;
    expect(s.bytes).toBeCloseTo(f.bytes, 3);
    expect(s.busyMs).toBeCloseTo(f.busyMs, 6);
    expect(s.peakUtilisation).toBeCloseTo(f.peakUtilisation, 9);
  });
}
