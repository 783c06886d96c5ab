/**
 * What `sluice train` says about the rows it read: per file, rows kept, filtered and skipped (with
 * the first few skipped rows named by file, line and column); then per target, rows used and
 * skipped by reason — so a trace that lacks memory on some rows shows what trained on what; and
 * for a dry run, per function, its rows, cold starts, distinct input sizes and memory settings.
 */
import { formatIssue } from "../../errors.js";
import type { ReadReport, TargetSummary } from "../../traces/read-report.js";
import type { TraceTable } from "../../traces/trace-table.js";
import { TARGET_FIELDS, type TargetField } from "../../traces/trace-record.js";
import { countOf } from "../../util/count-of.js";

const reasons = (r: Readonly<Record<string, number>>) => Object.entries(r).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${n} ${k}`).join(", ");

/** One file's summary; its columns and hints only when they differ from `previous`'s (else "as above"). */
export function describeFile(r: ReadReport, previous?: ReadReport): string {
  const skipped = Object.values(r.rowsSkipped).reduce((a, b) => a + b, 0);
  const parts = [`${r.file}: ${r.rowsKept} of ${countOf(r.rowsRead, "row")} kept`];
  if (r.rowsFiltered > 0) parts.push(`${r.rowsFiltered} filtered by --where`);
  if (skipped > 0) parts.push(`skipped ${skipped} (${reasons(r.rowsSkipped)})`);
  if (Object.keys(r.fieldsSkipped).length > 0) parts.push(`cells dropped: ${reasons(r.fieldsSkipped)}`);
  const same = previous !== undefined && previous.columns === r.columns && (previous.hints ?? []).join("\n") === (r.hints ?? []).join("\n");
  const lines = [parts.join(", "), ...(same ? ["  columns: as above"] : [`  columns: ${r.columns}`, ...(r.hints ?? []).map((h) => `  hint: ${h}`)])];
  for (const i of r.skipped.slice(0, 3)) lines.push(`  skipped ${formatIssue(i)}`);
  return lines.join("\n") + "\n";
}

/** Files shown in full before the rest are summed in one line (a folder may hold thousands). */
const FILES_IN_FULL = 5;

/** Every file's summary, or for many files the first few and one line for the rest: rows kept and skipped, and whether their columns were mapped the same way. */
export function describeFiles(reports: readonly ReadReport[]): string {
  const each = (r: ReadReport, i: number) => describeFile(r, i === 0 ? undefined : reports[i - 1]);
  if (reports.length <= FILES_IN_FULL + 1) return reports.map(each).join("");
  const rest = reports.slice(FILES_IN_FULL);
  const sum = (f: (r: ReadReport) => number) => rest.reduce((n, r) => n + f(r), 0);
  const skipped: Record<string, number> = {};
  for (const r of rest) for (const [k, n] of Object.entries(r.rowsSkipped)) skipped[k] = (skipped[k] ?? 0) + n;
  const skippedRows = Object.values(skipped).reduce((a, b) => a + b, 0);
  const parts = [`… and ${rest.length} more files: ${sum((r) => r.rowsKept)} of ${countOf(sum((r) => r.rowsRead), "row")} kept`];
  const filtered = sum((r) => r.rowsFiltered);
  if (filtered > 0) parts.push(`${filtered} filtered by --where`);
  if (skippedRows > 0) parts.push(`skipped ${skippedRows} (${reasons(skipped)})`);
  const mappings = new Set(reports.map((r) => r.columns));
  const columns = mappings.size === 1 ? "  columns: as above" : `  columns: ${mappings.size} different mappings over the ${reports.length} files (their headers differ)`;
  return reports.slice(0, FILES_IN_FULL).map(each).join("") + parts.join(", ") + "\n" + columns + "\n";
}

export function describeTargets(targets: Readonly<Record<TargetField, TargetSummary>>): string {
  const rows = TARGET_FIELDS.map((t) => [t, String(targets[t].used), reasons(targets[t].skipped) || "–"]);
  const w0 = Math.max(6, ...rows.map((r) => r[0]!.length)), w1 = Math.max(4, ...rows.map((r) => r[1]!.length));
  const out = [`${"target".padEnd(w0)}  ${"used".padStart(w1)}  skipped`];
  for (const [t, used, why] of rows) out.push(`${t!.padEnd(w0)}  ${used!.padStart(w1)}  ${why}`);
  for (const t of TARGET_FIELDS) for (const e of targets[t].examples.slice(0, 2)) out.push(`  ${t}: ${formatIssue(e)}`);
  return out.join("\n") + "\n";
}

const mb = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toPrecision(3)} MB` : bytes >= 1e3 ? `${(bytes / 1e3).toPrecision(3)} kB` : `${bytes} B`);

/** Per function: rows, cold starts, distinct input sizes and their range, memory settings — what training would see. */
export function describeFunctions(table: TraceTable): string {
  const rows = [...table.functions.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((f) => {
    const c = f.columns;
    const sizes = new Set<number>(), settings = new Set<number>();
    let cold = 0, lo = Infinity, hi = -Infinity;
    for (let i = 0; i < c.inputBytes.length; i++) {
      const x = c.inputBytes.get(i);
      sizes.add(x);
      if (x < lo) lo = x;
      if (x > hi) hi = x;
      if (c.cold.get(i) === 1) cold++;
      const m = c.memorySettingMb.get(i);
      if (!Number.isNaN(m)) settings.add(m);
    }
    const memory = settings.size === 0 ? "–" : `${[...settings].sort((a, b) => a - b).slice(0, 6).join(", ")}${settings.size > 6 ? ", …" : ""} MB`;
    return [f.name, String(c.inputBytes.length), String(cold), String(sizes.size), c.inputBytes.length === 0 ? "–" : `${mb(lo)} – ${mb(hi)}`, memory];
  });
  const head = ["function", "rows", "cold", "sizes", "input range", "memory settings"];
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const line = (r: readonly string[]) => r.map((v, j) => (j >= 1 && j <= 3 ? v.padStart(widths[j]!) : v.padEnd(widths[j]!))).join("  ").trimEnd();
  return [line(head), ...rows.map(line)].join("\n") + "\n";
}
