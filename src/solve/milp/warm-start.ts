/**
 * A plan as a start point of the planning MILP (formulation.ts), so the engine begins with the
 * heuristic's answer as its incumbent and only has to prove (or improve on) it.
 *   y, f  from the plan's shares;  t = the edge's evaluated transfer time;  F = earliest finishes;
 *   w, rd = an input's write and read phases (stages with several inputs);  M = makespan;  V = the VM pool's billed time past its minimum;  a = admitted;  r = last cache reader's finish − the producer's finish.
 * Every row then holds as for any plan (see the relaxation argument in bounds/lp-relaxation-bound.ts);
 * in the formulation's scaled units. Variables the model does not have are left out.
 */
import { evaluateOnce } from "../evaluate-once.js";
import type { Assignment, Problem } from "../../model/types.js";
import type { MilpScale } from "./scale.js";
import { MAKESPAN_NAME, VM_HELD_NAME, admitName, finishName, fractionName, readName, residencyName, transferName, useName, writeName } from "./names.js";
import { edgePhasesMs } from "../../model/edge-time.js";

export function warmStartValues(problem: Problem, assignment: Assignment, scale: MilpScale): Record<string, number> {
  const { dag } = problem;
  const e = evaluateOnce(problem, assignment); // the verdict the heuristic and the bounds already took, when they did
  const ms = (x: number) => x / scale.msPerUnit;
  const values: Record<string, number> = { [MAKESPAN_NAME]: ms(e.makespanMs) };
  const pool = problem.platform.billing.compute === "vm-pool" ? problem.vmPool : undefined;
  if (pool !== undefined && pool.usdPerMs > 0) values[VM_HELD_NAME] = Math.max(0, ms(e.makespanMs) - ms(pool.minimumMs));
  const finish = new Map(e.stages.map((s) => [s.stageId, s.finishMs]));
  problem.edges.forEach((cands, i) => {
    for (const o of cands.options) {
      const share = assignment.edges[i]!.find((s) => s.mode === o.mode);
      values[useName(i, o.mode)] = share === undefined ? 0 : 1;
      values[fractionName(i, o.mode)] = share?.fraction ?? 0;
    }
    values[transferName(i)] = ms(e.edges[i]!.transferMs);
    if (dag.incoming.get(dag.edges[i]!.to)!.length > 1) {
      const served = assignment.edges[i]!.flatMap((s) => cands.options.filter((o) => o.mode === s.mode).map((o) => [o, s.fraction] as const));
      const phases = edgePhasesMs(served);
      values[writeName(i)] = ms(phases.writeMs);
      values[readName(i)] = ms(phases.readMs);
    }
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
