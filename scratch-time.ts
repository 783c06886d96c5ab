import { readFileSync } from "node:fs";
import { plan } from "./src/plan/plan.js";
import { startRealBackends } from "./src/testing/real-backends.js";
import { startLocalCluster } from "./src/execute/local-cluster.js";
import { execute } from "./src/execute/execute.js";
const s = await startRealBackends(); if (!s.ok) throw new Error(s.reason);
const real = s.value;
const cluster = await startLocalCluster({ redisUrl: real.redis.url, count: 2 });
const dag = JSON.parse(readFileSync("examples/dags/wordcount.json", "utf8"));
const p0 = await plan(dag, 512*1024, { platform: { vm: { cores: 1, poolSize: 2 } } });
for (const mode of ["direct", "remote", "direct"] as const) {
  const p = { ...p0, edges: [{ from: "map", to: "reduce", mode }], admitted: [] };
  const t = Date.now();
  (globalThis as any).T = t;
  const r = await execute(dag, p, { backends: real.backends });
  console.log(mode, "wall", Date.now() - t, "makespan", r.makespanMs.toFixed(0), r.instances.map(i => `${i.stageId}#${i.index}@${i.vm} ${i.startMs.toFixed(0)}-${i.finishMs.toFixed(0)}`).join(" | "));
}
await cluster.stop(); await real.stop();
