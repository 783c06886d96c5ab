/**
 * `sluice history FILE`: a Step Functions execution history (the JSON get-execution-history
 * prints) as a trace CSV that `sluice train --traces` reads, one row per Task state run.
 */
import { readExecutionHistory } from "../../interop/history/read-execution-history.js";
import { parseDocument } from "../../interop/parse-document.js";
import { formatIssue, sluiceError } from "../../errors.js";
import { parseNameFlags } from "../flags/count-flags.js";
import { checkOutputTarget, writeOutputFile } from "../io/output-target.js";
import { parseCliArgs } from "../flags/parse-cli-args.js";
import { readInputText } from "../io/read-input.js";

export const HISTORY_HELP = `Usage: sluice history FILE [options]

Reads an AWS Step Functions execution history (aws stepfunctions get-execution-history
--execution-arn ARN > FILE) as trace rows: per Task state run (each Map iteration's too), the
function, the bytes of its input and output payloads, its runtime and its fanout. Writes a CSV
for "sluice train --traces". Peak memory is not in a history: join Lambda REPORT lines for it.

Options:
  --app NAME            app name of every row (default: the file's name)
  --function STATE=FN   function name for a state (repeatable; default: from the task's resource)
  --out FILE            write the CSV here (default: stdout)
  --runs FILE           also write every state run with its start and end (CSV)
  -h, --help            this help
`;

const csvCell = (v: string | number) => (typeof v === "number" ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export async function runHistoryCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(argv, { app: { type: "string" }, function: { type: "string", multiple: true }, out: { type: "string" }, runs: { type: "string" }, help: { type: "boolean", short: "h" } }, true);
  if (values.help) {
    process.stdout.write(HISTORY_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw sluiceError("cli.badFlags", { params: { reason: `expected one history file, got ${positionals.length}` } });
  for (const [flag, target] of [["--out", values.out], ["--runs", values.runs]] as const) if (target !== undefined) await checkOutputTarget(target, flag, "file");
  const file = positionals[0]!;
  const doc = await parseDocument(await readInputText(file, "the history file"), file.endsWith(".json") ? file : `${file}.json`);
  const app = values.app ?? (file.split(/[\\/]/).pop() ?? "app").replace(/\.json$/i, "");
  const { records, runs, report } = readExecutionHistory(doc, file, { app, functions: parseNameFlags("--function", values.function) });
  const rows = ["app,function,input_bytes,runtime_ms,output_bytes,fanout", ...records.map((r) => [r.app, r.function, r.inputBytes, r.runtimeMs ?? 0, r.outputBytes ?? 0, r.fanout ?? 1].map(csvCell).join(","))];
  if (values.runs !== undefined) {
    const lines = ["state,function,iteration,start_ms,end_ms,input_bytes,output_bytes,fanout", ...runs.map((r) => [r.state, r.function, r.iteration ?? "", r.startMs, r.endMs, r.inputBytes, r.outputBytes, r.fanout].map((v) => csvCell(v)).join(","))];
    await writeOutputFile(values.runs, lines.join("\n") + "\n", "--runs");
  }
  if (values.out !== undefined) await writeOutputFile(values.out, rows.join("\n") + "\n", "--out");
  else process.stdout.write(rows.join("\n") + "\n");
  process.stderr.write(`${file}: ${report.rowsKept} of ${report.rowsRead} task runs read${report.skipped.length > 0 ? `; skipped:\n${report.skipped.map((i) => `  - ${formatIssue(i)}`).join("\n")}` : ""}\n`);
  return 0;
}
