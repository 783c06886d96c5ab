import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { piecesFor, receiversOfScatter, senderOfScatter } from "./receivers.js";

describe("scatter receivers", () => {
  // | senders | receivers | sender | receivers j with ⌊j · s / r⌋ = i                         |
  // | 3       | 7         | 0      | 0, 1, 2 (0·3/7 … 2·3/7 = 0.86) → [0, 3)                   |
  // | 3       | 7         | 1      | 3, 4 (9/7 = 1.29, 12/7 = 1.71) → [3, 5)                    |
  // | 3       | 7         | 2      | 5, 6 (15/7 = 2.14, 18/7 = 2.57) → [5, 7)                   |
  // | 4       | 2         | 1      | none (j = 1 → ⌊4/2⌋ = 2) → [1, 1)                          |
  it.each([
    { senders: 3, receivers: 7, sender: 0, first: 0, end: 3 },
    { senders: 3, receivers: 7, sender: 1, first: 3, end: 5 },
    { senders: 3, receivers: 7, sender: 2, first: 5, end: 7 },
    { senders: 4, receivers: 2, sender: 1, first: 1, end: 1 },
  ])("$senders senders, $receivers receivers: sender $sender serves [$first, $end)", ({ senders, receivers, sender, first, end }) => {
    expect(receiversOfScatter(sender, senders, receivers)).toEqual({ first, end });
  });

  it("names exactly the receivers senderOfScatter maps to each sender", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), (senders, receivers) => {
        for (let i = 0; i < senders; i++) {
          const want: number[] = [];
          for (let j = 0; j < receivers; j++) if (senderOfScatter(j, senders, receivers) === i) want.push(j);
          const { first, end } = receiversOfScatter(i, senders, receivers);
          expect(Array.from({ length: Math.max(0, end - first) }, (_, k) => first + k)).toEqual(want);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("splits a sender's output evenly over its receivers: 3 → 7, sender 1's 100 B to receivers 3 and 4 at 50 B each", () => {
    expect(piecesFor("scatter", 4, [10, 100, 1000], 7)).toEqual([{ sender: 1, bytes: 50 }]);
  });
});
