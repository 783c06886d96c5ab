/**
 * Errors of real backends and of a run, raised through the error catalogue (SLU75xx). A backend
 * that is down or refuses (wrong URL, auth, full disk, Redis `maxmemory`) is a BackendError naming
 * the backend, its URL, the cause and how to start or fix it; a stage instance that still fails
 * after its retries is a StageFailedError naming the stage, the instance and the cause.
 */
import { InputError, IoError, issue, type Issue } from "../errors/index.js";

export type BackendName = "redis" | "object-store" | "cache" | "worker";

const KEYS = {
  redis: "execute.redisUnavailable",
  "object-store": "execute.objectStoreUnavailable",
  cache: "execute.cacheUnavailable",
  worker: "execute.noWorkers",
} as const;

export class BackendError extends IoError {
  override name = "BackendError";
  constructor(
    readonly backend: BackendName,
    readonly url: string,
    readonly causeText: string,
  ) {
    super(`${backend} unavailable`, [issue(KEYS[backend], { path: ["backends", backend], params: { url, cause: causeText } })]);
  }

  /** One line: backend, URL and cause (without the hint). */
  get summary(): string {
    return this.issues[0]!.message;
  }
}

/** A server the tests or `--start-servers` tried to start could not run (not installed, or it exited). */
export class ServerUnavailableError extends IoError {
  override name = "ServerUnavailableError";
  constructor(
    readonly server: "redis" | "object-store",
    readonly causeText: string,
  ) {
    super(`cannot start ${server}`, [issue(server === "redis" ? "execute.redisNotInstalled" : "execute.s3rverNotInstalled", { path: ["servers", server], params: { cause: causeText } })]);
  }
}

/** An instance that failed on every attempt. */
export class StageFailedError extends InputError {
  override name = "StageFailedError";
  constructor(
    readonly stageId: string,
    readonly index: number,
    readonly causeText: string,
    readonly attempts: number,
  ) {
    super("Run failed", [issue("execute.instanceFailed", { path: ["stages", stageId, index], params: { stage: JSON.stringify(stageId), index, attempts, cause: causeText } })]);
  }
}

/** The run could not finish for a reason that is neither one backend nor one instance (e.g. no worker left). */
export class RunFailedError extends IoError {
  override name = "RunFailedError";
  constructor(detail: string, issues: readonly Issue[] = [issue("execute.runFailed", { params: { detail } })]) {
    super("Run failed", issues);
  }
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
