/**
 * A Plan for any assignment, assembled exactly as the planner assembles its own (same model, same
 * placement, same explanations), so a baseline's predicted figures are comparable with plan()'s.
 * Status is "ok" when the model finds no violation (budget included), else "infeasible" with the
 * first violation as the message.
 */
import { evaluateAssignment } from "../model/evaluate-assignment.js";
import type { Assignment, Problem } from "../model/types.js";
import { assemblePlan } from "../plan/assemble-plan.js";
import type { Plan } from "../plan/types.js";

export function planFromAssignment(problem: Problem, assignment: Assignment, solverName: string, notes: readonly string[] = [], timingsMs?: Readonly<Record<string, number>>): Plan {
  const evaluation = evaluateAssignment(problem, assignment);
  const first = evaluation.violations[0];
  return assemblePlan({
    problem,
    assignment,
    outcome: { name: solverName, status: "feasible", assignment, notes },
    status: first === undefined ? "ok" : "infeasible",
    ...(first === undefined ? {} : { message: first.message }),
    timingsMs,
  });
}
