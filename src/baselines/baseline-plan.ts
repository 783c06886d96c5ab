/**
 * `baselinePlan(name, dag, inputSize, options)`: a baseline policy's decisions as a Plan, built on
 * the same Problem as plan() (prepareProblem) and assembled the same way, so its predicted figures
 * come from the same model and the simulator can run it. See fixed-policies.ts and oracle.ts.
 * - sonic: plan() itself, restricted to SONIC's modes (vm-local, direct, remote) without splits.
 */
import { show, sluiceError } from "../errors.js";
import type { Assignment, Problem } from "../model/types.js";
import { plan } from "../plan/plan.js";
import { prepareProblem } from "../plan/prepare-problem.js";
import { needsSizing, sizeStages } from "../plan/sizing/size-stages.js";
import type { Plan } from "../plan/types.js";
import { defaultProfiles } from "../profiles/defaults/default-profiles.js";
import { allDirect, allRemote, allVmLocal, cloudburst, locus } from "./fixed-policies.js";
import { oracleCandidates, oraclePlan, pickOracle } from "./oracle.js";
import { planFromAssignment } from "./plan-from-assignment.js";
import { BASELINE_NAMES, type BaselineName, type BaselineOptions } from "./types.js";

const FIXED: Readonly<Record<Exclude<BaselineName, "sonic" | "oracle">, (p: Problem) => Assignment>> = {
  "all-remote": allRemote,
  "all-direct": allDirect,
  "all-vm-local": allVmLocal,
  cloudburst,
  locus,
};

export const SONIC_MODES = ["vm-local", "direct", "remote"] as const;

export async function baselinePlan(name: BaselineName, dag: unknown, inputSize: number | string, options: BaselineOptions = {}): Promise<Plan> {
  if (!(BASELINE_NAMES as readonly string[]).includes(name)) {
    throw sluiceError("option.unknownBaseline", { path: ["baseline"], expected: BASELINE_NAMES.join(" | "), actual: show(name) });
  }
  const { simulation, ...planOptions } = options;
  if (name === "sonic") {
    const p = await plan(dag, inputSize, { ...planOptions, modes: SONIC_MODES, allowSplits: false });
    return { ...p, solver: { ...p.solver, name: `baseline:sonic/${p.solver.name}` } };
  }
  // Open instance counts and memory sizes: the same stage configuration plan() would choose, so a
  // baseline differs from Sluice only in how data moves.
  const sized = needsSizing(dag, planOptions) ? (await sizeStages(dag, inputSize, planOptions)).dagInput : dag;
  const { memorySizes: _m, ...fixedOptions } = planOptions;
  const { problem, timingsMs } = await prepareProblem(sized, inputSize, fixedOptions);
  if (name === "oracle") {
    const profiles = simulation?.profiles ?? planOptions.profiles ?? (await defaultProfiles());
    const candidates = oracleCandidates(problem, sized, { ...(planOptions.platform ? { platform: planOptions.platform } : {}), ...simulation, profiles });
    return oraclePlan(pickOracle(candidates, problem.budgetUsd), problem.budgetUsd);
  }
  return planFromAssignment(problem, FIXED[name](problem), `baseline:${name}`, [], planOptions.timings === true ? timingsMs : undefined);
}
