/**
 * Direct passing: each VM serves its outputs over HTTP (GET /<run>/<file>, with a `Range: bytes=a-b`
 * header), and consumers on other VMs pull them. The sender's bytes pass its NIC's out bucket
 * chunk by chunk, the receiver's its in bucket, so a shaped NIC is shared by every puller.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { TokenBucket } from "./token-bucket.js";
import type { VmStorage } from "./vm-storage.js";

const PATH = /^\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_.-]+)$/;
const RANGE = /^bytes=(\d+)-(\d+)$/;

export interface DirectServer {
  readonly address: string;
  close(): Promise<void>;
}

/** `outFor(run)`: the NIC out bucket the run's bytes leave through. */
export async function startDirectServer(storage: VmStorage, outFor: (run: string) => TokenBucket, host = "127.0.0.1", advertiseHost = host): Promise<DirectServer> {
  const server = http.createServer((req, res) => {
    void serve(storage, outFor, req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead((e as NodeJS.ErrnoException).code === "ENOENT" ? 404 : 500).end(String(e));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    address: `http://${advertiseHost}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serve(storage: VmStorage, outFor: (run: string) => TokenBucket, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const m = PATH.exec(req.url ?? "");
  if (req.method !== "GET" || m === null) {
    res.writeHead(400).end("expected GET /<run>/<file>");
    return;
  }
  const out = outFor(m[1]!);
  const file = storage.fileOf(m[1]!, m[2]!);
  const size = (await stat(file)).size;
  const r = RANGE.exec(req.headers.range ?? "");
  const start = r ? Number(r[1]) : 0;
  const end = r ? Number(r[2]) : size - 1;
  if (start > end || end >= size) {
    res.writeHead(416, { "content-range": `bytes */${size}` }).end();
    return;
  }
  res.writeHead(r ? 206 : 200, { "content-length": String(end - start + 1), "content-type": "application/octet-stream" });
  for await (const chunk of createReadStream(file, { start, end, highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    await out.take(chunk.length);
    if (!res.write(chunk)) await new Promise((resolve) => res.once("drain", resolve));
  }
  res.end();
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** Pulls `length` bytes at `offset` of a file another VM serves. */
export function pullDirect(address: string, run: string, name: string, offset: number, length: number, nicIn?: TokenBucket): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    if (length === 0) return resolve(new Uint8Array(0));
    const req = http.get(`${address}/${run}/${name}`, { agent, headers: { range: `bytes=${offset}-${offset + length - 1}` } }, (res) => {
      if (res.statusCode !== 206 && res.statusCode !== 200) {
        res.resume();
        reject(Object.assign(new Error(`GET ${address}/${run}/${name}: HTTP ${res.statusCode}`), { code: res.statusCode === 404 ? "ENOENT" : "EHTTP" }));
        return;
      }
      const out = new Uint8Array(length);
      let at = 0;
      void (async () => {
        for await (const chunk of res as AsyncIterable<Buffer>) {
          if (at + chunk.length > length) throw new Error(`GET ${address}/${run}/${name}: more than ${length} bytes`);
          out.set(chunk, at);
          at += chunk.length;
          await nicIn?.take(chunk.length);
        }
        if (at !== length) throw new Error(`GET ${address}/${run}/${name}: expected ${length} bytes, got ${at}`);
        return out;
      })().then(resolve, reject);
    });
    req.on("error", reject);
  });
}
