/** Renders a Plan as Graphviz DOT: edges coloured and labelled by mode, admitted stages marked. */
import type { Plan } from "../../plan/types.js";
import type { TransferMode } from "../../platform/schema.js";

export const MODE_COLOURS: Readonly<Record<TransferMode, string>> = {
  "vm-local": "#2ca02c",
  direct: "#1f77b4",
  remote: "#7f7f7f",
  cache: "#d62728",
};

const q = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

export function formatPlanDot(plan: Plan): string {
  const lines = [`digraph ${q(plan.dagName)} {`, "  rankdir=LR;", '  node [shape=box, style="rounded"];'];
  plan.placement.forEach((p, i) => {
    const s = plan.stages[i]!;
    const cached = plan.admitted.includes(p.stageId);
    const label = `${p.stageId}\\n${p.instances} × ${p.billedMemoryMb} MB, ${p.waves} wave(s)\\n${(s.finishMs / 1000).toFixed(2)} s${cached ? "\\n[cached]" : ""}`;
    lines.push(`  ${q(p.stageId)} [label=${q(label).replace(/\\\\n/g, "\\n")}${cached ? ', style="rounded,filled,bold", fillcolor="#fde0dd", color="#d62728"' : ""}];`);
  });
  for (const e of plan.edges) {
    const shares = e.split ?? { [e.mode]: 1 };
    const label = Object.entries(shares).map(([m, f]) => (f === 1 ? m : `${m} ${(f! * 100).toFixed(0)}%`)).join(" + ");
    const colour = Object.keys(shares).map((m) => MODE_COLOURS[m as TransferMode]).join(":");
    lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(label)}, color=${q(colour)}, fontcolor=${q(MODE_COLOURS[e.mode])}, penwidth=2];`);
  }
  lines.push("}");
  return lines.join("\n") + "\n";
}
