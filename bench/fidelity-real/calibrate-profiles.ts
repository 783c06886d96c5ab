/**
 * Stage profiles calibrated on this machine: the app runs at the calibration sizes (Sluice's plan
 * under the bundled profiles), every instance gives one trace row, and the project's trainer fits
 * the profiles from them, as `sluice run --traces` → `sluice train` does. Returns the set, its rows
 * for bench/RESULTS.md, and the runs' reports (the invocation constants are fitted from them).
 */
import type { ExecuteOptions } from "../../src/execute/execute-options.js";
import { execute } from "../../src/execute/execute.js";
import type { RunReport } from "../../src/execute/report/run-report-types.js";
import { runTraceRows } from "../../src/execute/report/trace-rows.js";
import { plan } from "../../src/plan/plan.js";
import type { PlatformOverrides } from "../../src/platform/schema.js";
import { formatModel } from "../../src/profiles/report/format-model.js";
import type { ProfileSet } from "../../src/profiles/set/profile-set.js";
import { trainProfiles } from "../../src/profiles/train/train-profiles.js";
import { formatBytes } from "../../src/units/size.js";
import type { TraceRow } from "../../src/workloads/trace-row.js";

export type TraceDag = Parameters<typeof runTraceRows>[0];

export interface CalibrationRuns {
  readonly sizes: readonly number[];
  readonly repeats: number;
  readonly nicBytesPerSecond: number;
}

/** Runs the app at the calibration sizes, collects one trace row per instance and trains profiles from them. */
export async function calibrateProfiles(app: string, dag: unknown, platform: PlatformOverrides, backends: ExecuteOptions["backends"], runs: CalibrationRuns): Promise<{ set: ProfileSet; lines: string[]; reports: RunReport[] }> {
  const rows: TraceRow[] = [];
  const reports: RunReport[] = [];
  for (const size of runs.sizes.flatMap((s) => Array<number>(runs.repeats).fill(s))) {
    const report = await execute(dag, await plan(dag, size, { platform }), { backends, platform, shapeNic: runs.nicBytesPerSecond, keepResult: false });
    rows.push(...runTraceRows(dag as TraceDag, report));
    reports.push(report);
    process.stderr.write(`${app} calibration run at ${formatBytes(size)}: ${report.instances.length} instances, ${(report.makespanMs / 1000).toFixed(2)} s\n`);
  }
  const set = await trainProfiles(rows.map(({ memorySettingMb: _m, ...r }) => r));
  const lines = set.functionNames.slice().sort().map((fn) => {
    const d = set.data.functions[fn]!;
    const t = d.targets.runtimeMs;
    const pct = (v: number | null | undefined) => (v === null || v === undefined ? "–" : `${v.toFixed(1)}%`);
    const kFold = t?.metrics.method === "k-fold" ? pct(t.metrics.kfoldMapePercent) : "in-sample";
    return `| ${app} | ${fn} | ${d.rows} | ${formatBytes(d.inputBytesMin)} – ${formatBytes(d.inputBytesMax)} | ${t === undefined ? "untrained" : `${t.model.family}: ${formatModel(t.model, t.memoryFactor)}`} | ${pct(t?.metrics.fitMapePercent)} | ${kFold} |`;
  });
  return { set, lines, reports };
}
