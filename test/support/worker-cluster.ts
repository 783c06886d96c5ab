/**
 * The worker processes an execute integration test runs its plans on: started once per `describe`
 * against the real Redis the test started, stopped after it — and then, with the workers gone,
 * nothing of the run may be left in Redis at all. The real servers are stopped last.
 */
import { afterAll, beforeAll, expect } from "vitest";
import { startLocalCluster, type LocalCluster } from "../../src/execute/worker/local-cluster.js";
import type { RealBackends } from "./real-backends.js";

export interface WorkerClusterOptions {
  /** Worker processes, one VM each. */
  readonly count: number;
  /** VM id prefix, so that files running at once do not share VM queues. */
  readonly prefix?: string;
}

export function useWorkerCluster(real: RealBackends, options: WorkerClusterOptions): void {
  let cluster: LocalCluster | undefined;
  beforeAll(async () => {
    cluster = await startLocalCluster({ redisUrl: real.redis.url, count: options.count, ...(options.prefix === undefined ? {} : { prefix: options.prefix }) });
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
    expect(await real.keys()).toEqual([]);
    await real.stop();
  }, 60_000);
}
