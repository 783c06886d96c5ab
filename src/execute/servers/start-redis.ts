/**
 * Starts `redis-server` (Debian package redis-server) on a free loopback port with persistence off,
 * for tests, benchmarks and `sluice run --start-servers`. `maxmemoryBytes` sets a memory limit with
 * no eviction, so a full cache is an error rather than lost data.
 */
import { createConnection } from "node:net";
import { freePort } from "./free-port.js";
import { spawnServer, type ServerProcess } from "./server-process.js";

export const REDIS_INSTALL_HINT = "install it with `apt-get install -y redis-server` (Debian/Ubuntu) or `brew install redis`, or pass the URL of a running server";

export async function startRedisServer(options: { maxmemoryBytes?: number; command?: string } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"];
  if (options.maxmemoryBytes !== undefined) args.push("--maxmemory", String(options.maxmemoryBytes), "--maxmemory-policy", "noeviction");
  const url = `redis://127.0.0.1:${port}`;
  return spawnServer({ name: "redis", command: options.command ?? "redis-server", args, url, installHint: REDIS_INSTALL_HINT, ready: () => pingRedis(port) });
}

/** True when a Redis server answers PING on the port. */
export function pingRedis(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.setTimeout(1000);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (d) => {
      socket.destroy();
      resolve(d.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}
