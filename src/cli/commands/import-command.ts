/**
 * `sluice import --from FORMAT FILE`: reads a workflow (ASL, SeBS-Flow, Serverless Workflow) as a
 * Sluice DAG. The DAG goes to stdout or `--out`, the import report to stderr (text) or `--report`
 * (JSON). Nothing is written unless the whole import succeeds.
 */
import type { ImportHints } from "../../interop/hints.js";
import { DEFAULT_FANOUT, DEFAULT_REPEAT } from "../../interop/hints.js";
import { IMPORT_FORMATS, formatImportReport, type ImportFormat } from "../../interop/import-report.js";
import { importWorkflow } from "../../interop/import-workflow.js";
import { show, sluiceError } from "../../errors.js";
import { checkChoice, missingFlag, parseNumberFlag } from "../flags/cli-error.js";
import { parseCountFlags } from "../flags/count-flags.js";
import { checkOutputTarget, writeOutputFile } from "../io/output-target.js";
import { parseCliArgs } from "../flags/parse-cli-args.js";
import { readInputText } from "../io/read-input.js";

export const IMPORT_HELP = `Usage: sluice import --from FORMAT FILE [options]

Reads a workflow definition as a Sluice DAG, with a report of what was mapped, dropped and defaulted.

Formats:
  asl                   AWS Step Functions (Amazon States Language), JSON or YAML; also the
                        output of describe-state-machine
  sebs-flow             SeBS-Flow definition.json (task, map, loop, parallel, repeat, switch)
  serverless-workflow   CNCF Serverless Workflow DSL 1.0.x, YAML or JSON

Options:
  --from FORMAT         one of ${IMPORT_FORMATS.join(", ")} (required)
  --out FILE            write the DAG here (default: stdout)
  --report FILE         write the import report here as JSON (default: text on stderr)
  --name NAME           the DAG's name (default: the document's, else the file's)
  --fanout STATE=N      instances of a Map or parallel for-each (repeatable; overrides MaxConcurrency)
  --repeat STATE=N      runs of a loop, named by any state on it (repeatable)
  --default-fanout N    instances of a Map with no MaxConcurrency or hint (default ${DEFAULT_FANOUT})
  --default-repeat N    runs of a loop with no hint (default ${DEFAULT_REPEAT})
  -q, --quiet           no report on stderr
  -h, --help            this help

Stages whose functions have no profile plan with a fallback:
  sluice plan --dag DAG.json --input SIZE --fallback-profile default

Exit codes: 0 imported; 65 bad input (malformed file, unknown state type, missing state, a cycle
that is not a loop through a Choice — each named with its JSON path and an SLU85xx code);
64 bad arguments; 66 the file cannot be read; 74 an output cannot be written.
`;

export async function runImportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(
    argv,
    {
      from: { type: "string" },
      out: { type: "string" },
      report: { type: "string" },
      name: { type: "string" },
      fanout: { type: "string", multiple: true },
      repeat: { type: "string", multiple: true },
      "default-fanout": { type: "string" },
      "default-repeat": { type: "string" },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
    true,
  );
  if (values.help) {
    process.stdout.write(IMPORT_HELP);
    return 0;
  }
  if (values.from === undefined) missingFlag("--from", `--from FORMAT, one of ${IMPORT_FORMATS.join(", ")}`);
  const format: ImportFormat = checkChoice("--from", values.from, IMPORT_FORMATS);
  if (positionals.length !== 1) throw sluiceError("cli.badFlags", { params: { reason: `expected one workflow file, got ${positionals.length}` } });
  const file = positionals[0]!;
  const integer = (flag: string, raw: string | undefined) => {
    if (raw === undefined) return undefined;
    const n = parseNumberFlag(flag, raw);
    if (!Number.isInteger(n)) throw sluiceError("cli.badFlagValue", { path: [flag], expected: "a positive integer", actual: show(raw) });
    return n;
  };
  const defaultFanout = integer("--default-fanout", values["default-fanout"]);
  const defaultRepeat = integer("--default-repeat", values["default-repeat"]);
  const hints: ImportHints = {
    fanout: parseCountFlags("--fanout", values.fanout),
    repeat: parseCountFlags("--repeat", values.repeat),
    ...(defaultFanout !== undefined ? { defaultFanout } : {}),
    ...(defaultRepeat !== undefined ? { defaultRepeat } : {}),
  };
  for (const [flag, target] of [["--out", values.out], ["--report", values.report]] as const) if (target !== undefined) await checkOutputTarget(target, flag, "file");
  const text = await readInputText(file, "the workflow file");
  const { dag, report } = await importWorkflow(format, text, { source: file, hints, ...(values.name !== undefined ? { name: values.name } : {}) });
  const dagText = JSON.stringify(dag, null, 2) + "\n";
  if (values.report !== undefined) await writeOutputFile(values.report, JSON.stringify(report, null, 2) + "\n", "--report");
  if (values.out !== undefined) await writeOutputFile(values.out, dagText, "--out");
  else process.stdout.write(dagText);
  if (values.report === undefined && values.quiet !== true) process.stderr.write(formatImportReport(report) + "\n");
  return 0;
}
