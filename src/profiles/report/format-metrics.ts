/**
 * The metrics table the CLI prints: one row per function, segment and target with the model
 * `predict` uses (its formula), its error on the training rows, the held-out error when the largest
 * sizes are left out (extrapolation, what planning beyond the traces relies on), the k-fold error on
 * unseen sizes, the rows and sizes it learned from, and how the family was chosen. Then the targets
 * that could not be trained, with why.
 */
import { formatModel } from "./format-model.js";
import type { ProfileSetData, SegmentProfileData } from "../set/profile-set-data.js";
import { PROFILE_TARGETS } from "../types.js";

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
}

const pct = (v: number | null) => (v === null ? "–" : v.toFixed(2));

export function formatMetricsTable(data: ProfileSetData): string {
  const header = ["function", "segment", "target", "model (as predict uses it; x in bytes)", "fit MAPE %", "extrap. MAPE %", "k-fold MAPE %", "rows", "sizes", "chosen"];
  const rows: string[][] = [];
  const untrained: string[] = [];
  for (const name of Object.keys(data.functions).sort()) {
    const f = data.functions[name]!;
    const segments: [string, SegmentProfileData][] = [[f.segment, f], ...(f.cold === undefined ? [] : [["cold", f.cold] as [string, SegmentProfileData]])];
    for (const [segment, s] of segments) {
      for (const t of PROFILE_TARGETS) {
        const d = s.targets[t];
        if (d === undefined) {
          untrained.push(`${name} ${segment} ${t}: ${s.untrained[t] ?? "no rows"}`);
          continue;
        }
        rows.push([
          name,
          segment,
          t,
          `${d.model.family}: ${formatModel(d.model, d.memoryFactor)}`,
          pct(d.metrics.fitMapePercent),
          pct(d.metrics.extrapolationMapePercent),
          d.metrics.method === "k-fold" ? pct(d.metrics.kfoldMapePercent) : "in-sample",
          String(d.metrics.rows),
          String(d.metrics.distinctInputSizes),
          d.selection + (d.selectionNote === undefined ? "" : ` (${d.selectionNote})`),
        ]);
      }
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const table = [pad(header, widths), pad(widths.map((w) => "-".repeat(w)), widths), ...rows.map((r) => pad(r, widths))].join("\n") + "\n";
  return untrained.length === 0 ? table : table + `\nNot trained (no rows):\n${untrained.map((u) => `  ${u}`).join("\n")}\n`;
}
