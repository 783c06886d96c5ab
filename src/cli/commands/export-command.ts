/**
 * `sluice export --to asl`: a plan as an AWS Step Functions state machine. Takes a saved plan
 * (`sluice plan --format json`) or plans the DAG here with the plan flags. The plan file is
 * validated with the plan schema and must belong to the DAG.
 */
import { validateDag } from "../../dag/validate-dag.js";
import { show, sluiceError } from "../../errors.js";
import { planToAsl } from "../../interop/export/plan-to-asl.js";
import { parseWith } from "../../interop/schemas/parse-with.js";
import { planSchema } from "../../interop/schemas/plan-schema.js";
import { plan as makePlan } from "../../plan/plan.js";
import type { Plan } from "../../plan/types.js";
import { checkChoice, missingFlag } from "../flags/cli-error.js";
import { parseNameFlags } from "../flags/count-flags.js";
import { PLAN_FLAGS, PLAN_FLAGS_HELP, parseCliArgs, readPlanRequest } from "../flags/plan-flags.js";
import { checkOutputTarget, writeOutputFile } from "../io/output-target.js";
import { readInputJson } from "../io/read-input.js";

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
  if (values.to === undefined) missingFlag("--to", "--to asl");
  checkChoice("--to", values.to, ["asl"] as const);
  if (values.dag === undefined) missingFlag("--dag", "--dag FILE, the DAG the plan is for");
  if (values.out !== undefined) await checkOutputTarget(values.out, "--out", "file");
  let dagInput: unknown;
  let plan: Plan;
  if (values.plan !== undefined) {
    dagInput = await readInputJson(values.dag, "--dag");
    plan = parseWith(planSchema, await readInputJson(values.plan, "--plan"), `Invalid plan file ${values.plan}`);
  } else {
    if (values.input === undefined) throw sluiceError("cli.flagsConflict", { path: ["--plan", "--input"], expected: "--plan FILE, or --input SIZE to plan here" });
    const request = await readPlanRequest(values);
    dagInput = request.dag;
    plan = await makePlan(request.dag, request.input, request.options);
  }
  const dag = validateDag(dagInput);
  const planned = new Set(plan.placement.map((p) => p.stageId));
  const missing = dag.stages.filter((s) => !planned.has(s.id)).map((s) => s.id);
  if (plan.dagName !== dag.name) throw sluiceError("interop.planOfAnotherDag", { path: ["--plan", "dagName"], expected: show(dag.name), actual: show(plan.dagName) });
  if (missing.length > 0 || planned.size !== dag.stages.length) {
    throw sluiceError("interop.planOfAnotherDag", { path: ["--plan", "placement"], expected: `stages ${dag.stages.map((s) => s.id).join(", ")}`, actual: [...planned].join(", ") });
  }
  const machine = planToAsl(dagInput as Parameters<typeof planToAsl>[0], plan, {
    ...(values.bucket !== undefined ? { bucket: values.bucket } : {}),
    ...(values["key-prefix"] !== undefined ? { keyPrefix: values["key-prefix"] } : {}),
    ...(values["cache-endpoint"] !== undefined ? { cacheEndpoint: values["cache-endpoint"] } : {}),
    functionNames: parseNameFlags("--function", values.function),
  });
  const text = JSON.stringify(machine, null, 2) + "\n";
  if (values.out !== undefined) await writeOutputFile(values.out, text, "--out");
  else process.stdout.write(text);
  return 0;
}
