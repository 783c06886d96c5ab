/**
 * `sluice calibrate`: measures the backends (or fits a benchmark CSV) and writes a platform JSON
 * for `sluice plan --platform` and `sluice simulate --platform`, printing each fitted constant with
 * its fit error.
 */
import type { CalibrateOptions } from "../../calibrate/calibrate.js";
import { show, sluiceError } from "../../errors.js";
import { parseSizeBytes } from "../../units/size.js";
import { BACKEND_FLAGS, BACKEND_FLAGS_HELP, backendsFromFlags } from "../flags/backend-flags.js";
import { checkChoice, parseNumberFlag } from "../flags/cli-error.js";
import { checkOutputTarget, writeOutputFile } from "../io/output-target.js";
import { parseCliArgs } from "../flags/parse-cli-args.js";
import { readInputText } from "../io/read-input.js";

export const CALIBRATE_HELP = `Usage: sluice calibrate [options]

Measures the object store (GET/PUT latency and per-connection bandwidth by object size, request
rates, aggregate bandwidth under concurrent GETs and PUTs), the cache tier (latency, bandwidth,
aggregate), a VM's network path (direct HTTP pulls through the NIC token buckets) and local
storage, and the BullMQ step between stages and a worker slot's pickup of its next job; fits the
platform's constants, prints each with its fit error, and writes a platform JSON that
\`sluice plan --platform\` and \`sluice simulate --platform\` take.

Options:
${BACKEND_FLAGS_HELP}
  --from-csv FILE     fit these samples instead of measuring (columns backend, operation,
                      object_bytes, concurrency, requests, duration_ms; see --samples-out)
  --samples-out FILE  write the measured samples as that CSV
  --out FILE          write the platform JSON here (default: only print)
  --fit-out FILE      write the fitted constants and their errors as JSON
  --vms N             VMs (worker processes) the runs will use (default 2)
  --slots N           instances per VM at once (default 1)
  --nic RATE          measure the network path through NIC buckets shaped to RATE bytes/s
  --sizes LIST        object sizes, e.g. 1KiB,1MiB,16MiB (default 1 KiB … 16 MiB)
  --repeats N         repeats per size (default 3)
  --format FMT        table (default) | json
  -h, --help          this help
`;

const FLAGS = {
  ...BACKEND_FLAGS,
  "from-csv": { type: "string" },
  "samples-out": { type: "string" },
  out: { type: "string" },
  "fit-out": { type: "string" },
  vms: { type: "string" },
  slots: { type: "string" },
  nic: { type: "string" },
  sizes: { type: "string" },
  repeats: { type: "string" },
  format: { type: "string", default: "table" },
  help: { type: "boolean", short: "h" },
} as const;

export async function runCalibrateCommand(argv: string[]): Promise<number> {
  const { values } = parseCliArgs(argv, FLAGS);
  if (values.help) {
    process.stdout.write(CALIBRATE_HELP);
    return 0;
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const format = checkChoice("--format", values.format ?? "table", ["table", "json"] as const);
  for (const [flag, file] of [["--out", values.out], ["--fit-out", values["fit-out"]], ["--samples-out", values["samples-out"]]] as const) if (file !== undefined) await checkOutputTarget(file, flag, "file");
  const { calibrate } = await import("../../calibrate/calibrate.js");
  const { formatSamplesCsv, parseSamplesCsv } = await import("../../calibrate/sample.js");
  let sizesBytes: number[] | undefined;
  if (values.sizes !== undefined) {
    sizesBytes = values.sizes.split(",").map((s) => parseSizeBytes(s.trim(), "--sizes"));
    if (sizesBytes.length < 2) throw sluiceError("cli.badFlagValue", { path: ["--sizes"], expected: "at least two sizes", actual: show(values.sizes) });
  }
  const backends = values["from-csv"] === undefined ? await backendsFromFlags(values) : undefined;
  try {
    const options: CalibrateOptions = {
      ...(backends !== undefined ? { backends: backends.config } : {}),
      ...(values["from-csv"] !== undefined ? { samples: parseSamplesCsv(await readInputText(values["from-csv"], "--from-csv"), values["from-csv"]) } : {}),
      ...(sizesBytes !== undefined ? { sizesBytes } : {}),
      ...(values.repeats !== undefined ? { repeats: Math.round(parseNumberFlag("--repeats", values.repeats)) } : {}),
      ...(values.vms !== undefined ? { vms: Math.round(parseNumberFlag("--vms", values.vms)) } : {}),
      ...(values.slots !== undefined ? { slotsPerVm: Math.round(parseNumberFlag("--slots", values.slots)) } : {}),
      ...(values.nic !== undefined ? { nicBytesPerSecond: parseNumberFlag("--nic", values.nic) } : {}),
    };
    const result = await calibrate(options);
    if (values.out !== undefined) await writeOutputFile(values.out, JSON.stringify(result.platform, null, 2) + "\n", "--out");
    if (values["fit-out"] !== undefined) await writeOutputFile(values["fit-out"], JSON.stringify(result.constants, null, 2) + "\n", "--fit-out");
    if (values["samples-out"] !== undefined) await writeOutputFile(values["samples-out"], formatSamplesCsv(result.samples), "--samples-out");
    if (format === "json") process.stdout.write(JSON.stringify({ platform: result.platform, constants: result.constants }, null, 2) + "\n");
    else {
      const lines = ["constant                                  value           fit error   from", ...result.constants.map((c) => `  ${c.path.padEnd(38)}  ${formatValue(c.path, c.value).padStart(14)}  ${fmtErr(c.relativeError).padStart(9)}   ${c.method} (${c.samples} samples)`)];
      if (values.out !== undefined) lines.push(`platform written to ${values.out}`);
      process.stdout.write(lines.join("\n") + "\n");
    }
    return 0;
  } finally {
    await backends?.stop();
  }
}

function formatValue(path: string, v: number): string {
  if (path.endsWith("BytesPerSecond")) return `${(v / 1e6).toFixed(1)} MB/s`;
  if (path.endsWith("Ms")) return `${v.toFixed(2)} ms`;
  if (path.endsWith("PerSecond")) return `${v.toFixed(0)} /s`;
  return String(v);
}

function fmtErr(e: number): string {
  return Number.isFinite(e) ? `±${(e * 100).toFixed(1)}%` : "n/a";
}
