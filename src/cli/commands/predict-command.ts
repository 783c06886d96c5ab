/**
 * `sluice predict`: one function's runtime, peak memory, output size and fanout at an input size,
 * from trained profiles — the model `plan` uses and `train`'s table shows — each a median with an
 * interval, and a note for each target used beyond the sizes it was trained on.
 */
import { show, sluiceError, suggestionParams } from "../../errors.js";
import { loadBundledTrainedProfiles } from "../../profiles/bundled-trained.js";
import { loadProfiles } from "../../profiles/store/load-profiles.js";
import { predict, type Prediction } from "../../profiles/set/predict.js";
import type { ProfileSet } from "../../profiles/set/profile-set.js";
import type { Segment } from "../../profiles/types.js";
import { parseSizeBytes } from "../../units/size.js";
import { checkChoice, missingFlag, parseNumberFlag } from "../flags/cli-error.js";
import { parseCliArgs } from "../flags/parse-cli-args.js";
import { formatPrediction } from "../format/format-prediction.js";

export const PREDICT_HELP = `Usage: sluice predict --function F --input SIZE [--input SIZE …] [options]

Predicts a function's runtime, peak memory, output size and fanout at an input size from trained
profiles: the model plan() uses and "sluice train" prints. Each is a median with an interval from
the held-out residuals, wider beyond the sizes the function was trained on (a note says by how much).

Options:
  --function F        the function (as named in the traces)
  --input SIZE        one instance's input: bytes or e.g. "8 MiB", "1.5 GB" (repeatable)
  --profiles DIR      trained profiles (a folder written by "sluice train"); default: the bundled ones
  --memory MB         configured memory size, for runtimes trained at several settings
  --segment S         warm (default) | cold
  --level L           interval level in (0, 1) (default 0.9: the 5% to the 95% quantile)
  --stage-input SIZE  the stage's whole input, for fanout (default: --input)
  --format FMT        table (default) | json
  -h, --help          this help
`;

const FLAGS = {
  function: { type: "string" },
  input: { type: "string", multiple: true },
  profiles: { type: "string" },
  memory: { type: "string" },
  segment: { type: "string" },
  level: { type: "string" },
  "stage-input": { type: "string" },
  format: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** The set that knows `fn`: the one in `--profiles DIR`, else the first bundled set holding it; an unknown function names --function. */
async function profilesFor(dir: string | undefined, fn: string): Promise<ProfileSet> {
  const sets = dir !== undefined ? [await loadProfiles(dir)] : await loadBundledTrainedProfiles();
  const set = sets.find((s) => s.functionNames.includes(fn));
  if (set !== undefined) return set;
  const known = sets.flatMap((s) => s.functionNames);
  throw sluiceError("profiles.unknownFunction", { path: ["--function"], expected: `one of ${known.join(", ")}`, actual: show(fn), params: { suggestion: suggestionParams(fn, known).suggestion } });
}

export async function runPredictCommand(argv: string[]): Promise<number> {
  const { values } = parseCliArgs(argv, FLAGS);
  if (values.help) {
    process.stdout.write(PREDICT_HELP);
    return 0;
  }
  if (values.function === undefined) missingFlag("--function", "--function F, e.g. --function sort-map");
  if (values.input === undefined || values.input.length === 0) missingFlag("--input", '--input SIZE, e.g. --input "8 MiB"');
  const format = checkChoice("--format", values.format ?? "table", ["table", "json"] as const);
  const segment: Segment = checkChoice("--segment", values.segment ?? "warm", ["warm", "cold"] as const);
  const memoryMb = values.memory === undefined ? undefined : parseNumberFlag("--memory", values.memory);
  const level = values.level === undefined ? undefined : parseNumberFlag("--level", values.level);
  if (level !== undefined && !(level < 1)) throw sluiceError("cli.badFlagValue", { path: ["--level"], expected: "a number in (0, 1)", actual: show(values.level) });
  const inputs = values.input.map((raw) => parseSizeBytes(raw, "--input"));
  const stageInputBytes = values["stage-input"] === undefined ? undefined : parseSizeBytes(values["stage-input"], "--stage-input");
  const set = await profilesFor(values.profiles, values.function);
  if (set.segments !== undefined && !set.segments(values.function).includes(segment)) {
    throw sluiceError("cli.badFlagValue", { path: ["--segment"], expected: `a segment ${values.function} was traced in: ${set.segments(values.function).join(", ")}`, actual: show(segment) });
  }
  const predictions: Prediction[] = inputs.map((inputBytes) =>
    predict(set, values.function!, inputBytes, { segment, ...(memoryMb === undefined ? {} : { memoryMb }), ...(level === undefined ? {} : { level }), ...(stageInputBytes === undefined ? {} : { stageInputBytes }) }),
  );
  if (format === "json") process.stdout.write(JSON.stringify(predictions.length === 1 ? predictions[0] : predictions, null, 2) + "\n");
  else process.stdout.write(predictions.map((p) => formatPrediction(p, { segment, ...(memoryMb === undefined ? {} : { memoryMb }) })).join("\n"));
  return 0;
}
