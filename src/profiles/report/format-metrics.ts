/**
 * The metrics table the CLI prints: one row per function, segment and target with the model
 * `predict` uses (its formula), its error on the training rows, the held-out error when the largest
 * sizes are left out (extrapolation, what planning beyond the traces relies on), the k-fold error on
 * unseen sizes, the rows and sizes it learned from, and how the family was chosen. Then the targets
 * that could not be trained, with why: per function and segment, or in one line for a target no
 * function has (Azure's invocation trace has no memory: one line, not one per function).
 */
import { formatModel } from "./format-model.js";
import type { ProfileSetData, SegmentProfileData } from "../set/profile-set-data.js";
import { PROFILE_TARGETS, type ProfileTarget } from "../types.js";
import { countOf } from "../../util/count-of.js";

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
}

const pct = (v: number | null) => (v === null ? "–" : v.toFixed(2));

export function formatMetricsTable(data: ProfileSetData): string {
  const header = ["function", "segment", "target", "model (as predict uses it; x in bytes)", "fit MAPE %", "extrap. MAPE %", "k-fold MAPE %", "rows", "sizes", "chosen"];
  const rows: string[][] = [];
  const untrained: { readonly t: ProfileTarget; readonly line: string }[] = [];
  let segmentsSeen = 0;
  for (const name of Object.keys(data.functions).sort()) {
    const f = data.functions[name]!;
    const segments: [string, SegmentProfileData][] = [[f.segment, f], ...(f.cold === undefined ? [] : [["cold", f.cold] as [string, SegmentProfileData]])];
    for (const [segment, s] of segments) {
      segmentsSeen++;
      for (const t of PROFILE_TARGETS) {
        const d = s.targets[t];
        if (d === undefined) {
          untrained.push({ t, line: `${name} ${segment} ${t}: ${s.untrained[t] ?? "no rows"}` });
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
  if (untrained.length === 0) return table;
  // A target no function has (a trace without a memory column) is one line, not one per function.
  const functions = Object.keys(data.functions).length;
  const nowhere = new Set(PROFILE_TARGETS.filter((t) => functions > 1 && untrained.filter((u) => u.t === t).length === segmentsSeen));
  const lines = [...PROFILE_TARGETS.filter((t) => nowhere.has(t)).map((t) => `${t}: no row of any of the ${countOf(functions, "function")} has it`), ...untrained.filter((u) => !nowhere.has(u.t)).map((u) => u.line)];
  return table + `\nNot trained (no rows):\n${lines.map((l) => `  ${l}`).join("\n")}\n`;
}
