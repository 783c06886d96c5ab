/** `evaluate()`: the what-if tool. Scores hand-made decisions with the same model the planner uses. */
import { evaluateAssignment } from "../model/evaluate-assignment.js";
import { checkDecisionsShape, toAssignment } from "../model/decisions.js";
import { validateDag } from "../dag/validate-dag.js";
import { checkPlacement } from "./check-placement.js";
import type { Decisions, Evaluation } from "../model/types.js";
import type { PlanOptions } from "./options.js";
import { prepareProblem } from "./prepare-problem.js";
import { checkOptionsObject } from "./options-schema.js";
import type { StagePlacement } from "./types.js";
import { sizedDagInput } from "./sizing/configuration.js";
import { needsSizing, sizeStages } from "./sizing/size-stages.js";

/**
 * A DAG with open instance counts (or memorySizes) is evaluated at the plan's own sizing when the
 * decisions are a plan (its placement says each stage's count and memory), else at the sizing
 * plan() would choose.
 */
export async function evaluate(dag: unknown, inputSize: number | string, decisions: Decisions & { readonly placement?: readonly StagePlacement[] }, options: PlanOptions = {}): Promise<Evaluation> {
  checkOptionsObject(options);
  checkDecisionsShape(decisions);
  let sized = dag;
  if (needsSizing(dag, options)) {
    const placed = decisions.placement;
    sized = placed !== undefined ? sizedDagInput(dag, checkPlacement(validateDag(dag), placed)) : (await sizeStages(dag, inputSize, options)).dagInput;
  }
  const { memorySizes: _m, ...rest } = options;
  const { problem } = await prepareProblem(sized, inputSize, rest);
  return evaluateAssignment(problem, toAssignment(problem.dag, decisions));
}
