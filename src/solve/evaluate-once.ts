/**
 * `evaluateAssignment` memoised per (assignment, problem) object pair. A plan() call asks the model
 * about the same final plan several times — the heuristic scoring it, "auto" bounding it, the
 * planner checking its limits and assembling it — and at 10,000 stages each verdict costs about
 * as much as a heuristic pass. The verdict is a pure function of the two immutable objects, so the
 * first one is reused; entries go with their assignment (weak keys).
 */
import { evaluateAssignment } from "../model/evaluate-assignment.js";
import type { Assignment, Evaluation, Problem } from "../model/types.js";

const verdicts = new WeakMap<Assignment, WeakMap<Problem, Evaluation>>();

export function evaluateOnce(problem: Problem, assignment: Assignment): Evaluation {
  let byProblem = verdicts.get(assignment);
  if (byProblem === undefined) verdicts.set(assignment, (byProblem = new WeakMap()));
  let e = byProblem.get(problem);
  if (e === undefined) byProblem.set(problem, (e = evaluateAssignment(problem, assignment)));
  return e;
}
