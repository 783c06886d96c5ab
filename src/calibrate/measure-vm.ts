/**
 * Measures a VM's own storage and its network path in this process, with the same code the workers
 * use: files written and read in a VM folder (tmpfs where present), and direct pulls from a VM's
 * HTTP output server, through NIC token buckets at `nicBytesPerSecond` (sending and receiving
 * side; unshaped when undefined), `latencyRepeats` of them at the smallest size. Everything it writes is deleted afterwards.
 */
import { mkdtemp } from "node:fs/promises";
import path from "node:path";
import { nowMs } from "../execute/clock.js";
import { pullDirect, startDirectServer } from "../execute/store/direct-server.js";
import { createNic } from "../execute/store/token-bucket.js";
import { defaultVmRoot, VmStorage } from "../execute/store/vm-storage.js";
import type { Sample } from "./sample.js";

export async function measureVm(o: { readonly sizesBytes: readonly number[]; readonly repeats: number; readonly latencyRepeats: number; readonly nicBytesPerSecond?: number }): Promise<Sample[]> {
  const root = await mkdtemp(path.join(path.dirname(defaultVmRoot("calibrate")), "sluice-calibrate-"));
  const storage = new VmStorage(root);
  const sender = createNic(o.nicBytesPerSecond);
  const receiver = createNic(o.nicBytesPerSecond);
  const server = await startDirectServer(storage, () => sender.out);
  const run = "calibrate";
  const samples: Sample[] = [];
  try {
    const smallest = Math.min(...o.sizesBytes);
    for (const size of o.sizesBytes) {
      const body = new Uint8Array(size).fill(7);
      // At the smallest size (the latency): many samples, after one unrecorded round that opens the connection.
      const warmUp = size === smallest ? 1 : 0;
      const repeats = size === smallest ? Math.max(o.repeats, o.latencyRepeats) : o.repeats;
      for (let r = -warmUp; r < repeats; r++) {
        const name = `f-${size}-${r}.out`;
        if (r < 0) {
          await storage.write(run, name, body);
          await pullDirect(server.address, run, name, 0, size, receiver.in);
          continue;
        }
        let t0 = nowMs();
        await storage.write(run, name, body);
        samples.push({ backend: "local", operation: "write", objectBytes: size, concurrency: 1, requests: 1, durationMs: nowMs() - t0 });
        t0 = nowMs();
        await storage.readRange(run, name, 0, size);
        samples.push({ backend: "local", operation: "read", objectBytes: size, concurrency: 1, requests: 1, durationMs: nowMs() - t0 });
        t0 = nowMs();
        await pullDirect(server.address, run, name, 0, size, receiver.in);
        samples.push({ backend: "direct", operation: "pull", objectBytes: size, concurrency: 1, requests: 1, durationMs: nowMs() - t0 });
      }
    }
  } finally {
    await server.close();
    await storage.removeAll();
  }
  return samples;
}
