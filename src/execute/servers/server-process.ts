/**
 * A server run as a child process for the length of a test, a benchmark or `sluice run
 * --start-servers`: spawned on a free port, waited for, and stopped (SIGTERM, then SIGKILL) with
 * its data folder removed. A binary that is not installed is a ServerUnavailableError that says how
 * to install it. The server runs under a small guard process that stops it when the process that
 * started it dies, so a crashed test or a killed command leaves no server behind.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import { ServerUnavailableError } from "../backend-error.js";
import { waitUntil } from "./free-port.js";

export interface ServerProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface SpawnServerOptions {
  readonly name: "redis" | "object-store";
  readonly command: string;
  readonly args: readonly string[];
  readonly url: string;
  readonly installHint: string;
  readonly ready: () => Promise<boolean>;
  readonly readyTimeoutMs?: number;
  /** Folders removed when the server stops. */
  readonly dataDirs?: readonly string[];
}

/**
 * `node -e GUARD <parent pid> <command> <args…>`: runs the command, forwards SIGTERM, and stops it
 * (SIGTERM, SIGKILL after 3 s) once the parent pid is gone.
 */
export const GUARD = `const [ppid, cmd, ...args] = process.argv.slice(1);
const c = require("node:child_process").spawn(cmd, args, { stdio: ["ignore", "ignore", "inherit"] });
const stop = () => { try { c.kill("SIGTERM"); } catch {} setTimeout(() => { try { c.kill("SIGKILL"); } catch {} }, 3000).unref(); };
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
c.on("error", (e) => { process.stderr.write(String(e.message)); process.exit(127); });
c.on("exit", (code) => process.exit(code ?? 0));
setInterval(() => { try { process.kill(Number(ppid), 0); } catch { stop(); } }, 500);`;

export async function spawnServer(o: SpawnServerOptions): Promise<ServerProcess> {
  const probe = spawnSync(o.command, ["--version"], { stdio: "ignore", timeout: 10_000 });
  if ((probe.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") throw new ServerUnavailableError(o.name, `${o.command} is not installed (${o.installHint})`);
  const child: ChildProcess = spawn(process.execPath, ["-e", GUARD, String(process.pid), o.command, ...o.args], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const spawnError = await new Promise<Error | undefined>((resolve) => {
    child.once("error", (e) => resolve(e));
    child.once("spawn", () => resolve(undefined));
  });
  if (spawnError !== undefined) {
    const missing = (spawnError as NodeJS.ErrnoException).code === "ENOENT";
    throw new ServerUnavailableError(o.name, missing ? `${o.command} is not installed (${o.installHint})` : spawnError.message);
  }
  let dead = false;
  void exited.then(() => (dead = true));
  try {
    await waitUntil(async () => {
      if (dead) throw new Error(`exited early: ${stderr.trim() || "no output"}`);
      return o.ready();
    }, o.readyTimeoutMs ?? 15_000);
  } catch (e) {
    child.kill("SIGKILL");
    throw new ServerUnavailableError(o.name, `${o.url}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return {
    name: o.name,
    url: o.url,
    pid: child.pid!,
    async stop() {
      if (!dead) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
        await exited;
        clearTimeout(timer);
      }
      for (const d of o.dataDirs ?? []) await rm(d, { recursive: true, force: true });
    },
  };
}
