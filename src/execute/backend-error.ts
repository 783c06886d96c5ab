/**
 * Errors of real backends and of a run. A backend that is down or refuses (wrong URL, auth, full
 * disk, Redis `maxmemory`) is a BackendError naming the backend, its URL, the cause and how to
 * start or fix it; a stage instance that still fails after its retries is a StageFailedError
 * naming the stage, the instance and the cause.
 */
import { SluiceError } from "../errors.js";

export type BackendName = "redis" | "object-store" | "cache" | "worker";

const START_HINTS: Readonly<Record<BackendName, string>> = {
  redis: "start one with `redis-server --port 6379` (Debian: apt-get install -y redis-server), pass its URL (--redis redis://host:port), or let `sluice run --start-servers` start one",
  cache: "start one with `redis-server --port 6379` (Debian: apt-get install -y redis-server) or point --cache at any Redis or Valkey URL",
  "object-store": "start one with `npx s3rver -d /tmp/s3 -p 4568 --configure-bucket sluice`, or point --s3-endpoint at an S3 endpoint (AWS: omit it) with credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY",
  worker: "start workers with `sluice worker --redis URL --vm NAME` (one per VM), or let `sluice run --start-workers N` start them",
};

export class BackendError extends SluiceError {
  override name = "BackendError";
  constructor(
    readonly backend: BackendName,
    readonly url: string,
    readonly causeText: string,
    readonly hint: string = START_HINTS[backend],
  ) {
    super(`${backend} at ${url}: ${causeText}; ${hint}`);
  }
}

/** A server the tests or `--start-servers` tried to start could not run. */
export class ServerUnavailableError extends BackendError {
  override name = "ServerUnavailableError";
}

/** An instance that failed on every attempt. */
export class StageFailedError extends SluiceError {
  override name = "StageFailedError";
  constructor(
    readonly stageId: string,
    readonly index: number,
    readonly causeText: string,
    readonly attempts: number,
  ) {
    super(`stage "${stageId}" instance ${index} failed after ${attempts} attempt${attempts === 1 ? "" : "s"}: ${causeText}`);
  }
}

/** The run could not finish for a reason that is neither one backend nor one instance (e.g. no worker left). */
export class RunFailedError extends SluiceError {
  override name = "RunFailedError";
}

/** Turns a client error into the cause a user can act on. */
export function describeBackendCause(err: unknown): string {
  const e = err as { code?: string; name?: string; message?: string; $metadata?: { httpStatusCode?: number }; Code?: string };
  const code = e?.code ?? e?.Code ?? e?.name ?? "";
  const message = e?.message ?? String(err);
  if (code === "ECONNREFUSED" || /ECONNREFUSED/.test(message)) return "connection refused (nothing listens there)";
  if (code === "ENOTFOUND" || /ENOTFOUND|getaddrinfo/.test(message)) return "host not found";
  if (code === "ETIMEDOUT" || /ETIMEDOUT|timed out/i.test(message)) return "timed out";
  if (/^OOM /.test(message) || /maxmemory/.test(message)) return `out of memory: ${message} (raise maxmemory, or admit less to the cache tier)`;
  if (/NOAUTH|WRONGPASS|invalid password|Authentication required/i.test(message)) return `authentication failed: ${message}`;
  if (code === "ENOSPC" || /ENOSPC|no space left/i.test(message)) return `disk full: ${message}`;
  if (code === "InvalidAccessKeyId" || code === "SignatureDoesNotMatch" || code === "AccessDenied" || e?.$metadata?.httpStatusCode === 403) return `access denied (${code || "HTTP 403"}): check the credentials`;
  if (code === "NoSuchBucket") return `no such bucket: ${message}`;
  return message || code || "unknown error";
}
