/**
 * Dispatch on BullMQ. A round of a stage is one flow: a parent job on the run's stages queue whose
 * children are the instance jobs, each on the queue of the VM it must run on (one queue per VM, so
 * a vm-local receiver lands on its producer's VM). Children retry with exponential backoff; one that
 * still fails does not fail the parent (`ignoreDependencyOnFailure`), so the parent completes once
 * every child has finished either way, and the executor's worker on the stages queue collects the
 * children's outcomes and failures. A child whose VM dies is removed (once its lock expires), which
 * also releases the parent; the executor runs it again elsewhere.
 */
import type { FlowProducer, Queue, Worker } from "bullmq";
import { RunFailedError } from "../backend-error.js";
import { instanceJobId, stageJobId, stagesQueue, vmQueue } from "./keys.js";
import { sweepDeadVmChildren } from "./dead-vm-sweep.js";
import type { Liveness } from "./liveness.js";
import { redisOptions } from "./redis-connect.js";
import { collectRound, type ParentResult, type RoundJob, type RoundResult } from "./round-result.js";

export interface DispatchOptions {
  readonly attempts: number;
  readonly backoffMs: number;
}

export class Dispatcher {
  private flows!: FlowProducer;
  private control!: Worker;
  private readonly queues = new Map<string, Queue>();
  private readonly waiting = new Map<string, { resolve: (r: ParentResult) => void; reject: (e: Error) => void }>();
  private roundNo = 0;
  private shared: import("ioredis").Redis | undefined;

  constructor(
    private readonly redisUrl: string,
    readonly runId: string,
    private readonly liveness: Liveness,
    private readonly options: DispatchOptions,
  ) {}

  async start(): Promise<void> {
    const [{ FlowProducer, Queue, Worker }, { Redis }] = await Promise.all([import("bullmq"), import("ioredis")]);
    const options = redisOptions(this.redisUrl);
    // One shared connection for the producer side (queues and flows); the stages worker blocks on its own.
    this.shared = new Redis(options);
    this.shared.on("error", () => undefined);
    const connection = this.shared;
    this.flows = new FlowProducer({ connection });
    this.flows.on("error", () => undefined);
    for (const vm of this.liveness.vms) {
      const q = new Queue(vmQueue(this.runId, vm), { connection });
      q.on("error", () => undefined);
      this.queues.set(vm, q);
    }
    const stages = new Queue(stagesQueue(this.runId), { connection });
    stages.on("error", () => undefined);
    this.queues.set("", stages);
    this.control = new Worker(
      stagesQueue(this.runId),
      async (job) => ({ values: await job.getChildrenValues(), failures: await job.getIgnoredChildrenFailures() }) satisfies ParentResult,
      { connection: options, concurrency: 16 },
    );
    this.control.on("error", () => undefined);
    this.control.on("completed", (job, result: ParentResult) => {
      this.waiting.get(job.id!)?.resolve(result);
      this.waiting.delete(job.id!);
    });
    // One empty flow through the stages queue loads BullMQ's scripts before the run's clock starts.
    const warm = new Promise<ParentResult>((resolve, reject) => this.waiting.set("warm-up", { resolve, reject }));
    await this.flows.add({ name: "warm-up", queueName: stagesQueue(this.runId), opts: { jobId: "warm-up" }, children: [{ name: "warm-up", queueName: stagesQueue(this.runId), opts: { jobId: "warm-up-child" } }] });
    await warm;
  }

  /** Runs one round of `stageNo`'s instances and waits for every one to finish, fail or be lost with its VM. */
  async runRound(stageNo: number, stageId: string, jobs: readonly RoundJob[]): Promise<RoundResult> {
    const round = ++this.roundNo;
    const parentId = stageJobId(stageNo, round);
    const done = new Promise<ParentResult>((resolve, reject) => this.waiting.set(parentId, { resolve, reject }));
    const jobIds = new Map(jobs.map((j) => [instanceJobId(stageNo, j.data.index, round), j] as const));
    await this.flows.add({
      name: stageId,
      queueName: stagesQueue(this.runId),
      data: { stageNo, round },
      opts: { jobId: parentId },
      children: [...jobIds].map(([jobId, j]) => ({
        name: `${stageId}#${j.data.index}`,
        queueName: vmQueue(this.runId, j.vm),
        data: { ...j.data, round },
        opts: {
          jobId,
          attempts: this.options.attempts,
          backoff: { type: "exponential", delay: this.options.backoffMs },
          ignoreDependencyOnFailure: true,
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    });
    // Children on a dead VM: removed, so the parent completes without them.
    const stopSweep = sweepDeadVmChildren(jobIds, this.queues, this.liveness);
    let result: ParentResult;
    try {
      result = await done;
    } finally {
      stopSweep();
    }
    return collectRound(result, jobIds, jobs);
  }

  /** Empties and deletes every queue of the run; rounds still waiting fail. */
  async close(): Promise<void> {
    for (const w of this.waiting.values()) w.reject(new RunFailedError("the run was stopped while this stage was running"));
    this.waiting.clear();
    await this.control?.close(true).catch(() => undefined);
    await this.flows?.close().catch(() => undefined);
    for (const q of this.queues.values()) {
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close().catch(() => undefined);
    }
    this.shared?.disconnect();
  }
}
