/**
 * A server run as a child process for the length of a test, a benchmark or `sluice run
 * --start-servers`: spawned on a free port, waited for, and stopped (SIGTERM, then SIGKILL) with
 * its data folder removed. A binary that is not installed is a ServerUnavailableError that says how
 * to install it.
 */
import { spawn, type ChildProcess } from "node:child_process";
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

export async function spawnServer(o: SpawnServerOptions): Promise<ServerProcess> {
  const child: ChildProcess = spawn(o.command, o.args, { stdio: ["ignore", "ignore", "pipe"] });
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
