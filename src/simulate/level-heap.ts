/**
 * A min-heap of fair levels for water-filling: each entry is a resource's level (with the version
 * it was queued at, so a stale entry can be skipped) or a flow's cap. Ties pop in push order.
 */

interface HeapEntry<R, F> {
  readonly level: number;
  readonly seq: number;
  readonly resource: R | undefined;
  readonly flow: F | undefined;
  readonly version: number;
}

/** Min-heap of fair levels; ties by push order. */
export class LevelHeap<R extends { readonly version: number }, F> {
  private readonly items: HeapEntry<R, F>[] = [];
  private seq = 0;

  push(level: number, resource: R | undefined, flow: F | undefined): void {
    const items = this.items;
    items.push({ level, seq: this.seq++, resource, flow, version: resource?.version ?? 0 });
    let i = items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(items[i]!, items[p]!)) break;
      [items[i], items[p]] = [items[p]!, items[i]!];
      i = p;
    }
  }

  pop(): HeapEntry<R, F> | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < items.length && less(items[l]!, items[m]!)) m = l;
      if (r < items.length && less(items[r]!, items[m]!)) m = r;
      if (m === i) break;
      [items[i], items[m]] = [items[m]!, items[i]!];
      i = m;
    }
    return top;
  }
}

function less<R, F>(a: HeapEntry<R, F>, b: HeapEntry<R, F>): boolean {
  return a.level < b.level || (a.level === b.level && a.seq < b.seq);
}
