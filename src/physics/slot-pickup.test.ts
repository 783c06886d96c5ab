import { describe, expect, it } from "vitest";
import { pointAtoms } from "./distribution.js";
import { expectedSpan } from "./order-statistics.js";
import { spanWithPickupMs } from "./slot-pickup.js";

describe("spanWithPickupMs", () => {
  const cases = [
    // one wave: nothing waits for a slot, the span is the duration's: 100
    { name: "one wave", d: 100, n: 4, slots: 4, pickupMs: 2, expected: 100 },
    // 3 waves of 100 ms, 2 pickups between them: 3·100 + 2·2 = 304
    { name: "three waves", d: 100, n: 6, slots: 2, pickupMs: 2, expected: 304 },
    // 16 instances on 2 slots: 8 waves, 7 pickups of 5 ms: 8·10 + 7·5 = 115
    { name: "eight waves", d: 10, n: 16, slots: 2, pickupMs: 5, expected: 115 },
    // no pickup: the span law unchanged, 2 waves · 50 = 100
    { name: "no pickup", d: 50, n: 4, slots: 2, pickupMs: 0, expected: 100 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = spanWithPickupMs((a) => expectedSpan(a, c.n, c.slots), pointAtoms(c.d), c.n, c.slots, c.pickupMs);
      expect(got).toBeCloseTo(c.expected, 9);
    });
  }
});
