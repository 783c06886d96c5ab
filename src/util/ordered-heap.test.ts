import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OrderedHeap } from "./ordered-heap.js";

interface Item {
  readonly key: number;
  readonly seq: number;
}
const before = (a: Item, b: Item) => a.key < b.key || (a.key === b.key && a.seq < b.seq);

describe("OrderedHeap", () => {
  it("pops in the order of a stable sort by key, ties in push order, with pushes between pops", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant(-1)), { maxLength: 200 }), (ops) => {
        const heap = new OrderedHeap<Item>(before);
        const mirror: Item[] = [];
        let seq = 0;
        for (const op of ops) {
          if (op >= 0) {
            const item = { key: op, seq: seq++ };
            heap.push(item);
            mirror.push(item);
          } else {
            // the reference: the first of a stable sort by key
            mirror.sort((a, b) => a.key - b.key || a.seq - b.seq);
            expect(heap.peek()).toEqual(mirror[0]);
            expect(heap.pop()).toEqual(mirror.shift());
          }
          expect(heap.size).toBe(mirror.length);
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("is empty-safe: pop and peek on an empty heap give undefined", () => {
    const heap = new OrderedHeap<Item>(before);
    expect(heap.pop()).toBeUndefined();
    expect(heap.peek()).toBeUndefined();
    expect(heap.size).toBe(0);
  });
});
