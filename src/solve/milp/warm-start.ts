/**
 * A plan as a start point of the planning MILP (formulation.ts), so the engine begins with the
 * heuristic's answer as its incumbent and only has to prove (or improve on) it.
 *   y, f  from the plan's shares;  t = the edge's evaluated transfer time;  F = earliest finishes;
 *   M = makespan;  a = admitted;  r = last cache reader's finish − the producer's finish.
 * Every row then holds as for any plan (see the relaxation argument in bounds/lp-relaxation-bound.ts);
 * in the formulation's scaled units. Variables the model does not have are left out.
 */
import { evaluateAssignment } from "../../model/evaluate-assignment.js";
import type { Assignment, Problem } from "../../model/types.js";
import type { MilpScale } from "./formulation.js";
import { MAKESPAN_NAME, admitName, finishName, fractionName, residencyName, transferName, useName } from "./names.js";

export function warmStartValues(problem: Problem, assignment: Assignment, scale: MilpScale): Record<string, number> {
  const { dag } = problem;
  const e = evaluateAssignment(problem, assignment);
  const ms = (x: number) => x / scale.msPerUnit;
  const values: Record<string, number> = { [MAKESPAN_NAME]: ms(e.makespanMs) };
  const finish = new Map(e.stages.map((s) => [s.stageId, s.finishMs]));
  problem.edges.forEach((cands, i) => {
    for (const o of cands.options) {
      const share = assignment.edges[i]!.find((s) => s.mode === o.mode);
      values[useName(i, o.mode)] = share === undefined ? 0 : 1;
      values[fractionName(i, o.mode)] = share?.fraction ?? 0;
    }
    values[transferName(i)] = ms(e.edges[i]!.transferMs);
  });
  for (const id of dag.order) values[finishName(id)] = ms(finish.get(id)!);
  for (const id of dag.order) {
    if (!dag.outgoing.get(id)!.some((i) => problem.edges[i]!.options.some((o) => o.requiresAdmission))) continue;
    const admitted = assignment.admitted.has(id);
    values[admitName(id)] = admitted ? 1 : 0;
    let lastMs = finish.get(id)!;
    for (const i of dag.outgoing.get(id)!) if (assignment.edges[i]!.some((s) => s.mode === "cache")) lastMs = Math.max(lastMs, finish.get(dag.edges[i]!.to)!);
    values[residencyName(id)] = admitted ? ms(lastMs - finish.get(id)!) : 0;
  }
  return values;
}
