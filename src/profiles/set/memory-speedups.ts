/**
 * Speed-ups by memory setting as measured, per input size: where a trace ran the same inputs at
 * several settings (as right-sizing profilers sweep memory), the ratio of runtimes at each setting
 * to the reference setting's, kept as a table of sizes × settings and interpolated in ln x and ln m.
 *
 * One exponent for all sizes cannot follow a function that stops speeding up past some setting
 * (Lambda allocates CPU in proportion to memory, one vCPU's worth at 1,769 MB — AWS Lambda Developer
 * Guide, "Configuring Lambda function memory" — so single-threaded code gains little above it) or
 * whose fixed part (a download, a start-up) does not speed up while its compute does: fitted to
 * runtime = 20 ms + compute ∝ 1769 / min(m, 1769) over 512–3008 MB, one exponent missed by up to
 * 35% (memory-factor.test.ts has the case). The
 * table follows both, because it is the measurement; the exponent remains for the settings a size
 * was not traced at.
 *
 * Every cell is kept physical: more memory never slows a function and never speeds it beyond
 * perfect scaling, so ln factor lies in [−ln(m / m_ref), 0] above the reference (the mirror below)
 * and does not rise with m.
 */

export interface SpeedupTable {
  /** Representative input size of each row (bytes), ascending. */
  readonly sizesBytes: readonly number[];
  /** Memory setting of each column (MB), ascending; the reference setting is one of them. */
  readonly settingsMb: readonly number[];
  /** ln(runtime at the column's setting / runtime at the reference setting), a row per size. */
  readonly logFactors: readonly (readonly number[])[];
}

/** At most this many sizes are kept (spread evenly over those measured), so profiles.json stays small. */
export const MAX_TABLE_SIZES = 32;
/** With more distinct settings than this, traces sweep memory too finely for a table: the exponent alone. */
export const MAX_TABLE_SETTINGS = 16;

/** One measured size: its representative input and the median ln runtime at each setting it ran at. */
export interface SizeCell {
  readonly inputBytes: number;
  readonly logRuntimeBySetting: ReadonlyMap<number, number>;
}

/**
 * The table of `cells` measured at the reference and at least one other setting; a setting a size
 * was not traced at takes the exponent's value there. Undefined when no size qualifies or there are
 * too many settings.
 */
export function buildSpeedupTable(cells: readonly SizeCell[], settingsMb: readonly number[], referenceMb: number, exponent: number): SpeedupTable | undefined {
  if (settingsMb.length < 2 || settingsMb.length > MAX_TABLE_SETTINGS) return undefined;
  const usable = cells.filter((c) => c.logRuntimeBySetting.has(referenceMb) && c.logRuntimeBySetting.size >= 2).sort((a, b) => a.inputBytes - b.inputBytes);
  if (usable.length === 0) return undefined;
  const kept = usable.length <= MAX_TABLE_SIZES ? usable : Array.from({ length: MAX_TABLE_SIZES }, (_, i) => usable[Math.round((i * (usable.length - 1)) / (MAX_TABLE_SIZES - 1))]!);
  const logFactors = kept.map((c) => {
    const ref = c.logRuntimeBySetting.get(referenceMb)!;
    const row = settingsMb.map((m) => {
      const perfect = -Math.log(m / referenceMb);
      const measured = c.logRuntimeBySetting.get(m);
      const v = measured === undefined ? exponent * Math.log(m / referenceMb) : measured - ref;
      return Math.min(Math.max(v, Math.min(0, perfect)), Math.max(0, perfect));
    });
    for (let j = 1; j < row.length; j++) row[j] = Math.min(row[j]!, row[j - 1]!);
    return row;
  });
  return { sizesBytes: kept.map((c) => c.inputBytes), settingsMb: [...settingsMb], logFactors };
}

/** Where `v` falls among ascending `points` (clamped to their range): the index below and the weight of the one above. */
function bracket(points: readonly number[], v: number, key: (p: number) => number): [number, number] {
  if (points.length === 1 || v <= points[0]!) return [0, 0];
  const last = points.length - 1;
  if (v >= points[last]!) return [last, 0];
  let i = 0;
  while (points[i + 1]! < v) i++;
  const lo = key(points[i]!), hi = key(points[i + 1]!);
  return [i, hi === lo ? 0 : (key(v) - lo) / (hi - lo)];
}

/** The factor on the reference setting's runtime at `memoryMb` and `inputBytes`, interpolated in ln m and ln(1 + x), clamped to the table. */
export function speedupAt(table: SpeedupTable, memoryMb: number, inputBytes: number): number {
  const [j, wm] = bracket(table.settingsMb, memoryMb, Math.log);
  const [i, wx] = bracket(table.sizesBytes, inputBytes, Math.log1p);
  const along = (row: readonly number[]) => row[j]! + (wm === 0 ? 0 : wm * (row[j + 1]! - row[j]!));
  const below = along(table.logFactors[i]!);
  return Math.exp(wx === 0 ? below : below + wx * (along(table.logFactors[i + 1]!) - below));
}
