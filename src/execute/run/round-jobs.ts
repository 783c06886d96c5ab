/**
 * The jobs of one round of a stage: for each pending instance, the ranges it reads (a root's cut of
 * the app input; otherwise each input edge's ranges through a copy that is still alive, read-plan.ts),
 * the VM it runs on (its vm-local producer's VM while that lives, else its planned place among the
 * live VMs) and the job data. An instance whose input has no live copy is not dispatched: its
 * producer instance is returned in `missing`, to be re-run first.
 */
import type { Dag } from "../../dag/types.js";
import { edgeKey } from "../../dag/types.js";
import type { Assignment } from "../../model/types.js";
import type { StagePlacement } from "../../plan/types.js";
import { RunFailedError } from "../backend-error.js";
import type { FunctionRef } from "../functions/function-ref.js";
import type { RoundJob } from "../queue/round-result.js";
import type { InstanceJob, OutgoingEdge, ReadPiece } from "../queue/job-data.js";
import { resultObjectKey } from "../queue/keys.js";
import { ownVm } from "../routing/placement.js";
import { chooseRead } from "../routing/read-plan.js";
import { readRanges, receiverModes } from "../routing/routing.js";
import type { StagedInput } from "./run-input.js";
import type { RunState } from "./run-state.js";

/** What a run decided before its first round: the DAG, the plan's modes and placement, the functions, the input. */
export interface RunLayout {
  readonly dag: Dag;
  readonly runId: string;
  readonly prefix: string;
  readonly assignment: Assignment;
  readonly placement: ReadonlyMap<string, StagePlacement>;
  readonly functions: ReadonlyMap<string, FunctionRef>;
  readonly offsets: ReadonlyMap<string, number>;
  readonly input: StagedInput;
  readonly state: RunState;
}

export interface RoundJobs {
  readonly jobs: RoundJob[];
  /** Producer instances (by stage) whose outputs are gone. */
  readonly missing: Map<string, Set<number>>;
}

export function buildRoundJobs(s: RunLayout, id: string, stageNo: number, pending: readonly number[]): RoundJobs {
  const { dag, assignment, state } = s;
  const n = state.counts.get(id)!;
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
      const cuts = s.input.cuts.get(id)!;
      const from = cuts[j]!;
      const to = cuts[j + 1]!;
      reads.push({ edge: "input", kind: "input", source: { name: s.input.key }, offset: from, length: to - from });
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
    const planVms = s.placement.get(id)?.vms ?? 1;
    const vm = hostVm !== undefined && state.liveness.isAlive(hostVm) ? hostVm : ownVm(live, s.offsets.get(id) ?? 0, planVms, n, j);
    const data: InstanceJob = {
      runId: s.runId,
      stageId: id,
      stageNo,
      index: j,
      instances: n,
      fanout: plannedFanout(s, id, n),
      round: 0,
      fn: s.functions.get(id)!,
      reads,
      outgoing,
      ...(outEdges.length === 0 ? { resultKey: resultObjectKey(s.prefix, s.runId, id, j) } : {}),
    };
    jobs.push({ vm, data });
  }
  return { jobs, missing };
}

/** Outputs the plan expects from one instance: its first consumer's planned instances (per producer instance for a scatter), 1 for a sink. */
function plannedFanout(s: RunLayout, id: string, n: number): number {
  const first = s.dag.outgoing.get(id)![0];
  if (first === undefined) return 1;
  const e = s.dag.edges[first]!;
  const consumers = s.placement.get(e.to)?.instances ?? 1;
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
