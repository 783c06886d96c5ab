/**
 * Runs the stages of a DAG on the dispatcher: each stage when all its producers are done (stages
 * on independent branches at once). A stage's instance count comes from its producers' real
 * outputs (instance-count.ts), and each round's jobs (what each instance reads and where it runs)
 * from round-jobs.ts. Rounds repeat until every instance has an outcome:
 *   - an instance whose VM died is run again on a live VM;
 *   - an instance whose input is gone (its producer's VM died, or its file is missing) first has
 *     that producer instance re-run (recursively: lineage), then runs again;
 *   - an instance whose function or backend still fails after its retries fails the run with a
 *     StageFailedError naming the stage, the instance and the cause.
 */
import { RunFailedError, StageFailedError } from "../backend-error.js";
import { nowMs } from "../clock.js";
import type { Dispatcher } from "../queue/dispatcher.js";
import { FAILURE_TAGS } from "../queue/job-data.js";
import { instanceCount } from "./instance-count.js";
import { buildRoundJobs, type RunLayout } from "./round-jobs.js";

export interface StageRunnerSetup extends RunLayout {
  readonly dispatcher: Dispatcher;
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
    const n = instanceCount(this.s.dag, id, this.s.state.outcomes);
    this.s.state.counts.set(id, n);
    this.s.state.readyMs.set(id, nowMs());
    await this.runInstances(id, Array.from({ length: n }, (_, j) => j));
    this.s.state.finishedStages.add(id);
    for (const i of this.s.dag.incoming.get(id)!) {
      const u = this.s.dag.edges[i]!.from;
      if (this.s.dag.outgoing.get(u)!.every((k) => this.s.state.finishedStages.has(this.s.dag.edges[k]!.to))) await this.s.onConsumed(u);
    }
  }

  /** Runs the given instances of a stage until each has an outcome. */
  private async runInstances(id: string, indexes: readonly number[]): Promise<void> {
    let pending = [...indexes];
    for (let round = 1; pending.length > 0; round++) {
      if (round > this.s.maxRounds) throw new RunFailedError(`stage "${id}": instances ${pending.join(", ")} did not complete in ${this.s.maxRounds} rounds (workers keep dying or inputs keep going missing)`);
      const { jobs, missing } = buildRoundJobs(this.s, id, this.stageNo.get(id)!, pending);
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
}
