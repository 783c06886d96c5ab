/**
 * For a set of indices with values, the largest value among the OTHER indices, for each index:
 * one pass keeps the two largest, so each lookup is O(1). -Infinity where no other index exists.
 * The phase rule uses it: an edge's write pairs with the slowest read on another input edge.
 */
export function largestOtherThan(indices: readonly number[], valueOf: (i: number) => number): (i: number) => number {
  let first = -Infinity;
  let firstIndex = -1;
  let second = -Infinity;
  for (const i of indices) {
    const v = valueOf(i);
    if (v > first) {
      second = first;
      first = v;
      firstIndex = i;
    } else if (v > second) second = v;
  }
  return (i) => (i === firstIndex ? second : first);
}
