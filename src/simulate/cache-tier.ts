/**
 * The cache tier's capacity: admitted bytes are reserved when an instance starts writing them and
 * stay resident until every consumer stage of the producer has finished. A reservation that would
 * exceed the capacity is refused (an overflow: the runner writes that output to the object store
 * instead and reports it). Occupancy is kept as a step function for the report and the plot;
 * storage is billed on the integral of resident bytes over time.
 */
export class CacheTier {
  private residentBytes = 0;
  private readonly byStage = new Map<string, number>();
  private lastChangeMs = 0;
  /** ∫ resident bytes dt, byte-ms. */
  private byteMs = 0;
  peakBytes = 0;
  overflowBytes = 0;
  readonly occupancy: { timeMs: number; bytes: number }[] = [{ timeMs: 0, bytes: 0 }];

  constructor(readonly capacityBytes: number) {}

  /** Reserves `bytes` for `stageId`'s output at `nowMs`; false (and nothing reserved) if the tier would overflow. */
  reserve(stageId: string, bytes: number, nowMs: number): boolean {
    if (this.residentBytes + bytes > this.capacityBytes * (1 + 1e-12)) {
      this.overflowBytes += bytes;
      return false;
    }
    this.change(nowMs, bytes);
    this.byStage.set(stageId, (this.byStage.get(stageId) ?? 0) + bytes);
    return true;
  }

  /** Frees everything `stageId`'s output holds. */
  release(stageId: string, nowMs: number): void {
    const bytes = this.byStage.get(stageId) ?? 0;
    this.byStage.delete(stageId);
    if (bytes > 0) this.change(nowMs, -bytes);
  }

  /** Byte-hours held so far (after releasing everything, the total). */
  gibHours(nowMs: number): number {
    const total = this.byteMs + this.residentBytes * (nowMs - this.lastChangeMs);
    return total / 1024 ** 3 / 3.6e6;
  }

  private change(nowMs: number, delta: number): void {
    this.byteMs += this.residentBytes * (nowMs - this.lastChangeMs);
    this.lastChangeMs = nowMs;
    this.residentBytes = Math.max(0, this.residentBytes + delta);
    if (this.residentBytes < 1e-6) this.residentBytes = 0;
    this.peakBytes = Math.max(this.peakBytes, this.residentBytes);
    const last = this.occupancy[this.occupancy.length - 1]!;
    if (last.timeMs === nowMs) last.bytes = this.residentBytes;
    else this.occupancy.push({ timeMs: nowMs, bytes: this.residentBytes });
  }
}
