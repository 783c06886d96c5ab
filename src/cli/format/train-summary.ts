/**
 * What `sluice train` says about the rows it read: per file, rows kept, filtered and skipped (with
 * the first few skipped rows named by file, line and column); then per target, rows used and
 * skipped by reason — so a trace that lacks memory on some rows shows what trained on what.
 */
import { formatIssue } from "../../errors.js";
import type { ReadReport, TargetSummary } from "../../traces/read-report.js";
import { TARGET_FIELDS, type TargetField } from "../../traces/trace-record.js";

const reasons = (r: Readonly<Record<string, number>>) => Object.entries(r).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${n} ${k}`).join(", ");

export function describeFile(r: ReadReport): string {
  const skipped = Object.values(r.rowsSkipped).reduce((a, b) => a + b, 0);
  const parts = [`${r.file}: ${r.rowsKept} of ${r.rowsRead} rows kept`];
  if (r.rowsFiltered > 0) parts.push(`${r.rowsFiltered} filtered by --where`);
  if (skipped > 0) parts.push(`skipped ${skipped} (${reasons(r.rowsSkipped)})`);
  if (Object.keys(r.fieldsSkipped).length > 0) parts.push(`cells dropped: ${reasons(r.fieldsSkipped)}`);
  const lines = [parts.join(", "), `  columns: ${r.columns}`];
  for (const i of r.skipped.slice(0, 3)) lines.push(`  skipped ${formatIssue(i)}`);
  return lines.join("\n") + "\n";
}

export function describeTargets(targets: Readonly<Record<TargetField, TargetSummary>>): string {
  const rows = TARGET_FIELDS.map((t) => [t, String(targets[t].used), reasons(targets[t].skipped) || "–"]);
  const w0 = Math.max(6, ...rows.map((r) => r[0]!.length)), w1 = Math.max(4, ...rows.map((r) => r[1]!.length));
  const out = [`${"target".padEnd(w0)}  ${"used".padStart(w1)}  skipped`];
  for (const [t, used, why] of rows) out.push(`${t!.padEnd(w0)}  ${used!.padStart(w1)}  ${why}`);
  for (const t of TARGET_FIELDS) for (const e of targets[t].examples.slice(0, 2)) out.push(`  ${t}: ${formatIssue(e)}`);
  return out.join("\n") + "\n";
}
