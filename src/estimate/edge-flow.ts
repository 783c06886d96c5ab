/**
 * How many bytes and requests an edge moves, from its pattern and the two stages' instance counts.
 * D = the producer's total output bytes; n_u, n_v = producer and consumer instances.
 *
 * | pattern    | bytes per reader | bytes out per sender | PUTs per sender | GETs per reader |
 * |------------|------------------|----------------------|-----------------|-----------------|
 * | one-to-one | D/n_u            | D/n_u                | 1               | 1               |
 * | scatter    | D/n_v            | D/n_u                | n_v/n_u         | 1               |
 * | broadcast  | D                | (D/n_u)·n_v          | 1               | n_u             |
 * | shuffle    | D/n_v            | D/n_u                | 1               | n_u             |
 * | gather     | D                | D/n_u                | 1               | n_u             |
 * (shuffle: each sender writes one partitioned object, each reader does one ranged GET per sender.)
 */
import type { Pattern } from "../dag/types.js";

export interface EdgeFlow {
  readonly pattern: Pattern;
  readonly senders: number;
  readonly receivers: number;
  /** The producer's total output, D. */
  readonly totalBytes: number;
  /** Bytes one sender instance produces (written once, whatever the mode). */
  readonly bytesPerSender: number;
  /** Bytes leaving one sender when receivers pull from it directly. */
  readonly bytesOutPerSender: number;
  /** Bytes one receiver instance reads. */
  readonly bytesPerReader: number;
  readonly putsPerSender: number;
  readonly getsPerReader: number;
  /** Sum over receivers of bytesPerReader. */
  readonly totalReadBytes: number;
}

export function edgeFlow(pattern: Pattern, totalBytes: number, senders: number, receivers: number): EdgeFlow {
  const perSender = totalBytes / senders;
  let bytesPerReader: number;
  let bytesOutPerSender = perSender;
  let putsPerSender = 1;
  let getsPerReader = 1;
  switch (pattern) {
    case "one-to-one":
      bytesPerReader = perSender;
      break;
    case "scatter":
      bytesPerReader = totalBytes / receivers;
      putsPerSender = receivers / senders;
      break;
    case "broadcast":
      bytesPerReader = totalBytes;
      bytesOutPerSender = perSender * receivers;
      getsPerReader = senders;
      break;
    case "shuffle":
      bytesPerReader = totalBytes / receivers;
      getsPerReader = senders;
      break;
    case "gather":
      bytesPerReader = totalBytes;
      getsPerReader = senders;
      break;
  }
  return {
    pattern,
    senders,
    receivers,
    totalBytes,
    bytesPerSender: perSender,
    bytesOutPerSender,
    bytesPerReader,
    putsPerSender,
    getsPerReader,
    totalReadBytes: bytesPerReader * receivers,
  };
}
