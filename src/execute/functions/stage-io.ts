/**
 * The signature of a user stage function: an ES module whose export (default, or the name after
 * `#` in its reference) is
 *
 *   export default async function (io) {
 *     // io.inputs: one Readable per input range, in order (for a shuffle, one per producer)
 *     // io.output(k): a Writable for output partition k (0 ≤ k); the outputs are the partitions written
 *     // io.index, io.instances: this instance and the stage's instance count
 *     // io.fanout: the outputs the plan expects (the next stage's planned instances; 1 for a sink,
 *     //            a one-to-one or a gather consumer)
 *   }
 *
 * Output partition k goes to the next stage's receivers by the edge's pattern (routing.ts): for a
 * shuffle every instance must write the same number of partitions (partition k of every producer
 * goes to receiver k), for a scatter producer i's partition k goes to receiver Σ_{j<i} m_j + k.
 * The function resolves when it is done; a throw fails the instance (named by stage and index)
 * and is retried.
 */
import type { Readable, Writable } from "node:stream";

export interface StageIo {
  readonly stageId: string;
  readonly index: number;
  readonly instances: number;
  readonly fanout: number;
  readonly inputs: readonly Readable[];
  output(partition: number): Writable;
}

export type UserStageFunction = (io: StageIo) => void | Promise<void>;
