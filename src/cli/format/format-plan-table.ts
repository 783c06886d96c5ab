/** Renders a Plan as a readable text table for the terminal. */
import { formatBytes } from "../../units/size.js";
import type { Plan } from "../../plan/types.js";

function pad(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd()).join("\n");
}

export function formatPlanTable(plan: Plan): string {
  const out: string[] = [];
  const limit = plan.budgetUsd !== null ? `, budget $${plan.budgetUsd}` : plan.deadlineMs !== null ? `, deadline ${plan.deadlineMs} ms` : "";
  out.push(`Plan for ${plan.dagName} at ${formatBytes(plan.inputBytes)} (objective: ${plan.objective}${limit})`);
  if (plan.status !== "ok") out.push(`!! ${plan.message ?? "no plan meets the limits"}`);
  const p = plan.predicted;
  out.push(
    `Predicted makespan ${(p.makespanMs / 1000).toFixed(3)} s, cost $${p.costUsd.toFixed(6)} (compute $${p.cost.computeUsd.toFixed(6)}, object store $${p.cost.objectStoreUsd.toFixed(6)}, cache $${p.cost.cacheUsd.toFixed(6)})`,
  );
  const gap = plan.solver.gap === null ? "n/a" : `${(plan.solver.gap * 100).toFixed(2)}%`;
  out.push(`Solver ${plan.solver.name} (${plan.solver.status}), gap to lower bound ${gap}`);
  for (const w of plan.warnings) out.push(`note: ${w}`);
  out.push("");
  const edgeRows = [["edge", "mode", "transfer", "why not the others"]];
  plan.edges.forEach((e, i) => {
    const ex = plan.explanations[i]!;
    const mode = e.split === undefined ? e.mode : Object.entries(e.split).map(([m, f]) => `${m} ${(f! * 100).toFixed(0)}%`).join(" + ");
    const chosen = ex.options.find((o) => o.verdict === "chosen");
    const lost = ex.options.filter((o) => o.verdict !== "chosen").map((o) => `${o.mode}: ${o.reason}`);
    edgeRows.push([`${e.from} -> ${e.to}`, mode, chosen?.reason.split(" for ")[0]?.replace("edge transfer ", "") ?? "", lost[0] ?? ""]);
    for (const l of lost.slice(1)) edgeRows.push(["", "", "", l]);
  });
  out.push(pad(edgeRows));
  out.push("");
  const stageRows = [["stage", "instances", "VMs", "waves", "memory", "start", "finish", "placement"]];
  plan.stages.forEach((s, i) => {
    const pl = plan.placement[i]!;
    stageRows.push([
      s.stageId,
      String(pl.instances),
      String(pl.vms),
      String(pl.waves),
      `${pl.billedMemoryMb} MB${pl.memoryMb !== undefined ? " (configured)" : ""}`,
      `${(s.startMs / 1000).toFixed(3)} s`,
      `${(s.finishMs / 1000).toFixed(3)} s`,
      (pl.colocatedWith !== undefined ? `on ${pl.colocatedWith}'s VMs` : "own VMs") + (plan.admitted.includes(s.stageId) ? ", output cached" : ""),
    ]);
  });
  out.push(pad(stageRows));
  if (plan.sizing !== undefined) {
    out.push("", `Sizing (${plan.sizing.evaluations} configurations scored): ${plan.sizing.searched}`);
    for (const s of plan.sizing.stages) if (s.instancesHow === "sized" || s.memoryHow === "sized" || s.instancesHow === "pattern") out.push(`  ${s.stageId}: ${s.reason}`);
  }
  return out.join("\n");
}
