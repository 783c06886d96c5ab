/**
 * A min-heap of fair levels for water-filling: each entry is a resource's level (with the version
 * it was queued at, so a stale entry can be skipped) or a flow's cap. Ties pop in push order.
 */

import { OrderedHeap } from "../../util/ordered-heap.js";

interface HeapEntry<R, F> {
  readonly level: number;
  readonly seq: number;
  readonly resource: R | undefined;
  readonly flow: F | undefined;
  readonly version: number;
}

/** Min-heap of fair levels; ties by push order. */
export class LevelHeap<R extends { readonly version: number }, F> {
  private readonly items = new OrderedHeap<HeapEntry<R, F>>(less);
  private seq = 0;

  push(level: number, resource: R | undefined, flow: F | undefined): void {
    this.items.push({ level, seq: this.seq++, resource, flow, version: resource?.version ?? 0 });
  }

  pop(): HeapEntry<R, F> | undefined {
    return this.items.pop();
  }
}

function less<R, F>(a: HeapEntry<R, F>, b: HeapEntry<R, F>): boolean {
  return a.level < b.level || (a.level === b.level && a.seq < b.seq);
}
