/**
 * Worker processes on this machine, one per VM, for tests, benchmarks and `sluice run
 * --start-workers N`: each is a real process (the same entry as `sluice worker`), pointed at the
 * given Redis. `kill(vm)` SIGKILLs one (as a crashed machine) and deletes its folder, as the VM's
 * disk would go with it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { BackendError } from "../backend-error.js";
import { defaultVmRoot } from "../store/vm-storage.js";

export interface LocalCluster {
  readonly vms: readonly string[];
  kill(vm: string): Promise<void>;
  stop(): Promise<void>;
}

export interface LocalClusterOptions {
  readonly redisUrl: string;
  readonly count: number;
  readonly slots?: number;
  /** VM names: `${prefix}0`, `${prefix}1`, … (default "vm-"). */
  readonly prefix?: string;
  readonly nicBytesPerSecond?: number;
}

export async function startLocalCluster(o: LocalClusterOptions): Promise<LocalCluster> {
  const ts = import.meta.url.endsWith(".ts");
  const entry = fileURLToPath(new URL(`./worker-main.${ts ? "ts" : "js"}`, import.meta.url));
  const nodeArgs = ts ? ["--import", "tsx"] : [];
  const procs = new Map<string, { child: ChildProcess; root: string; exited: Promise<void> }>();
  const vms = Array.from({ length: o.count }, (_, k) => `${o.prefix ?? "vm-"}${k}`);
  try {
    await Promise.all(
      vms.map(async (vm) => {
        const root = path.join(path.dirname(defaultVmRoot(vm)), `sluice-local-${process.pid}-${vm}`);
        const args = [...nodeArgs, entry, "--redis", o.redisUrl, "--vm", vm, "--root", root, "--slots", String(o.slots ?? 1), "--exit-with-parent", String(process.pid)];
        if (o.nicBytesPerSecond !== undefined) args.push("--nic-bytes-per-second", String(o.nicBytesPerSecond));
        const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        procs.set(vm, { child, root, exited });
        let err = "";
        child.stderr!.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
        await new Promise<void>((resolve, reject) => {
          let out = "";
          child.stdout!.on("data", (d: Buffer) => {
            out += d.toString();
            if (out.includes(`ready ${vm} `)) resolve();
          });
          void exited.then(() => reject(new BackendError("worker", o.redisUrl, `worker ${vm} exited before it was ready: ${err.trim() || "no output"}`)));
        });
      }),
    );
  } catch (e) {
    for (const p of procs.values()) p.child.kill("SIGKILL");
    throw e;
  }
  return {
    vms,
    async kill(vm) {
      const p = procs.get(vm);
      if (p === undefined) return;
      p.child.kill("SIGKILL");
      await p.exited;
      procs.delete(vm);
      await rm(p.root, { recursive: true, force: true });
    },
    async stop() {
      await Promise.all(
        [...procs.values()].map(async (p) => {
          p.child.kill("SIGTERM");
          const t = setTimeout(() => p.child.kill("SIGKILL"), 5000);
          await p.exited;
          clearTimeout(t);
          await rm(p.root, { recursive: true, force: true });
        }),
      );
      procs.clear();
    },
  };
}
