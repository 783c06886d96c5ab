/**
 * Which VMs of a run are alive: a VM is alive while its registry key (`sluice:vm:<vm>`, refreshed
 * by its worker's heartbeat) exists. Polled every `everyMs`; a VM seen dead stays dead for the rest
 * of the run, and listeners hear of it once.
 */
import type { Redis } from "ioredis";
import { VM_KEY_PREFIX, vmKey } from "./keys.js";

export class Liveness {
  private readonly dead = new Set<string>();
  private readonly listeners: ((vm: string) => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    readonly vms: readonly string[],
  ) {}

  start(everyMs = 250): void {
    this.timer = setInterval(() => void this.poll().catch(() => undefined), everyMs);
  }

  async poll(): Promise<void> {
    const candidates = this.vms.filter((vm) => !this.dead.has(vm));
    if (candidates.length === 0) return;
    const exists = await Promise.all(candidates.map((vm) => this.redis.exists(vmKey(vm))));
    candidates.forEach((vm, k) => {
      if (exists[k] === 0) this.markDead(vm);
    });
  }

  markDead(vm: string): void {
    if (this.dead.has(vm)) return;
    this.dead.add(vm);
    for (const l of this.listeners) l(vm);
  }

  onDeath(listener: (vm: string) => void): void {
    this.listeners.push(listener);
  }

  isAlive(vm: string): boolean {
    return !this.dead.has(vm);
  }

  live(): string[] {
    return this.vms.filter((vm) => !this.dead.has(vm));
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
  }
}

/** The VMs registered now (their workers alive), sorted by name. */
export async function registeredVms(redis: Redis): Promise<string[]> {
  const out: string[] = [];
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${VM_KEY_PREFIX}*`, "COUNT", 200);
    cursor = next;
    for (const k of keys) out.push(k.slice(VM_KEY_PREFIX.length));
  } while (cursor !== "0");
  return [...new Set(out)].sort();
}
