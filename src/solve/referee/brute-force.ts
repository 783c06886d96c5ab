/**
 * The referee for small DAGs: every whole-mode choice per edge (no splits), admission = exactly
 * the producers of the cache edges, each scored by evaluateAssignment. Keeps the best feasible
 * plan under the objective (objective-score.ts); a tie keeps the one enumerated first (edge 0's
 * option varies slowest, options in TRANSFER_MODES order), so the answer is deterministic.
 * Status "optimal" when splits cannot apply, else "feasible" (a split may do better).
 * Too many combinations is misuse: an InputError.
 */
import { InputError, issue } from "../../errors.js";
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import type { Assignment, Evaluation, Problem } from "../../model/types.js";
import { wholeModeAssignment } from "./whole-mode-assignment.js";
import type { SolverFn } from "../solver.js";
import { compareEvaluations } from "../objective-score.js";

/** The most whole-mode combinations the enumerator will score (4 modes on 8 edges). */
export const BRUTE_FORCE_MAX_COMBINATIONS = 4 ** 8;
export const BRUTE_FORCE_NAME = "brute-force";

export function countCombinations(problem: Problem): number {
  return problem.edges.reduce((n, c) => n * c.options.length, 1);
}

export const bruteForceSolver: SolverFn = (problem) => {
  const combinations = countCombinations(problem);
  if (combinations > BRUTE_FORCE_MAX_COMBINATIONS) {
    throw new InputError("Problem too large for brute force", [
      issue("solve.tooLargeForBruteForce", { path: ["dag", "edges"], expected: `≤ ${BRUTE_FORCE_MAX_COMBINATIONS}`, actual: String(combinations) }),
    ]);
  }
  const choice = new Array<number>(problem.edges.length).fill(0);
  let best: { assignment: Assignment; evaluation: Evaluation } | undefined;
  for (let k = 0; k < combinations; k++) {
    const assignment = wholeModeAssignment(problem, choice);
    const evaluation = evaluateAssignment(problem, assignment);
    if (evaluation.feasible && (best === undefined || compareEvaluations(problem.objective, evaluation, best.evaluation) < 0)) best = { assignment, evaluation };
    advance(problem, choice);
  }
  const notes = [`scored ${combinations} whole-mode combinations`];
  if (best === undefined) return { name: BRUTE_FORCE_NAME, status: "infeasible", notes };
  // Splits may beat every whole-mode plan, so the answer is proven optimal only without them.
  const splitsMatter = problem.allowSplits && problem.edges.some((c) => c.options.filter((o) => o.splittable).length > 1);
  return { name: BRUTE_FORCE_NAME, status: splitsMatter ? "feasible" : "optimal", assignment: best.assignment, notes: [...notes, "best over whole modes (no splits)"] };
};


/** Odometer step: the last edge varies fastest. */
function advance(problem: Problem, choice: number[]): void {
  for (let i = choice.length - 1; i >= 0; i--) {
    choice[i]! += 1;
    if (choice[i]! < problem.edges[i]!.options.length) return;
    choice[i] = 0;
  }
}
