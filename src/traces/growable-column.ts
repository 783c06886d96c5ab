/**
 * A growable Float64Array: rows are appended one value at a time without boxing, and a column of
 * a million rows costs 8 MB. Missing values are NaN.
 */
export class GrowableColumn {
  private data = new Float64Array(64);
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.size++] = value;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  get(index: number): number {
    return this.data[index]!;
  }

  /** The values so far (a view, no copy). */
  values(): Float64Array {
    return this.data.subarray(0, this.size);
  }
}
