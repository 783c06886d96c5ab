/**
 * Runs the stages of a DAG on the dispatcher: each stage when all its producers are done (stages
 * on independent branches at once). A stage's instance count comes from its producers' real
 * outputs (routing.ts), each instance reads its ranges where read-plan.ts says, and runs where
 * placement.ts says. Rounds repeat until every instance has an outcome:
 *   - an instance whose VM died is run again on a live VM;
 *   - an instance whose input is gone (its producer's VM died, or its file is missing) first has
 *     that producer instance re-run (recursively: lineage), then runs again;
 *   - an instance whose function or backend still fails after its retries fails the run with a
 *     StageFailedError naming the stage, the instance and the cause.
 */
import type { Dag } from "../../dag/types.js";
import { edgeKey } from "../../dag/types.js";
import type { Assignment } from "../../model/types.js";
import type { StagePlacement } from "../../plan/types.js";
import { sluiceError } from "../../errors/index.js";
import { RunFailedError, StageFailedError } from "../backend-error.js";
import { nowMs } from "../clock.js";
import type { Dispatcher, RoundJob } from "../queue/dispatcher.js";
import type { FunctionRef } from "../functions/function-ref.js";
import { FAILURE_TAGS, type InstanceJob, type OutgoingEdge, type ReadPiece } from "../queue/job-data.js";
import { resultObjectKey } from "../queue/keys.js";
import { ownVm } from "../routing/placement.js";
import { chooseRead } from "../routing/read-plan.js";
import { readRanges, receiverCount, receiverModes } from "../routing/routing.js";
import type { StagedInput } from "./run-input.js";
import type { RunState } from "./run-state.js";

export interface StageRunnerSetup {
  readonly dag: Dag;
  readonly runId: string;
  readonly prefix: string;
  readonly assignment: Assignment;
  readonly placement: ReadonlyMap<string, StagePlacement>;
  readonly functions: ReadonlyMap<string, FunctionRef>;
  readonly offsets: ReadonlyMap<string, number>;
  readonly input: StagedInput;
  readonly dispatcher: Dispatcher;
  readonly state: RunState;
  readonly attempts: number;
  readonly maxRounds: number;
  /** Called when every consumer of `stageId` is done (its intermediates can go). */
  readonly onConsumed: (stageId: string) => Promise<void>;
}

export class StageRunner {
  private readonly stageNo: Map<string, number>;
  private readonly inflight = new Map<string, Promise<void>>();

  constructor(private readonly s: StageRunnerSetup) {
    this.stageNo = new Map(s.dag.order.map((id, k) => [id, k]));
  }

  /** Runs every stage; resolves when the sinks are done. */
  async runAll(): Promise<void> {
    const done = new Map<string, Promise<void>>();
    for (const id of this.s.dag.order) {
      const producers = this.s.dag.incoming.get(id)!.map((i) => done.get(this.s.dag.edges[i]!.from)!);
      done.set(id, Promise.all(producers).then(() => this.runStage(id)));
    }
    await Promise.all(done.values());
  }

  private async runStage(id: string): Promise<void> {
    const n = this.instanceCount(id);
    this.s.state.counts.set(id, n);
    this.s.state.readyMs.set(id, nowMs());
    await this.runInstances(id, Array.from({ length: n }, (_, j) => j));
    this.s.state.finishedStages.add(id);
    for (const i of this.s.dag.incoming.get(id)!) {
      const u = this.s.dag.edges[i]!.from;
      if (this.s.dag.outgoing.get(u)!.every((k) => this.s.state.finishedStages.has(this.s.dag.edges[k]!.to))) await this.s.onConsumed(u);
    }
  }

  private instanceCount(id: string): number {
    const { dag } = this.s;
    const inEdges = dag.incoming.get(id)!;
    if (inEdges.length === 0) return dag.stageById.get(id)!.instances ?? 1;
    let n: number | undefined;
    for (const i of inEdges) {
      const e = dag.edges[i]!;
      const parts = this.s.state.outcomes.get(e.from)!.map((o) => o.partitionBytes.length);
      let m: number;
      try {
        m = receiverCount(e.pattern, parts, edgeKey(e));
      } catch (err) {
        throw sluiceError("execute.instanceCountMismatch", { path: ["stages", id], params: { detail: (err as Error).message } });
      }
      if (n !== undefined && m !== n) throw sluiceError("execute.instanceCountMismatch", { path: ["stages", id], params: { detail: `${edgeKey(e)} gives ${m}, an earlier input ${n}` } });
      n = m;
    }
    return n!;
  }

  /** Runs the given instances of a stage until each has an outcome. */
  private async runInstances(id: string, indexes: readonly number[]): Promise<void> {
    let pending = [...indexes];
    for (let round = 1; pending.length > 0; round++) {
      if (round > this.s.maxRounds) throw new RunFailedError(`stage "${id}": instances ${pending.join(", ")} did not complete in ${this.s.maxRounds} rounds (workers keep dying or inputs keep going missing)`);
      const { jobs, missing } = this.buildJobs(id, pending);
      if (missing.size > 0) {
        await this.rerun(missing);
        continue;
      }
      const r = await this.s.dispatcher.runRound(this.stageNo.get(id)!, id, jobs);
      for (const o of r.completed) this.s.state.record(id, o);
      for (const f of r.failed) {
        if (!f.reason.startsWith(FAILURE_TAGS.inputLost)) {
          throw new StageFailedError(id, f.index, f.reason.replace(/^\[[a-z-]+\] /, ""), this.s.attempts);
        }
        const lost = /s(\d+)-(\d+)\.out/.exec(f.reason);
        if (lost !== null) this.s.state.markFileLost(Number(lost[1]), Number(lost[2]));
        this.s.state.events.push(`${id}#${f.index}: ${f.reason}`);
      }
      if (r.missing.length > 0) this.s.state.events.push(`${id}: instances ${r.missing.join(", ")} lost with their VM; running them again`);
      const done = new Set(r.completed.map((o) => o.index));
      pending = pending.filter((j) => !done.has(j));
    }
  }

  /** Re-runs producer instances whose outputs are gone, in DAG order; each at most once at a time. */
  private async rerun(missing: Map<string, Set<number>>): Promise<void> {
    for (const id of this.s.dag.order) {
      const idx = missing.get(id);
      if (idx === undefined) continue;
      this.s.state.events.push(`${id}: re-running instances ${[...idx].join(", ")} whose outputs were lost`);
      const todo: Promise<void>[] = [];
      const fresh: number[] = [];
      for (const j of idx) {
        const key = `${id}#${j}`;
        const running = this.inflight.get(key);
        if (running !== undefined) todo.push(running);
        else fresh.push(j);
      }
      if (fresh.length > 0) {
        const p = this.runInstances(id, fresh);
        for (const j of fresh) this.inflight.set(`${id}#${j}`, p);
        todo.push(p.finally(() => fresh.forEach((j) => this.inflight.delete(`${id}#${j}`))));
      }
      await Promise.all(todo);
    }
  }

  private buildJobs(id: string, pending: readonly number[]): { jobs: RoundJob[]; missing: Map<string, Set<number>> } {
    const { dag, assignment, state } = this.s;
    const n = state.counts.get(id)!;
    const stageNo = this.stageNo.get(id)!;
    const inEdges = dag.incoming.get(id)!;
    const outEdges = dag.outgoing.get(id)!;
    const live = state.liveness.live();
    if (live.length === 0) throw new RunFailedError("no worker is left alive");
    const missing = new Map<string, Set<number>>();
    const outgoing: OutgoingEdge[] = outEdges.map((i) => ({ edge: edgeKey(dag.edges[i]!), pattern: dag.edges[i]!.pattern, shares: assignment.edges[i]! }));
    const jobs: RoundJob[] = [];
    for (const j of pending) {
      const reads: ReadPiece[] = [];
      let hostVm: string | undefined;
      if (inEdges.length === 0) {
        const cuts = this.s.input.cuts.get(id)!;
        const from = cuts[j]!;
        const to = cuts[j + 1]!;
        reads.push({ edge: "input", kind: "input", source: { name: this.s.input.key }, offset: from, length: to - from });
      }
      for (const i of inEdges) {
        const e = dag.edges[i]!;
        const senders = state.outcomes.get(e.from)!;
        const mode = receiverModes(assignment.edges[i]!, n)[j]!;
        for (const range of readRanges(e.pattern, j, senders.map((o) => o.partitionBytes.length))) {
          const c = chooseRead(edgeKey(e), mode, range, senders, (k, copy) => state.alive(senders[k]!, copy));
          if (c.piece === undefined) {
            const set = missing.get(e.from) ?? new Set<number>();
            set.add(c.missingSender!);
            missing.set(e.from, set);
            continue;
          }
          reads.push(c.piece);
          if (mode === "vm-local" && hostVm === undefined && c.piece.kind === "vm-local") hostVm = c.piece.source.vm;
        }
      }
      const planVms = this.s.placement.get(id)?.vms ?? 1;
      const vm = hostVm !== undefined && state.liveness.isAlive(hostVm) ? hostVm : ownVm(live, this.s.offsets.get(id) ?? 0, planVms, n, j);
      const data: InstanceJob = {
        runId: this.s.runId,
        stageId: id,
        stageNo,
        index: j,
        instances: n,
        fanout: this.plannedFanout(id, n),
        round: 0,
        fn: this.s.functions.get(id)!,
        reads,
        outgoing,
        ...(outEdges.length === 0 ? { resultKey: resultObjectKey(this.s.prefix, this.s.runId, id, j) } : {}),
      };
      jobs.push({ vm, data });
    }
    return { jobs, missing };
  }

  /** Outputs the plan expects from one instance: its first consumer's planned instances (per producer instance for a scatter), 1 for a sink. */
  private plannedFanout(id: string, n: number): number {
    const first = this.s.dag.outgoing.get(id)![0];
    if (first === undefined) return 1;
    const e = this.s.dag.edges[first]!;
    const consumers = this.s.placement.get(e.to)?.instances ?? 1;
    switch (e.pattern) {
      case "one-to-one":
      case "gather":
        return 1;
      case "scatter":
        return Math.max(1, Math.ceil(consumers / n));
      case "shuffle":
      case "broadcast":
        return consumers;
    }
  }
}
