import { readFileSync } from "node:fs";
import { plan } from "./src/plan/plan.js";
import { startRedisServer } from "./src/execute/servers/start-redis.js";
import { startS3rver, S3RVER_CREDENTIALS } from "./src/execute/servers/start-s3rver.js";
import { startLocalCluster } from "./src/execute/local-cluster.js";
import { execute } from "./src/execute/execute.js";
const redis = await startRedisServer();
const s3 = await startS3rver();
const cluster = await startLocalCluster({ redisUrl: redis.url, count: 2 });
try {
  const dag = JSON.parse(readFileSync("examples/dags/mapreduce-sort.json", "utf8"));
  const mode = process.argv[2];
  let p = await plan(dag, "4 MiB", { platform: { vm: { cores: 1, poolSize: 2 } } });
  if (mode) p = { ...p, edges: p.edges.map((e) => ({ from: e.from, to: e.to, mode: mode as any })), admitted: mode === "cache" ? ["map"] : [] };
  console.log(p.edges, p.predicted.makespanMs);
  const t = Date.now();
  const r = await execute(dag, p, { backends: { redisUrl: redis.url, objectStore: { endpoint: s3.endpoint, bucket: s3.bucket, credentials: S3RVER_CREDENTIALS } } });
  for (const i of r.instances.slice(0, 40)) console.log(i.stageId, i.index, i.vm, i.readyMs.toFixed(0), i.startMs.toFixed(0), i.computeStartMs.toFixed(0), i.computeEndMs.toFixed(0), i.finishMs.toFixed(0), i.transfers.map((t) => `${t.kind}:${t.direction}:${(t.endMs - t.startMs).toFixed(0)}`).join(" "));
  console.log("wall", Date.now() - t, "makespan", r.makespanMs, "stages", r.stages.map((s) => [s.stageId, s.instances, s.startMs.toFixed(0), s.finishMs.toFixed(0), s.vms]), r.bytesByMode, r.result, r.cleanup, r.notes);
} finally {
  await cluster.stop();
  await s3.stop();
  await redis.stop();
}
