/** `evaluate()`: the what-if tool. Scores hand-made decisions with the same model the planner uses. */
import { evaluateAssignment } from "../model/evaluate-assignment.js";
import { toAssignment } from "../model/decisions.js";
import type { Decisions, Evaluation } from "../model/types.js";
import type { PlanOptions } from "./options.js";
import { prepareProblem } from "./prepare-problem.js";

export async function evaluate(dag: unknown, inputSize: number | string, decisions: Decisions, options: PlanOptions = {}): Promise<Evaluation> {
  const { problem } = await prepareProblem(dag, inputSize, options);
  return evaluateAssignment(problem, toAssignment(problem.dag, decisions));
}
