/**
 * The discrete-event kernel: a clock, the agenda and the fair-share network, advanced together.
 * The next thing to happen is the earlier of the next scheduled event and the next flow to finish
 * (a flow finishing at the same instant as an event goes first); callbacks at one instant run in
 * scheduling order, so a run is a pure function of its inputs.
 */
import { sluiceError } from "../errors.js";
import { EventQueue } from "./event-queue.js";
import { FairShareNetwork } from "./network/fair-share.js";

export class Kernel {
  readonly queue = new EventQueue();
  readonly network = new FairShareNetwork();
  nowMs = 0;
  events = 0;

  /** Runs `fn` at `timeMs` (not before now). */
  at(timeMs: number, fn: () => void): void {
    this.queue.push(Math.max(timeMs, this.nowMs), fn);
  }

  after(delayMs: number, fn: () => void): void {
    this.at(this.nowMs + Math.max(0, delayMs), fn);
  }

  /** Moves `bytes` across `resourceIds` (each carrying `weights[k]` of the rate, default 1) at the fair-share rate, capped per flow, then calls `onDone`. */
  transfer(bytes: number, capBytesPerSecond: number, resourceIds: readonly string[], onDone: () => void, weights?: readonly number[]): void {
    const req = weights === undefined ? { bytes, capBytesPerSecond, resourceIds, onDone } : { bytes, capBytesPerSecond, resourceIds, weights, onDone };
    if (this.network.start(req) === "instant") this.at(this.nowMs, onDone);
  }

  /** Runs until nothing is left to happen; returns the time of the last event. */
  run(maxEvents = 50_000_000): number {
    for (;;) {
      // Events due now run before rates are recomputed: a burst of flow changes at one instant costs one recompute.
      if (this.queue.peekTime() <= this.nowMs) {
        if (++this.events > maxEvents) throw sluiceError("simulate.tooManyEvents", { actual: `more than ${maxEvents}`, params: { limit: maxEvents } });
        this.queue.pop()!.run();
        continue;
      }
      const tFlow = this.network.nextCompletionMs();
      const tEvent = this.queue.peekTime();
      if (!Number.isFinite(tFlow) && !Number.isFinite(tEvent)) break;
      if (++this.events > maxEvents) throw sluiceError("simulate.tooManyEvents", { actual: `more than ${maxEvents}`, params: { limit: maxEvents } });
      if (tFlow <= tEvent) {
        this.network.advanceTo(tFlow);
        this.nowMs = Math.max(this.nowMs, tFlow);
        for (const done of this.network.takeCompleted(tFlow)) done();
      } else {
        const e = this.queue.pop()!;
        this.network.advanceTo(e.timeMs);
        this.nowMs = Math.max(this.nowMs, e.timeMs);
        e.run();
      }
    }
    if (this.network.activeFlows > 0) throw sluiceError("internal.simulationStalled", { params: { detail: "flows left without bandwidth" } });
    return this.nowMs;
  }
}
