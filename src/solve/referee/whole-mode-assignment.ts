/**
 * A whole-mode plan as an assignment: `choice[i]` picks one option of edge i, which carries all of
 * that edge's bytes (fraction 1); a producer whose chosen option needs the cache is admitted.
 * Shared by the referees that walk whole-mode plans (brute force, pruned enumeration).
 */
import type { Assignment, Problem } from "../../model/types.js";

export function wholeModeAssignment(problem: Problem, choice: readonly number[]): Assignment {
  const admitted = new Set<string>();
  const edges = problem.edges.map((cands, i) => {
    const option = cands.options[choice[i]!]!;
    if (option.requiresAdmission) admitted.add(cands.from);
    return [{ mode: option.mode, fraction: 1 }];
  });
  return { edges, admitted };
}
