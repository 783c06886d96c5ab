/**
 * `sluice export --to asl`: a plan as an AWS Step Functions state machine. Takes a saved plan
 * (`sluice plan --format json`) or plans the DAG here with the plan flags. The plan file is
 * validated with the plan schema and must belong to the DAG.
 */
import { readFile } from "node:fs/promises";
import { validateDag } from "../dag/validate-dag.js";
import { InputError } from "../errors.js";
import { planToAsl } from "../interop/export/plan-to-asl.js";
import { parseWith } from "../interop/schemas/parse-with.js";
import { planSchema } from "../interop/schemas/plan-schema.js";
import { plan as makePlan } from "../plan/plan.js";
import type { Plan } from "../plan/types.js";
import { CliUsageError } from "./cli-error.js";
import { parseNameFlags } from "./count-flags.js";
import { PLAN_FLAGS, PLAN_FLAGS_HELP, parseCliArgs, readPlanRequest } from "./plan-flags.js";
import { writeOutputFile } from "./write-output.js";

export const EXPORT_HELP = `Usage: sluice export --to asl --dag FILE (--plan PLAN.json | --input SIZE [plan options]) [options]

Writes a plan as an AWS Step Functions state machine: stages level by level, a stage of n
instances as a Map of n items, and each Lambda invocation carrying its stage's route under
Payload.sluice (input modes with object-store prefixes, cache endpoint and VM groups, output
locations, placement).

Options:
  --to FORMAT           asl (required)
  --plan FILE           a plan saved with "sluice plan --format json" (else plan here)
  --out FILE            write the state machine here (default: stdout)
  --bucket NAME         bucket of remote edges (default: the placeholder \${SluiceBucket})
  --key-prefix P        key prefix of every edge (default: sluice/<dag>/)
  --cache-endpoint URL  cache tier endpoint (default: the placeholder \${SluiceCacheEndpoint})
  --function FN=NAME    FunctionName for a Sluice function (an ARN or \${placeholder}; repeatable)

Plan options (without --plan):
${PLAN_FLAGS_HELP}
  -h, --help          this help
`;

export async function runExportCommand(argv: string[]): Promise<number> {
  const { values } = parseCliArgs(argv, {
    ...PLAN_FLAGS,
    to: { type: "string" },
    plan: { type: "string" },
    out: { type: "string" },
    bucket: { type: "string" },
    "key-prefix": { type: "string" },
    "cache-endpoint": { type: "string" },
    function: { type: "string", multiple: true },
  });
  if (values.help) {
    process.stdout.write(EXPORT_HELP);
    return 0;
  }
  if (values.to !== "asl") throw new CliUsageError(`--to must be asl${values.to === undefined ? "" : `, got "${values.to}"`}`);
  if (values.dag === undefined) throw new CliUsageError("--dag FILE is required");
  let dagInput: unknown;
  let plan: Plan;
  if (values.plan !== undefined) {
    dagInput = JSON.parse(await readFile(values.dag, "utf8")) as unknown;
    plan = parseWith(planSchema, JSON.parse(await readFile(values.plan, "utf8")) as unknown, `Invalid plan file ${values.plan}`);
  } else {
    if (values.input === undefined) throw new CliUsageError("give --plan FILE, or --input SIZE to plan here");
    const request = await readPlanRequest(values);
    dagInput = request.dag;
    plan = await makePlan(request.dag, request.input, request.options);
  }
  const dag = validateDag(dagInput);
  const planned = new Set(plan.placement.map((p) => p.stageId));
  const missing = dag.stages.filter((s) => !planned.has(s.id)).map((s) => s.id);
  if (plan.dagName !== dag.name) throw new InputError("The plan does not belong to this DAG", [{ code: "contradiction", path: ["plan", "dagName"], message: "the plan was made for another DAG", expected: JSON.stringify(dag.name), actual: JSON.stringify(plan.dagName) }]);
  if (missing.length > 0 || planned.size !== dag.stages.length) {
    throw new InputError("The plan does not belong to this DAG", [{ code: "contradiction", path: ["plan", "placement"], message: "the plan's stages differ from the DAG's", expected: dag.stages.map((s) => s.id).join(", "), actual: [...planned].join(", ") }]);
  }
  const machine = planToAsl(dagInput as Parameters<typeof planToAsl>[0], plan, {
    ...(values.bucket !== undefined ? { bucket: values.bucket } : {}),
    ...(values["key-prefix"] !== undefined ? { keyPrefix: values["key-prefix"] } : {}),
    ...(values["cache-endpoint"] !== undefined ? { cacheEndpoint: values["cache-endpoint"] } : {}),
    functionNames: parseNameFlags("--function", values.function as unknown as string[] | undefined),
  });
  const text = JSON.stringify(machine, null, 2) + "\n";
  if (values.out !== undefined) await writeOutputFile(values.out, text);
  else process.stdout.write(text);
  return 0;
}
