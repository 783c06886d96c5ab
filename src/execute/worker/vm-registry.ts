/**
 * A VM in the registry: its HTTP address, slots and pid under `sluice:vm:<vm>`, refreshed every
 * heartbeat and expiring three heartbeats after the process dies (that expiry is how the executor
 * sees a VM die, liveness.ts). Other VMs' addresses are looked up there once and kept.
 */
import type { Redis } from "ioredis";
import { vmKey } from "../queue/keys.js";

export interface VmRegistration {
  /** The direct-pull address of `vm` (this VM's own without a lookup). */
  addressOf(vm: string): Promise<string>;
  /** Stops the heartbeat (the key expires, or the caller deletes it). */
  stop(): void;
}

export async function registerVm(redis: Redis, vm: string, address: string, slots: number, heartbeatMs: number): Promise<VmRegistration> {
  const beat = async () => {
    await redis.multi().hset(vmKey(vm), { address, slots: String(slots), pid: String(process.pid) }).pexpire(vmKey(vm), heartbeatMs * 3).exec();
  };
  await beat();
  const heartbeat = setInterval(() => void beat().catch(() => undefined), heartbeatMs);
  const addresses = new Map<string, string>();
  return {
    async addressOf(other) {
      if (other === vm) return address;
      const known = addresses.get(other);
      if (known !== undefined) return known;
      const found = await redis.hget(vmKey(other), "address");
      if (found === null) throw new Error(`VM ${other} is not registered (its worker is gone)`);
      addresses.set(other, found);
      return found;
    },
    stop: () => clearInterval(heartbeat),
  };
}
