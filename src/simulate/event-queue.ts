/**
 * The simulator's agenda: a binary min-heap of callbacks keyed by (time, insertion number), so
 * events at the same instant run in the order they were scheduled — deterministic tie-breaks.
 */

import { OrderedHeap } from "../util/ordered-heap.js";

interface Entry {
  readonly timeMs: number;
  readonly seq: number;
  readonly run: () => void;
}

export class EventQueue {
  private readonly heap = new OrderedHeap<Entry>(before);
  private seq = 0;

  get size(): number {
    return this.heap.size;
  }

  push(timeMs: number, run: () => void): void {
    this.heap.push({ timeMs, seq: this.seq++, run });
  }

  /** Time of the earliest event, Infinity when empty. */
  peekTime(): number {
    return this.heap.peek()?.timeMs ?? Infinity;
  }

  pop(): Entry | undefined {
    return this.heap.pop();
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.timeMs < b.timeMs || (a.timeMs === b.timeMs && a.seq < b.seq);
}
