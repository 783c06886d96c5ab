/**
 * Ranged reads against a real s3rver whose responses are cut short on the way: an HTTP relay in
 * front of it forwards every request, and for the first `cut` ranged GETs sends the status and
 * headers but only part of the body, then ends the connection. The client must resume from the
 * first missing byte and return the object's exact bytes, or fail naming the store once the
 * resumes are spent.
 */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackendError } from "../backend-error.js";
import { ObjectStoreClient } from "./object-store-client.js";
import { SHORT_READ_RESUMES } from "./s3-ranged-get.js";
import { S3RVER_CREDENTIALS, startS3rver, type S3rverProcess } from "../servers/start-s3rver.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

let s3: S3rverProcess | undefined;
let reason = "";
try {
  s3 = await startS3rver();
} catch (e) {
  reason = e instanceof Error ? e.message : String(e);
  console.warn(`skipping the object store's short-read tests: ${reason}`);
}

/** A relay to `target` that truncates the body of the next `cut` ranged GETs to `keepBytes`. */
function truncatingRelay(target: URL): { server: Server; cutNext(n: number, keepBytes: number): void; ranges: string[] } {
  let cut = 0;
  let keep = 0;
  const ranges: string[] = [];
  const server = createServer((req, res) => {
    const upstream = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      const range = req.method === "GET" ? req.headers.range : undefined;
      if (range !== undefined) ranges.push(range);
      if (range !== undefined && cut > 0) {
        cut--;
        res.writeHead(up.statusCode ?? 500, up.headers);
        res.flushHeaders();
        let sent = 0;
        // Headers and the first bytes reach the client, then the connection ends mid-body.
        const cutOff = () => setTimeout(() => res.destroy(), 20);
        up.on("data", (chunk: Buffer) => {
          if (sent >= keep) return;
          const part = chunk.subarray(0, keep - sent);
          sent += part.length;
          if (sent >= keep) res.write(part, cutOff);
          else res.write(part);
        });
        return;
      }
      res.writeHead(up.statusCode ?? 500, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  return { server, ranges, cutNext: (n, keepBytes) => ((cut = n), (keep = keepBytes)) };
}

describe.skipIf(s3 === undefined)("ObjectStoreClient: ranged reads cut short", () => {
  const server = s3!;
  const relay = truncatingRelay(new URL(server?.endpoint ?? "http://127.0.0.1:1"));
  let client: ObjectStoreClient;
  const OBJECT = Uint8Array.from({ length: 200_000 }, (_, k) => (k * 7919) % 251);

  beforeAll(async () => {
    await new Promise<void>((resolve) => relay.server.listen(0, "127.0.0.1", resolve));
    const { port } = relay.server.address() as AddressInfo;
    client = await ObjectStoreClient.create({ endpoint: `http://127.0.0.1:${port}`, bucket: server.bucket, credentials: S3RVER_CREDENTIALS, region: "us-east-1", prefix: "", forcePathStyle: true, partSizeBytes: 64 * 1024 });
    await client.put("short-read/object", OBJECT);
  });
  afterAll(async () => {
    client?.close();
    await new Promise((resolve) => relay.server.close(resolve));
    await server.stop();
  });

  it("resumes a range whose body ended short from the first missing byte and returns the exact bytes", async () => {
    relay.ranges.length = 0;
    relay.cutNext(2, 1000);
    // One 100,000-byte range at offset 50,000; the first two answers carry 1,000 bytes each.
    const { bytes, io } = await client.getRange("short-read/object", 50_000, 100_000, undefined, 1, 100_000);
    expect(Buffer.from(bytes).equals(Buffer.from(OBJECT.subarray(50_000, 150_000)))).toBe(true);
    expect(relay.ranges).toEqual(["bytes=50000-149999", "bytes=51000-149999", "bytes=52000-149999"]);
    expect(io).toEqual({ bytes: 100_000, requests: 3 });
  });

  it("fails naming the store and the range once every resume also ends short, and a later read succeeds", async () => {
    relay.cutNext(SHORT_READ_RESUMES + 1, 10);
    const err = await client.getRange("short-read/object", 0, 100_000, undefined, 1, 100_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect((err as Error).message).toContain("object-store");
    expect((err as Error).message).toContain(`after ${SHORT_READ_RESUMES + 1} requests for bytes 0-99999`);
    const again = await client.getRange("short-read/object", 0, OBJECT.length, undefined, 4);
    expect(Buffer.from(again.bytes).equals(Buffer.from(OBJECT))).toBe(true);
  });
});
