import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IndexedHeap } from "./indexed-heap.js";

interface Item {
  readonly id: number;
  key: number;
  heapIndex: number;
}
const before = (a: Item, b: Item) => a.key < b.key || (a.key === b.key && a.id < b.id);

describe("IndexedHeap", () => {
  // ops on 8 items: set a key (insert or move), remove, pop; the reference is a sorted list of the items in the heap
  it("pops in (key, id) order through inserts, key changes and removals", () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("set" as const), id: fc.nat(7), key: fc.integer({ min: 0, max: 20 }) }),
      fc.record({ kind: fc.constant("remove" as const), id: fc.nat(7) }),
      fc.record({ kind: fc.constant("pop" as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const items: Item[] = Array.from({ length: 8 }, (_, id) => ({ id, key: 0, heapIndex: -1 }));
        const heap = new IndexedHeap<Item>(before);
        const inHeap = new Set<Item>();
        const first = () => [...inHeap].sort((a, b) => a.key - b.key || a.id - b.id)[0];
        for (const o of ops) {
          if (o.kind === "set") {
            items[o.id]!.key = o.key;
            heap.update(items[o.id]!);
            inHeap.add(items[o.id]!);
          } else if (o.kind === "remove") {
            heap.remove(items[o.id]!);
            inHeap.delete(items[o.id]!);
          } else {
            const want = first();
            expect(heap.pop()).toBe(want);
            if (want) inHeap.delete(want);
          }
          expect(heap.size).toBe(inHeap.size);
          expect(heap.peek()).toBe(first());
          for (const it of items) expect(heap.has(it)).toBe(inHeap.has(it));
        }
      }),
      { numRuns: 300 },
    );
  });
});
