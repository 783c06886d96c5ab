/**
 * The VM pool shared by every stage of a run: `poolSize` VMs, leased by a stage as a group (all of
 * its planned VMs at once) when its first instances are ready, first come first served, and given
 * back when the stage — and every stage running beside its output on those VMs (vm-local) — has
 * finished. The model schedules the same way (model/pool-schedule.ts). Reports the peak leased at
 * once: the pool the app holds and is billed for (physics/vm-billing.ts).
 */

interface Lease {
  readonly stageId: string;
  readonly vms: number;
  readonly onGranted: () => void;
}

export class VmPool {
  private free: number;
  private inUse = 0;
  private readonly waiting: Lease[] = [];
  private readonly held = new Map<string, number>();
  peakVms = 0;
  /** Total time stages waited for a lease, ms. */
  waitedMs = 0;

  constructor(
    readonly poolSize: number,
    private readonly now: () => number,
    private readonly defer: (run: () => void) => void,
  ) {
    this.free = poolSize;
  }

  /** Asks for `vms` VMs for `stageId`; `onGranted` runs (deferred to the agenda) once they are free. */
  lease(stageId: string, vms: number, onGranted: () => void): void {
    const asked = this.now();
    this.waiting.push({
      stageId,
      vms: Math.min(vms, this.poolSize),
      onGranted: () => {
        this.waitedMs += this.now() - asked;
        onGranted();
      },
    });
    this.dispatch();
  }

  release(stageId: string): void {
    const vms = this.held.get(stageId);
    if (vms === undefined) return;
    this.held.delete(stageId);
    this.free += vms;
    this.inUse -= vms;
    this.dispatch();
  }

  /** Stages still waiting for a lease. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  /**
   * Grants the first waiting lease beyond the pool's free VMs. For a run that would otherwise hold
   * and wait forever: every VM held by stages that wait on this one (a host kept for a vm-local
   * consumer whose other input cannot get VMs). The caller reports it as a violation.
   */
  overdraw(): string | undefined {
    const l = this.waiting.shift();
    if (l === undefined) return undefined;
    this.free -= l.vms;
    this.inUse += l.vms;
    this.peakVms = Math.max(this.peakVms, this.inUse);
    this.held.set(l.stageId, l.vms);
    this.defer(l.onGranted);
    return l.stageId;
  }

  private dispatch(): void {
    while (this.waiting.length > 0 && this.waiting[0]!.vms <= this.free) {
      const l = this.waiting.shift()!;
      this.free -= l.vms;
      this.inUse += l.vms;
      this.peakVms = Math.max(this.peakVms, this.inUse);
      this.held.set(l.stageId, l.vms);
      this.defer(l.onGranted);
    }
  }
}
