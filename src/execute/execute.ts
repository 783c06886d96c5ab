/**
 * `execute(dag, plan, options)`: runs the DAG's stage functions on real backends, every edge passed
 * as the plan says (splits included), and reports what happened beside what the plan predicted.
 *
 * Phases: validate → connect (Redis, object store, cache; each failure names its backend) → find
 * the workers (registered VMs) → stage the input → publish the run (workers join) → run the stages
 * (stage-runner.ts, dispatched on BullMQ) → report → clean up (always, also after a failure).
 * Workers are separate processes (`sluice worker`, or `startLocalCluster`): start them first.
 */
import { validateDag } from "../dag/validate-dag.js";
import { toAssignment } from "../model/decisions.js";
import type { Plan } from "../plan/types.js";
import { resolvePlatform } from "../platform/resolve-platform.js";
import { BackendError } from "./backend-error.js";
import { resolveBackends, safeRedisUrl } from "./backend-config.js";
import { CacheClient } from "./store/cache-client.js";
import { cleanupRun } from "./run/cleanup.js";
import { nowMs } from "./clock.js";
import { Dispatcher } from "./queue/dispatcher.js";
import { EXECUTE_DEFAULTS, type ExecuteOptions } from "./execute-options.js";
import { resolveFunctionRefs } from "./functions/function-ref.js";
import { checkName, newRunId } from "./queue/keys.js";
import { Liveness, registeredVms } from "./queue/liveness.js";
import { ObjectStoreClient } from "./store/object-store-client.js";
import { stageOffsets } from "./routing/placement.js";
import { connectRedis } from "./queue/redis-connect.js";
import { buildRunReport, type RunReport } from "./report/run-report.js";
import { stageInput } from "./run/run-input.js";
import { sizedDagInput } from "../plan/sizing/configuration.js";
import { publishRun } from "./queue/publish-run.js";
import type { RunRecord } from "./queue/run-record.js";
import { RunState } from "./run/run-state.js";
import { deleteIntermediates } from "./run/delete-intermediates.js";
import { StageRunner } from "./run/stage-runner.js";

export async function execute(dagInput: unknown, plan: Plan, options: ExecuteOptions = {}): Promise<RunReport> {
  // The plan's instance counts (its sizing of "auto" stages) are the ones that run.
  const dag = validateDag(sizedDagInput(dagInput, plan.placement));
  const assignment = toAssignment(dag, { edges: plan.edges, admitted: plan.admitted });
  const platform = resolvePlatform(options.platform);
  const functions = resolveFunctionRefs(dag, options.functions);
  const o = { ...EXECUTE_DEFAULTS, ...options };
  const backends = resolveBackends(options.backends);
  const runId = checkName("runId", options.runId ?? newRunId());
  const usesCache = assignment.edges.some((shares) => shares.some((s) => s.mode === "cache"));

  const redis = await connectRedis("redis", backends.redisUrl);
  const store = await ObjectStoreClient.create(backends.objectStore);
  let cache: CacheClient | undefined;
  let dispatcher: Dispatcher | undefined;
  let liveness: Liveness | undefined;
  let report: RunReport | undefined;
  let failure: unknown;
  const keep = new Set<string>();
  try {
    await store.check();
    if (usesCache) cache = await CacheClient.create(backends.cacheUrl);
    const registered = await registeredVms(redis);
    const vms = options.vms === undefined ? registered : options.vms.filter((vm) => registered.includes(vm));
    if (vms.length === 0) {
      throw new BackendError("worker", safeRedisUrl(backends.redisUrl), options.vms === undefined ? "no worker is registered at this Redis" : `none of the VMs ${options.vms.join(", ")} is registered (registered: ${registered.join(", ") || "none"})`);
    }
    const input = await stageInput(dag, options.input ?? { generate: plan.inputBytes }, store, runId);
    const nic = options.shapeNic === true ? platform.vm.nicBytesPerSecond : typeof options.shapeNic === "number" ? options.shapeNic : null;
    const record: RunRecord = { runId, vms, cacheUrl: backends.cacheUrl, objectStore: backends.objectStore, nicBytesPerSecond: nic, connections: platform.objectStore.connectionsPerInstance, lockDurationMs: o.lockDurationMs, objectPrefixes: Math.max(1, Math.round((platform.objectStore as { prefixes?: number }).prefixes ?? 1)), ...rangeOf(platform), ...(usesCache ? { usesCache: true } : {}) };
    liveness = new Liveness(redis, vms);
    dispatcher = new Dispatcher(backends.redisUrl, runId, liveness, { attempts: o.attempts, backoffMs: o.backoffMs });
    await dispatcher.start();
    await publishRun(redis, record, o.joinTimeoutMs, backends.redisUrl);
    liveness.start();
    const placement = new Map(plan.placement.map((p) => [p.stageId, p]));
    const colocated = new Set(dag.edges.filter((_, i) => assignment.edges[i]!.some((s) => s.mode === "vm-local")).map((e) => e.to));
    const offsets = stageOffsets(dag.order.map((id) => ({ stageId: id, vms: placement.get(id)?.vms ?? 1, colocated: colocated.has(id) })), vms.length);
    const runState = new RunState(liveness);
    const runner = new StageRunner({
      dag, runId, prefix: backends.objectStore.prefix, assignment, placement, functions, offsets, input, dispatcher, state: runState,
      attempts: o.attempts, maxRounds: o.maxRounds,
      onConsumed: async (stageId) => deleteIntermediates(runState, stageId, store, cache),
    });
    const t0Ms = nowMs();
    await runner.runAll();
    const endMs = nowMs();
    for (const list of runState.outcomes.values()) for (const out of list) for (const c of out?.copies ?? []) if (c.kind === "result" && o.keepResult) keep.add(c.at.name);
    report = buildRunReport({ dag, plan, platform, state: runState, runId, t0Ms, endMs, bucket: backends.objectStore.bucket, cleanup: { objects: 0, cacheKeys: 0 }, notes: nic === null ? ["NICs not shaped"] : [`NICs shaped to ${nic} B/s per VM and direction`] });
  } catch (e) {
    failure = e;
  }
  let cleaned = { objects: 0, cacheKeys: 0 };
  try {
    liveness?.stop();
    cleaned = await cleanupRun({ redis, runId, prefix: backends.objectStore.prefix, store, ...(cache ? { cache } : {}), ...(dispatcher ? { dispatcher } : {}), ...(liveness ? { liveness } : {}), keep });
  } catch (e) {
    failure ??= e;
  } finally {
    store.close();
    cache?.close();
    redis.disconnect();
  }
  if (failure !== undefined) throw failure;
  return { ...report!, cleanup: cleaned };
}

/** The platform's ranged-GET size, when its schema has one. */
function rangeOf(platform: object): { rangeBytes?: number } {
  const r = (platform as { objectStore?: { rangeBytes?: number } }).objectStore?.rangeBytes;
  return typeof r === "number" && r > 0 ? { rangeBytes: r } : {};
}
