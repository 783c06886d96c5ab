/**
 * The metrics table the CLI prints: one row per function and target with the chosen family,
 * held-out MAPE and R², and how the family was chosen.
 */
import type { ProfileSetData } from "./profile-set-data.js";
import { PROFILE_TARGETS } from "./types.js";

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
}

export function formatMetricsTable(data: ProfileSetData): string {
  const header = ["function", "target", "model", "MAPE %", "R²", "rows", "validated", "chosen"];
  const rows: string[][] = [];
  for (const name of Object.keys(data.functions).sort()) {
    const f = data.functions[name]!;
    for (const t of PROFILE_TARGETS) {
      const d = f.targets[t];
      rows.push([
        name,
        t,
        d.model.family,
        d.metrics.mapePercent === null ? "–" : d.metrics.mapePercent.toFixed(2),
        d.metrics.r2 === null ? "–" : d.metrics.r2.toFixed(4),
        String(d.metrics.rows),
        d.metrics.method === "k-fold" ? `${d.metrics.folds}-fold` : "in-sample",
        d.selection,
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [pad(header, widths), pad(widths.map((w) => "-".repeat(w)), widths), ...rows.map((r) => pad(r, widths))].join("\n") + "\n";
}
