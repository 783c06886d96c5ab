/**
 * A duration that already includes its object-store I/O. Traces of real serverless workflows
 * measure a function from start to end, its reads of the input and its writes of the output
 * included. Planning adds the I/O of the chosen transfer modes on top, so such a profile's
 * duration is first reduced to its compute part — the I/O it included, at one connection's
 * latency and throughput (what the instance had when it was measured), subtracted:
 *
 *   computeMs = max(0, measuredMs − (getLatencyMs + inputBytes / connection + putLatencyMs + outputBytes / connection))
 */

export interface MeasuredIo {
  readonly getLatencyMs: number;
  readonly putLatencyMs: number;
  readonly connectionBytesPerSecond: number;
}

export function includedIoMs(inputBytes: number, outputBytes: number, store: MeasuredIo): number {
  const read = inputBytes > 0 ? store.getLatencyMs + (inputBytes / store.connectionBytesPerSecond) * 1000 : 0;
  const write = outputBytes > 0 ? store.putLatencyMs + (outputBytes / store.connectionBytesPerSecond) * 1000 : 0;
  return read + write;
}

export function computeOnlyMs(measuredMs: number, inputBytes: number, outputBytes: number, store: MeasuredIo): number {
  return Math.max(0, measuredMs - includedIoMs(inputBytes, outputBytes, store));
}
