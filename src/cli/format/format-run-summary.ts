/** `sluice run`'s table: the decisions, predicted vs measured per stage and in total, bytes per tier, where the result is, what the cleanup deleted. */
import type { RunReport } from "../../execute/report/run-report.js";
import type { Plan } from "../../plan/types.js";
import { formatBytes } from "../../units/size.js";

export function formatRunSummary(p: Plan, r: RunReport, plotFile?: string): string {
  const pct = (got: number, pred: number) => (pred > 0 ? `${got >= pred ? "+" : ""}${(((got - pred) / pred) * 100).toFixed(1)}%` : "");
  const lines: string[] = [];
  lines.push(`${r.dagName} at ${formatBytes(r.inputBytes)} — run ${r.runId}`);
  lines.push("");
  const width = Math.max(4, ...p.edges.map((e) => `${e.from} -> ${e.to}`.length)) + 2;
  lines.push(`  ${"edge".padEnd(width)}mode / split              receivers by mode (measured)`);
  for (const e of p.edges) {
    const split = e.split === undefined ? e.mode : Object.entries(e.split).map(([m, f]) => `${m} ${(f * 100).toFixed(0)}%`).join(" + ");
    const got = r.edges.find((x) => x.from === e.from && x.to === e.to)?.receiversByMode ?? {};
    lines.push(`  ${`${e.from} -> ${e.to}`.padEnd(width)}${split.padEnd(26)}${Object.entries(got).map(([m, n]) => `${m} ${n}`).join(", ")}`);
  }
  lines.push(`  admitted to the cache tier: ${p.admitted.length > 0 ? p.admitted.join(", ") : "none"}`);
  lines.push("");
  lines.push("                      predicted       measured");
  lines.push(`  makespan          ${fmtMs(p.predicted.makespanMs).padStart(11)}    ${fmtMs(r.makespanMs).padStart(11)}  ${pct(r.makespanMs, p.predicted.makespanMs)}`);
  for (const k of ["computeUsd", "objectStoreUsd", "cacheUsd", "totalUsd"] as const) {
    lines.push(`  ${k.padEnd(16)}  ${`$${p.predicted.cost[k].toPrecision(4)}`.padStart(11)}    ${`$${r.cost[k].toPrecision(4)}`.padStart(11)}  ${pct(r.cost[k], p.predicted.cost[k])}`);
  }
  lines.push("");
  lines.push("stage                 instances  predicted start–finish   measured start–finish   VMs");
  for (const c of r.comparison.stages) {
    const s = r.stages.find((x) => x.stageId === c.stageId);
    lines.push(`  ${c.stageId.padEnd(20)}${String(s?.instances ?? 0).padStart(9)}  ${`${fmtMs(c.predictedStartMs)}–${fmtMs(c.predictedFinishMs)}`.padEnd(23)}  ${`${fmtMs(c.measuredStartMs)}–${fmtMs(c.measuredFinishMs)}`.padEnd(22)}  ${(s?.vms ?? []).join(", ")}`);
  }
  lines.push("");
  const t = r.tiers;
  lines.push(`bytes: object store ${formatBytes(t.objectStore.written)} written / ${formatBytes(t.objectStore.read)} read (${t.objectStore.puts} PUT-class requests, ${t.objectStore.gets} GETs)`);
  lines.push(`       cache ${formatBytes(t.cache.written)} written / ${formatBytes(t.cache.read)} read; direct ${formatBytes(t.network.read)}; VM-local ${formatBytes(t.local.written)} written / ${formatBytes(t.local.read)} read`);
  lines.push(`result: ${r.result.keys.length} object(s), ${formatBytes(r.result.bytes)}, in bucket ${r.result.bucket}${r.result.keys.length > 0 ? ` (${r.result.keys[0]}${r.result.keys.length > 1 ? ", …" : ""})` : ""}`);
  lines.push(`cleanup: ${r.cleanup.objects} intermediate object(s) and ${r.cleanup.cacheKeys} cache key(s) deleted; queues removed${r.reruns > 0 ? `; ${r.reruns} instance re-run(s)` : ""}`);
  for (const n of r.notes) lines.push(`note: ${n}`);
  if (plotFile !== undefined) lines.push(`timeline written to ${plotFile}`);
  return lines.join("\n") + "\n";
}

function fmtMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "—";
  return ms >= 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}
