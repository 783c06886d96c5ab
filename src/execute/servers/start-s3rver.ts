/**
 * Starts `s3rver` (an S3-API server on the local disk, npm package s3rver) as a child process on a
 * free loopback port with one bucket, for tests, benchmarks and `sluice run --start-servers`. Its
 * data folder is removed when it stops. Credentials: S3RVER / S3RVER.
 */
import { mkdtemp } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { ServerUnavailableError } from "../backend-error.js";
import { freePort } from "./free-port.js";
import { spawnServer, type ServerProcess } from "./server-process.js";

export const S3RVER_INSTALL_HINT = "install it with `npm i -D s3rver` (it ships as a dev dependency of this repository), or pass the endpoint of a running S3-compatible store";
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export interface S3rverProcess extends ServerProcess {
  readonly endpoint: string;
  readonly bucket: string;
}

export interface StartS3rverOptions {
  readonly bucket?: string;
  readonly dataDir?: string;
  /** Where the `s3rver` package is looked up from, as Node resolves packages (a file path or URL; default this module). */
  readonly resolveFrom?: string;
}

export async function startS3rver(options: StartS3rverOptions = {}): Promise<S3rverProcess> {
  const bucket = options.bucket ?? "sluice";
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  let bin: string;
  try {
    bin = createRequire(options.resolveFrom ?? import.meta.url).resolve("s3rver/bin/s3rver.js");
  } catch {
    throw new ServerUnavailableError("object-store", `the s3rver package is not installed (${S3RVER_INSTALL_HINT})`);
  }
  const dir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), "sluice-s3rver-")));
  const server = await spawnServer({
    name: "object-store",
    command: process.execPath,
    args: [bin, "-d", dir, "-a", "127.0.0.1", "-p", String(port), "--silent", "--configure-bucket", bucket],
    url: endpoint,
    installHint: S3RVER_INSTALL_HINT,
    ready: async () => (await fetch(`${endpoint}/${bucket}?list-type=2&max-keys=1`)).status < 500,
    dataDirs: options.dataDir === undefined ? [dir] : [],
  });
  return { ...server, endpoint, bucket };
}
