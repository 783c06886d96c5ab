/** `sluice plan`: plans a DAG file and prints the plan as a table, JSON or DOT. */
import { plan } from "../../plan/plan.js";
import { checkChoice } from "../flags/cli-error.js";
import { formatPlanDot } from "../format/format-plan-dot.js";
import { formatPlanTable } from "../format/format-plan-table.js";
import { PLAN_FLAGS, PLAN_FLAGS_HELP, parseCliArgs, readPlanRequest } from "../flags/plan-flags.js";

export const PLAN_HELP = `Usage: sluice plan --dag FILE --input SIZE [options]

Plans how data moves between the stages of the DAG in FILE at the given input size.

Options:
${PLAN_FLAGS_HELP}
  --format FMT        table (default) | json | dot
  -h, --help          this help

Exit codes: 0 a plan meets the limits; 3 none does (the closest plan is printed); 64 bad flags;
65 a bad DAG or platform; 66 a file that cannot be read (see docs/errors.md).
`;

export async function runPlanCommand(argv: string[]): Promise<number> {
  const { values } = parseCliArgs(argv, { ...PLAN_FLAGS, format: { type: "string", default: "table" } });
  if (values.help) {
    process.stdout.write(PLAN_HELP);
    return 0;
  }
  const format = checkChoice("--format", values.format ?? "table", ["table", "json", "dot"] as const);
  const request = await readPlanRequest(values);
  const result = await plan(request.dag, request.input, request.options);
  process.stdout.write(format === "json" ? JSON.stringify(result, null, 2) + "\n" : format === "dot" ? formatPlanDot(result) : formatPlanTable(result) + "\n");
  return result.status === "ok" ? 0 : 3;
}
