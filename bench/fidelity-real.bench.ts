/**
 * `npm run bench:fidelity:real`: real bytes on this machine. Starts a redis-server, an s3rver and
 * two worker processes (two VMs of one slot each, NICs shaped by token buckets), calibrates the
 * platform from those backends and each app's stage profiles from real runs of the app at
 * calibration sizes other than the measured ones (trace rows of every instance → the project's
 * trainer, as `sluice run --traces` → `sluice train` does), then runs three apps × three input sizes × five policies
 * — Sluice's plan, all-vm-local (direct where vm-local does not fit), all-direct, all-remote,
 * all-cache — and compares each run's measured makespan with the makespan its plan predicted, and
 * the policies with each other. A baseline whose plan is decision for decision Sluice's (the same
 * runDecisionsKey) is run once and its measurement counted for both rows, marked ≡. Writes the "Real-bytes fidelity" section of bench/RESULTS.md.
 *
 * Options: --sizes 4MiB,16MiB,64MiB  --calibration-sizes 2MiB,6MiB,24MiB,96MiB  --calibration-repeats 2  --profiles bundled (plan
 *          with the bundled trained profiles instead: the figures before this calibration step)
 *          --apps wordcount,query-pipeline,kmeans  --nic 100000000 (B/s)
 *          --repeats 3 (runs per case, the policies of a case taking turns so load bursts hit them
 *          alike; the median is kept)  --quiet-below 1.5 (first wait, at most 20 min, until the
 *          1-minute load average is below this)  --no-write (print only)  --detail (print each run's
 *          stages, predicted vs measured, and each stage's mean runtime against its profile)
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { calibrate } from "../src/calibrate/calibrate.js";
import { fitInvocation } from "../src/calibrate/fit-invocation.js";
import { execute } from "../src/execute/execute.js";
import { runDecisionsKey } from "../src/execute/routing/run-decisions.js";
import { startLocalCluster } from "../src/execute/worker/local-cluster.js";
import { plan } from "../src/plan/plan.js";
import type { PlatformOverrides } from "../src/platform/schema.js";
import { startRealBackends } from "../test/support/real-backends.js";
import { formatBytes, parseSizeBytes } from "../src/units/size.js";
import { median } from "../src/util/median.js";
import { calibrateProfiles, type TraceDag } from "./fidelity-real/calibrate-profiles.js";
import { dagOf, modesOf, POLICIES, policyPlan } from "./fidelity-real/policy-plan.js";
import { fidelitySection, formatConstant, type FidelityRow } from "./fidelity-real/results-section.js";
import { stageDetail } from "./fidelity-real/stage-detail.js";
import { waitForQuiet } from "./fidelity-real/wait-for-quiet.js";
import { writeResultsSection } from "./write-section.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const { values } = parseArgs({ options: { sizes: { type: "string" }, "calibration-sizes": { type: "string" }, "calibration-repeats": { type: "string" }, profiles: { type: "string" }, apps: { type: "string" }, nic: { type: "string" }, repeats: { type: "string" }, "quiet-below": { type: "string" }, "no-write": { type: "boolean" }, detail: { type: "boolean" } } });
const sizesOf = (text: string, flag: string) => text.split(",").map((s) => parseSizeBytes(s.replace(/(\d)([KMG]iB)/, "$1 $2"), flag));
const SIZES = sizesOf(values.sizes ?? "4MiB,16MiB,64MiB", "--sizes");
// The training runs span the measured sizes (4–64 MiB) from half the smallest to 1.5× the largest, none of them a measured size,
// so that the profiles interpolate: trained only up to 32 MiB, the k-means profile extrapolated 2–8× at 64 MiB and over-predicted it 1.9×.
const CALIBRATION_SIZES = sizesOf(values["calibration-sizes"] ?? "2MiB,6MiB,24MiB,96MiB", "--calibration-sizes");
const CALIBRATION_REPEATS = Number(values["calibration-repeats"] ?? 2);
const BUNDLED = values.profiles === "bundled";
const APPS = (values.apps ?? "wordcount,query-pipeline,kmeans").split(",");
const NIC = Number(values.nic ?? 100e6);
const REPEATS = Number(values.repeats ?? 3);
async function main(): Promise<void> {
  if (values["quiet-below"] !== undefined) await waitForQuiet(Number(values["quiet-below"]));
  const started = Date.now();
  const loadBefore = os.loadavg();
  const real = await startRealBackends();
  if (!real.ok) throw new Error(real.reason);
  const backends = real.value;
  const cluster = await startLocalCluster({ redisUrl: backends.redis.url, count: 2, slots: 1, prefix: "bench-" });
  const rows: FidelityRow[] = [];
  let calibrationLines: string[] = [];
  const profileLines: string[] = [];
  // Plans whose profiles were used beyond their trained input sizes (the planner's own warnings), and the largest factor.
  const extrapolated: { plans: number; of: number; maxFactor: number } = { plans: 0, of: 0, maxFactor: 1 };
  try {
    process.stderr.write("calibrating…\n");
    const cal = await calibrate({ backends: backends.backends, nicBytesPerSecond: NIC, vms: 2, slotsPerVm: 1 });
    // A constant the platform schema has no field for (yet) is measured and listed, but plans cannot use it.
    const used = (path: string) => {
      const [section, field] = path.split(".") as [string, string];
      return (cal.platform as unknown as Record<string, Record<string, unknown> | undefined>)[section]?.[field] !== undefined;
    };
    calibrationLines = cal.constants.map((c) => `| ${c.path} | ${formatConstant(c.path, c.value)} | ${Number.isFinite(c.relativeError) ? `±${(c.relativeError * 100).toFixed(1)}%` : "n/a"} | ${c.method}${used(c.path) ? "" : " — not a field of this platform schema: not used by the plans"} |`);
    const basePlatform = cal.platform as unknown as PlatformOverrides;
    for (const app of APPS) {
      const dag = dagOf(app);
      // One untimed run warms the workers' threads (module load, JIT), as the trace collector warms before measuring.
      const warmUp = await execute(dag, await plan(dag, Math.min(...SIZES), { platform: basePlatform }), { backends: backends.backends, platform: basePlatform, shapeNic: NIC, keepResult: false });
      const profiles = BUNDLED ? undefined : await calibrateProfiles(app, dag, basePlatform, backends.backends, { sizes: CALIBRATION_SIZES, repeats: CALIBRATION_REPEATS, nicBytesPerSecond: NIC });
      if (profiles !== undefined) profileLines.push(...profiles.lines);
      // Cold start from the warm-up's cold instances; cold share and stage step from the calibration runs (the steady state the measured runs are in).
      const invocation = profiles === undefined ? [] : fitInvocation({ warmUp: [warmUp], steady: profiles.reports });
      const platform = invocation.length === 0 ? basePlatform : ({ ...basePlatform, invocation: { ...(basePlatform.invocation as object), ...Object.fromEntries(invocation.map((c) => [c.path.split(".")[1]!, c.value])) } } as PlatformOverrides);
      calibrationLines.push(...invocation.map((c) => `| ${c.path} (${app}) | ${c.path.endsWith("Fraction") ? c.value.toFixed(3) : formatConstant(c.path, c.value)} | ${Number.isFinite(c.relativeError) ? `±${(c.relativeError * 100).toFixed(1)}%` : "n/a"} | ${c.method} |`));
      for (const size of SIZES) {
        const plans = await Promise.all(POLICIES.map((policy) => policyPlan(policy, dag, size, platform, profiles?.set)));
        for (const [k, p] of plans.entries()) {
          const beyond = p.warnings.filter((w) => w.includes("extrapolat"));
          extrapolated.of++;
          if (beyond.length === 0) continue;
          extrapolated.plans++;
          for (const w of beyond) extrapolated.maxFactor = Math.max(extrapolated.maxFactor, Number(/extrapolated ([\d.]+)×/.exec(w)?.[1] ?? 1));
          process.stderr.write(`${app} ${formatBytes(size)} ${POLICIES[k]}: ${beyond.join("; ")}\n`);
        }
        // Plans that run decision for decision the same way are measured once and counted for each policy that chose them.
        const keys = plans.map((p) => runDecisionsKey(p));
        const runs = [...new Set(keys)];
        const measured: number[][] = runs.map(() => []);
        for (let r = 0; r < REPEATS; r++) {
          for (const [k, key] of runs.entries()) {
            const report = await execute(dag, plans[keys.indexOf(key)]!, { backends: backends.backends, platform, shapeNic: NIC, keepResult: false });
            measured[k]!.push(report.makespanMs);
            if (values.detail) process.stderr.write(stageDetail(report, dag as TraceDag, profiles?.set));
          }
        }
        POLICIES.forEach((policy, k) => {
          const p = plans[k]!;
          const ms = measured[runs.indexOf(keys[k]!)]!;
          const first = POLICIES[keys.indexOf(keys[k]!)]!;
          const row = { app, size, policy, modes: modesOf(p), predictedMs: p.predicted.makespanMs, measuredMs: median(ms), minMs: Math.min(...ms), maxMs: Math.max(...ms), sameAs: first === policy ? undefined : first };
          rows.push(row);
          process.stderr.write(`${app} ${formatBytes(size)} ${policy} (${row.modes}): predicted ${row.predictedMs.toFixed(0)} ms, measured ${row.measuredMs.toFixed(0)} ms (${ms.map((m) => m.toFixed(0)).join(", ")})${row.sameAs === undefined ? "" : ` — the same plan as ${row.sameAs}, one measurement`}\n`);
        });
      }
    }
  } finally {
    await cluster.stop();
    await backends.stop();
  }
  const loadAfter = os.loadavg();
  const body = fidelitySection({
    rows,
    apps: APPS,
    sizes: SIZES,
    repeats: REPEATS,
    nicBytesPerSecond: NIC,
    bundled: BUNDLED,
    calibrationSizes: CALIBRATION_SIZES,
    calibrationRepeats: CALIBRATION_REPEATS,
    loadBefore,
    loadAfter,
    benchSeconds: (Date.now() - started) / 1000,
    command: `npm run bench:fidelity:real${process.argv.length > 2 ? " -- " + process.argv.slice(2).join(" ") : ""}`,
    calibrationLines,
    profileLines,
    extrapolated,
  });
  process.stdout.write(body + "\n");
  if (!values["no-write"]) writeResultsSection("Real-bytes fidelity", body);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
