/**
 * The shape every workload stage shares: real bytes in, real bytes out. `outputs` go to the next
 * stage's instances; their count is the stage's fanout (1 for a one-to-one or gather consumer, or
 * for a sink, whose single output is the app's result).
 */

export interface StageResult {
  readonly outputs: Uint8Array[];
}

export type StageFunction<P> = (input: Uint8Array, params: P) => StageResult;

/** Concatenates byte arrays into one new array (how a consumer sees several producers' outputs). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let totalBytes = 0;
  for (const p of parts) totalBytes += p.length;
  const out = new Uint8Array(totalBytes);
  let offsetBytes = 0;
  for (const p of parts) {
    out.set(p, offsetBytes);
    offsetBytes += p.length;
  }
  return out;
}

/** Sum of the byte lengths of `parts`. */
export function totalLength(parts: readonly Uint8Array[]): number {
  let totalBytes = 0;
  for (const p of parts) totalBytes += p.length;
  return totalBytes;
}
