/**
 * VM slots: a VM runs an instance while it has a free core and the instance's billed memory free.
 * Requests name the VMs they may use (a pinned instance — one beside its vm-local input — names
 * one; others name their stage's VMs) and wait in arrival order; a freed slot goes to the oldest
 * waiting request that fits (later requests may pass one that does not fit anywhere yet). Among
 * eligible VMs with room, the least loaded wins, then the lowest index: instances spread evenly.
 */
import { sluiceError } from "../errors.js";

export interface VmSpec {
  readonly id: string;
  readonly cores: number;
  readonly memoryMb: number;
}

interface VmState {
  readonly spec: VmSpec;
  readonly index: number;
  freeCores: number;
  freeMemoryMb: number;
  running: number;
  peakRunning: number;
}

interface Request {
  readonly seq: number;
  readonly vmIds: readonly string[];
  readonly memoryMb: number;
  readonly onGranted: (vmId: string) => void;
}

export class VmScheduler {
  private readonly vms = new Map<string, VmState>();
  private waiting: Request[] = [];
  private seq = 0;

  constructor(private readonly defer: (run: () => void) => void) {}

  addVm(spec: VmSpec): void {
    if (!this.vms.has(spec.id)) this.vms.set(spec.id, { spec, index: this.vms.size, freeCores: spec.cores, freeMemoryMb: spec.memoryMb, running: 0, peakRunning: 0 });
  }

  hasVm(id: string): boolean {
    return this.vms.has(id);
  }

  /** Asks for a slot; `onGranted` runs (deferred to the agenda) with the chosen VM. Memory above a whole VM is clamped to the VM (reported by the runner). */
  request(vmIds: readonly string[], memoryMb: number, onGranted: (vmId: string) => void): void {
    for (const id of vmIds) if (!this.vms.has(id)) throw sluiceError("internal.simulationStalled", { params: { detail: `unknown VM ${id}` } });
    this.waiting.push({ seq: this.seq++, vmIds, memoryMb, onGranted });
    this.dispatch();
  }

  release(vmId: string, memoryMb: number): void {
    const vm = this.vms.get(vmId)!;
    vm.freeCores += 1;
    vm.freeMemoryMb += Math.min(memoryMb, vm.spec.memoryMb);
    vm.running -= 1;
    this.dispatch();
  }

  peakRunning(vmId: string): number {
    return this.vms.get(vmId)?.peakRunning ?? 0;
  }

  private dispatch(): void {
    if (this.waiting.length === 0) return;
    const still: Request[] = [];
    for (const req of this.waiting) {
      const mem = req.memoryMb;
      let best: VmState | undefined;
      for (const id of req.vmIds) {
        const vm = this.vms.get(id)!;
        const need = Math.min(mem, vm.spec.memoryMb);
        if (vm.freeCores < 1 || vm.freeMemoryMb + 1e-9 < need) continue;
        if (best === undefined || vm.running < best.running || (vm.running === best.running && vm.index < best.index)) best = vm;
      }
      if (best === undefined) {
        still.push(req);
        continue;
      }
      best.freeCores -= 1;
      best.freeMemoryMb -= Math.min(mem, best.spec.memoryMb);
      best.running += 1;
      best.peakRunning = Math.max(best.peakRunning, best.running);
      const vmId = best.spec.id;
      this.defer(() => req.onGranted(vmId));
    }
    this.waiting = still;
  }
}
