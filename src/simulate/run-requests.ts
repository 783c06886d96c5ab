/**
 * Issuing an instance's transfer requests on the kernel: groups run at once, each with its own
 * parallelism; a request waits for its rate limiter's grant and its drawn latency, then moves its
 * bytes as a fair-share flow, and is accounted when it lands. When a group is done, the
 * (edge, mode) receivers it serves are handed to `serve`.
 */
import type { TransferMode } from "../model/types.js";
import { accountTransfer } from "./account-transfer.js";
import { lognormalFactor } from "./random.js";
import type { EdgeRt, InstanceRt, SimState } from "./sim-state.js";
import type { RequestGroup, TransferRequest } from "./transfer-request.js";

/** Runs request groups at once (each with its own parallelism), serves what each group wrote, then `done`. */
export function runGroups(sim: SimState, inst: InstanceRt, groups: readonly RequestGroup[], serve: (e: EdgeRt, mode: TransferMode) => void, done: () => void): void {
  let left = groups.length;
  if (left === 0) {
    done();
    return;
  }
  for (const g of groups) {
    runRequests(sim, inst, g.reqs, Math.max(1, g.parallel), () => {
      for (const [e, m] of g.serves ?? []) serve(e, m);
      if (--left === 0) done();
    });
  }
}

function runRequests(sim: SimState, inst: InstanceRt, reqs: readonly TransferRequest[], parallel: number, done: () => void): void {
  if (reqs.length === 0) {
    done();
    return;
  }
  let next = 0;
  let active = 0;
  let finished = 0;
  const launch = (): void => {
    while (active < parallel && next < reqs.length) {
      const r = reqs[next++]!;
      active++;
      issue(sim, inst, r, () => {
        active--;
        if (++finished === reqs.length) done();
        else launch();
      });
    }
  };
  launch();
}

function issue(sim: SimState, inst: InstanceRt, r: TransferRequest, done: () => void): void {
  const k = sim.kernel;
  const issuedMs = k.nowMs;
  const grantMs = r.limiter === undefined ? issuedMs : r.limiter.reserve(issuedMs);
  if (r.tier === "store") {
    if (r.direction === "read") sim.store.gets++;
    else sim.store.puts++;
  }
  const latencyMs = r.latencyMs > 0 ? r.latencyMs * lognormalFactor(inst.stream, sim.setup.latencyCv) : 0;
  const go = () =>
    k.transfer(
      r.bytes,
      r.capBps,
      r.resources,
      () => {
        accountTransfer(sim, inst, r, issuedMs);
        done();
      },
      r.weights,
    );
  if (grantMs + latencyMs > issuedMs) k.at(grantMs + latencyMs, go);
  else go();
}
