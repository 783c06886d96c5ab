/**
 * VM slots: a VM runs an instance while it has a free core and the instance's billed memory free.
 * Requests name the VMs they may use (a pinned instance — one beside its vm-local input — names
 * one; others name their stage's VMs) and wait in arrival order; a freed slot goes to the oldest
 * waiting request that fits (later requests may pass one that does not fit anywhere yet). Among
 * eligible VMs with room, the least loaded wins, then the lowest index: instances spread evenly.
 *
 * Requests with the same VMs and memory wait in one queue: when its oldest does not fit, none of
 * the others can, so a dispatch visits the queues' heads in arrival order and stops at a queue's
 * first refusal — the same grants as scanning every waiting request, without the scan.
 */
import { sluiceError } from "../errors.js";
import { OrderedHeap } from "../util/ordered-heap.js";

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

/** Requests alike (same VMs, same memory), oldest first; `head` is the next to serve. */
interface Queue {
  readonly reqs: Request[];
  head: number;
}

export class VmScheduler {
  private readonly vms = new Map<string, VmState>();
  /** Per VM list (one VM: its id; several: the list itself), per memory: the queue of requests alike. */
  private readonly queues = new Map<unknown, Map<number, Queue>>();
  private readonly nonEmpty = new Set<Queue>();
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
    const key = vmIds.length === 1 ? vmIds[0] : vmIds;
    let byMemory = this.queues.get(key);
    if (byMemory === undefined) this.queues.set(key, (byMemory = new Map()));
    let q = byMemory.get(memoryMb);
    if (q === undefined) byMemory.set(memoryMb, (q = { reqs: [], head: 0 }));
    q.reqs.push({ seq: this.seq++, vmIds, memoryMb, onGranted });
    this.nonEmpty.add(q);
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
    if (this.nonEmpty.size === 0) return;
    const heads = new OrderedHeap<Queue>((a, b) => a.reqs[a.head]!.seq < b.reqs[b.head]!.seq);
    for (const q of this.nonEmpty) heads.push(q);
    for (let q = heads.pop(); q !== undefined; q = heads.pop()) {
      const req = q.reqs[q.head]!;
      const best = this.bestVm(req);
      if (best === undefined) continue; // the rest of this queue cannot fit either
      best.freeCores -= 1;
      best.freeMemoryMb -= Math.min(req.memoryMb, best.spec.memoryMb);
      best.running += 1;
      best.peakRunning = Math.max(best.peakRunning, best.running);
      const vmId = best.spec.id;
      this.defer(() => req.onGranted(vmId));
      q.head++;
      if (q.head < q.reqs.length) heads.push(q);
      else {
        q.reqs.length = 0;
        q.head = 0;
        this.nonEmpty.delete(q);
      }
    }
  }

  /** The least loaded of the request's VMs with a free core and its memory free (then the lowest index); undefined if none. */
  private bestVm(req: Request): VmState | undefined {
    let best: VmState | undefined;
    for (const id of req.vmIds) {
      const vm = this.vms.get(id)!;
      const need = Math.min(req.memoryMb, vm.spec.memoryMb);
      if (vm.freeCores < 1 || vm.freeMemoryMb + 1e-9 < need) continue;
      if (best === undefined || vm.running < best.running || (vm.running === best.running && vm.index < best.index)) best = vm;
    }
    return best;
  }
}
