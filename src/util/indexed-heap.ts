/**
 * A binary min-heap whose entries know their position, so an entry can move (its key changed) or
 * leave in O(log n) instead of waiting as a stale copy: the simulator's flow completions and
 * token-bucket events, where every recomputation of rates moves many keys. Ordered by a caller's
 * strict `before(a, b)`; the caller breaks ties (an id), so every pop sequence is deterministic.
 */
export interface HeapSlot {
  /** Position in the heap; -1 when not in it. Owned by the heap. */
  heapIndex: number;
}

export class IndexedHeap<T extends HeapSlot> {
  private readonly items: T[] = [];

  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  has(item: T): boolean {
    return item.heapIndex >= 0 && this.items[item.heapIndex] === item;
  }

  /** Inserts `item`, or moves it if it is already in (after its key changed). */
  update(item: T): void {
    if (!this.has(item)) {
      item.heapIndex = this.items.length;
      this.items.push(item);
    }
    this.siftDown(this.siftUp(item.heapIndex));
  }

  remove(item: T): void {
    if (!this.has(item)) return;
    const i = item.heapIndex;
    const last = this.items.pop()!;
    item.heapIndex = -1;
    if (last === item) return;
    this.items[i] = last;
    last.heapIndex = i;
    this.siftDown(this.siftUp(i));
  }

  pop(): T | undefined {
    const top = this.items[0];
    if (top !== undefined) this.remove(top);
    return top;
  }

  private siftUp(i: number): number {
    const items = this.items;
    const x = items[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(x, items[p]!)) break;
      items[i] = items[p]!;
      items[i]!.heapIndex = i;
      i = p;
    }
    items[i] = x;
    x.heapIndex = i;
    return i;
  }

  private siftDown(i: number): void {
    const items = this.items;
    const n = items.length;
    const x = items[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && this.before(items[r]!, items[l]!) ? r : l;
      if (!this.before(items[m]!, x)) break;
      items[i] = items[m]!;
      items[i]!.heapIndex = i;
      i = m;
    }
    items[i] = x;
    x.heapIndex = i;
  }
}
