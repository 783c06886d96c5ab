/**
 * Entry of a worker process (one VM): `sluice worker` and the local cluster run it. Prints
 * `ready <vm> <address>` once registered; stops cleanly on SIGTERM or SIGINT (leaving its runs and
 * deleting its files).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startVmWorker, type VmWorkerOptions } from "./vm-worker.js";

/** `exitWithParent`: stop when this process id is gone (the local cluster passes its own, so a crashed test leaves no worker). */
export async function runWorkerProcess(o: VmWorkerOptions & { readonly exitWithParent?: number }): Promise<void> {
  const w = await startVmWorker(o);
  process.stdout.write(`ready ${w.vm} ${w.address}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // A clean stop needs Redis; if it is gone too, give up after 5 s.
    setTimeout(() => process.exit(0), 5000).unref();
    void w.stop().finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  if (o.exitWithParent !== undefined) {
    const parent = o.exitWithParent;
    setInterval(() => {
      try {
        process.kill(parent, 0);
      } catch {
        stop();
      }
    }, 500).unref();
  }
  await new Promise(() => undefined);
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (isMain) {
  const args = new Map<string, string>();
  const argv = process.argv.slice(2);
  for (let k = 0; k < argv.length; k += 2) args.set(argv[k]!.replace(/^--/, ""), argv[k + 1] ?? "");
  const num = (k: string) => (args.has(k) ? Number(args.get(k)) : undefined);
  runWorkerProcess({
    redisUrl: args.get("redis") ?? process.env.SLUICE_REDIS_URL ?? "redis://127.0.0.1:6379",
    vm: args.get("vm") ?? "vm-0",
    ...(num("slots") !== undefined ? { slots: num("slots")! } : {}),
    ...(args.has("root") ? { root: args.get("root")! } : {}),
    ...(args.has("host") ? { host: args.get("host")! } : {}),
    ...(num("nic-bytes-per-second") !== undefined ? { nicBytesPerSecond: num("nic-bytes-per-second")! } : {}),
    ...(num("exit-with-parent") !== undefined ? { exitWithParent: num("exit-with-parent")! } : {}),
  }).catch((e: unknown) => {
    process.stderr.write(`sluice worker: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
