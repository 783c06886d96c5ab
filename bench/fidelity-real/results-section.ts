/**
 * The "Real-bytes fidelity" section of bench/RESULTS.md from the benchmark's rows: predicted vs
 * measured makespan error (median, p90), how often Sluice's plan was the fastest policy or within
 * 5% of it, one table row per (app, size), the calibrated constants and the trained profiles.
 */
import { median } from "../../src/util/median.js";
import { formatBytes } from "../../src/units/size.js";
import { machineLine } from "../machine.js";
import { POLICIES, type Policy } from "./policy-plan.js";

export interface FidelityRow {
  readonly app: string;
  readonly size: number;
  readonly policy: Policy;
  readonly modes: string;
  readonly predictedMs: number;
  /** The median of the repeats, and their range. */
  readonly measuredMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** The policy whose identical plan was measured for this row (run once, counted for both). */
  readonly sameAs: Policy | undefined;
}

export interface SectionInput {
  readonly rows: readonly FidelityRow[];
  readonly apps: readonly string[];
  readonly sizes: readonly number[];
  readonly repeats: number;
  readonly nicBytesPerSecond: number;
  /** Plans used the bundled profiles instead of ones calibrated in this run. */
  readonly bundled: boolean;
  readonly calibrationSizes: readonly number[];
  readonly calibrationRepeats: number;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
  readonly benchSeconds: number;
  readonly command: string;
  readonly calibrationLines: readonly string[];
  readonly profileLines: readonly string[];
  /** Plans whose profiles were used beyond their trained input sizes, of all plans, and the largest factor. */
  readonly extrapolated: { readonly plans: number; readonly of: number; readonly maxFactor: number };
}

/** The nearest-rank q-quantile (the smallest value with at least q of the values at or below it). */
const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

export function fidelitySection(i: SectionInput): string {
  const errors = i.rows.map((r) => Math.abs(r.measuredMs - r.predictedMs) / r.measuredMs);
  const cases = i.apps.flatMap((app) => i.sizes.map((size) => i.rows.filter((r) => r.app === app && r.size === size)));
  let sluiceBestOrClose = 0;
  let sluiceIsBaseline = 0;
  let missesWithinSpread = 0;
  const caseLines = cases.map((rs) => {
    const fastest = rs.reduce((a, b) => (b.measuredMs < a.measuredMs ? b : a));
    const s = rs.find((r) => r.policy === "sluice")!;
    const twins = rs.filter((r) => r.sameAs === "sluice").map((r) => r.policy);
    if (twins.length > 0) sluiceIsBaseline++;
    const ratio = s.measuredMs / fastest.measuredMs;
    if (ratio <= 1.05) sluiceBestOrClose++;
    // A miss whose two ranges of repeats overlap is within the run-to-run spread.
    else if (s.minMs <= fastest.maxMs) missesWithinSpread++;
    const cell = (p: Policy) => {
      const r = rs.find((x) => x.policy === p)!;
      const spread = i.repeats > 1 ? ` (${(r.minMs / 1000).toFixed(2)}–${(r.maxMs / 1000).toFixed(2)})` : "";
      return `${(r.predictedMs / 1000).toFixed(2)} / ${(r.measuredMs / 1000).toFixed(2)}${spread}${r.sameAs === undefined ? "" : ` ≡ ${r.sameAs}`}`;
    };
    const fastestName = [fastest.sameAs ?? fastest.policy, ...rs.filter((r) => r.sameAs === (fastest.sameAs ?? fastest.policy)).map((r) => r.policy)].join(" ≡ ");
    return `| ${rs[0]!.app} | ${formatBytes(rs[0]!.size)} | ${s.modes}${twins.length > 0 ? ` (≡ ${twins.join(", ")})` : ""} | ${POLICIES.map(cell).join(" | ")} | ${fastestName} | ${ratio.toFixed(3)} |`;
  });
  const profilesText = i.bundled
    ? "plans use it with the bundled trained profiles (measured by `npm run traces` at another time, one invocation at a time)"
    : `plans use it with stage profiles trained on this machine, in this run: after one untimed warm-up run, each app ran ${i.calibrationRepeats === 1 ? "once" : `${i.calibrationRepeats} times`} at each calibration size (${i.calibrationSizes.map((b) => formatBytes(b)).join(", ")} — none of them a measured size) with Sluice's plan under the bundled profiles; every instance of those runs gave one trace row (the function's own wall time, input and output bytes, memory, fanout), and the project's trainer (\`trainProfiles\`, model auto) fitted the profiles below from them, as \`sluice run --traces\` → \`sluice train\` does. The app's invocation constants come from its runs too (src/calibrate/fit-invocation.ts): invocation.coldStartMs from the cold instances (a worker thread's first call of a function) of the warm-up and calibration runs, coldFraction, stepMs (inputs ready — the last producer instance finished — → the stage's first instance started: the job engine's completion notice, the next stage's release and its dispatch) and pickupMs (an instance queued for its VM's slot: its start − that VM's previous finish) from the calibration runs; for that app's plans they replace the defaults and the dispatch probe's stepMs and pickupMs. The object store's aggregate bandwidth (objectStore.aggregateBytesPerSecond, concurrent large GETs and PUTs against the s3rver) is shared by every GET and PUT in flight, in the planner and the simulator alike`;
  return [
    machineLine(i.command),
    "",
    `Real bytes: a redis-server and an s3rver on loopback, two worker processes as two VMs of one slot each (BullMQ, one queue per VM), each VM's NIC shaped to ${(i.nicBytesPerSecond / 1e6).toFixed(0)} MB/s per direction by token buckets. The platform is calibrated first from these backends (below); ${profilesText}. Each app runs once untimed to warm the workers, then every (size, distinct plan) ${i.repeats === 1 ? "once" : `${i.repeats} times, the plans of a case taking turns (median and range)`}; the input is the app's own generator at that size, seed 1. Makespan from the first stage's dispatch to the last result written. The machine was shared with other jobs: load average ${i.loadBefore.map((l) => l.toFixed(1)).join(", ")} (1, 5, 15 min) at the start and ${i.loadAfter.map((l) => l.toFixed(1)).join(", ")} at the end, on 2 cores. Total bench time ${i.benchSeconds.toFixed(0)} s.`,
    "",
    `**Predicted vs measured makespan** over ${i.rows.length} runs: median |error| ${(median(errors) * 100).toFixed(1)}% (target ≤ 15%), p90 ${(quantile(errors, 0.9) * 100).toFixed(1)}% (target ≤ 30%); |error| = |measured − predicted| / measured. **Sluice's plan** was the fastest measured policy or within 5% of it in ${sluiceBestOrClose} of ${cases.length} cases (target ≥ 80%); in ${sluiceIsBaseline} of the ${cases.length} cases it was decision for decision the plan of a baseline (marked ≡: run once, the one measurement counted for both rows), and ${missesWithinSpread} of the ${cases.length - sluiceBestOrClose} misses lie within the run-to-run spread (Sluice's fastest repeat at or below the fastest policy's slowest).`,
    "",
    `Cells: predicted / measured makespan in seconds, the measured one the median of ${i.repeats} repeats with their range (min–max); ≡ P: the same plan as policy P, measured once. Modes of Sluice's plan: L vm-local, D direct, R remote, C cache (percentages for a split), [admitted stages]. all-vm-local uses direct where vm-local does not fit; all-cache uses remote where the tier cannot hold an output.`,
    "",
    `| app | input | Sluice's modes | ${POLICIES.join(" | ")} | fastest (measured) | Sluice / fastest |`,
    `|---|---|---|${POLICIES.map(() => "---:").join("|")}|---|---:|`,
    ...caseLines,
    "",
    `Profiles beyond their trained input sizes: ${i.extrapolated.plans} of ${i.extrapolated.of} plans carried the planner's extrapolation warning${i.extrapolated.plans > 0 ? ` (at most ${i.extrapolated.maxFactor.toFixed(1)}× beyond)` : ""}.`,
    "",
    "Calibrated constants (fit errors are relative standard errors of the fit):",
    "",
    "| constant | value | fit error | from |",
    "|---|---:|---:|---|",
    ...i.calibrationLines,
    ...(i.profileLines.length === 0
      ? []
      : ["", "Profiles trained from the calibration runs (runtime model as the planner uses it; fit and k-fold MAPE of the trainer's held-out check):", "", "| app | function | rows | input bytes traced | runtime model | fit MAPE | k-fold MAPE |", "|---|---|---:|---|---|---:|---:|", ...i.profileLines]),
  ].join("\n");
}

/** A calibrated constant in its unit: MB/s, ms, /s. */
export function formatConstant(path: string, v: number): string {
  if (path.endsWith("BytesPerSecond")) return `${(v / 1e6).toFixed(1)} MB/s`;
  if (path.endsWith("Ms")) return `${v.toFixed(2)} ms`;
  if (path.endsWith("PerSecond")) return `${v.toFixed(0)} /s`;
  return String(v);
}
