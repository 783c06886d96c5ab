/**
 * `simulate(dag, plan, options)`: runs a plan instance by instance on a seeded discrete-event
 * simulator and reports what happened (see simulation.ts for the rules, report.ts for the figures).
 *
 * Pipeline: validate DAG → resolve platform → decisions to per-edge shares → draw instances →
 * run → report. Instance counts, VMs per stage and billed memory come from `plan.placement`;
 * runtimes, memory and output sizes are drawn per instance (sample-instance.ts), so the run sees
 * the spread the planner's point predictions hide.
 */
import { validateDag } from "../dag/validate-dag.js";
import { edgeKey } from "../dag/types.js";
import { InputError, issue, parseStrict, show, sluiceError } from "../errors.js";
import { z } from "zod";
import { nonFinitePaths } from "../plan/check-finite.js";
import { checkOptionsObject } from "../plan/options-schema.js";
import { toAssignment } from "../model/decisions.js";
import type { Plan } from "../plan/types.js";
import { resolvePlatform } from "../platform/resolve-platform.js";
import { defaultProfiles } from "../profiles/defaults/default-profiles.js";
import type { Profiles } from "../profiles/types.js";
import { parseSizeBytes } from "../units/size.js";
import { buildReport } from "./report.js";
import { createSampler, DEFAULT_NOISE_CV } from "./sample-instance.js";
import { Simulation } from "./simulation.js";
import type { SimulateOptions, SimulationReport } from "./types.js";
import { checkSimulationSize, DEFAULT_SIMULATION_LIMITS } from "./simulation-limits.js";

/** Above this the lognormal noise overflows (σ² = ln(1 + CV²) makes e^σ… Infinity) and a CV of 10 is already a 1,000% spread. */
export const MAX_NOISE_CV = 10;

/** The parts of a Plan the simulator reads. */
export type SimulatablePlan = Pick<Plan, "dagName" | "inputBytes" | "edges" | "admitted" | "placement"> & Partial<Pick<Plan, "vmPool">>;

export const OVERFLOW_NOTE = "cache overflow: writes that do not fit the cache tier go to the object store (and their cache readers read them there); the run completes and the overflow is reported as a violation";

/** Simulates `plan` on `dag`; without `options.profiles`, draws from the profiles `plan()` uses by default. */
export async function simulate(dagInput: unknown, plan: SimulatablePlan, options: SimulateOptions = {}): Promise<SimulationReport> {
  checkArguments(plan, options);
  const profiles = options.profiles ?? (await defaultProfiles());
  return runChecked(dagInput, plan, { ...options, profiles });
}

/**
 * The option names simulate() knows, values checked where they are used: an unknown key (`sed` for
 * `seed`) is an error naming the keys it could have meant, as plan()'s are, not a setting ignored.
 */
const SIMULATE_OPTION_KEYS = { seed: 0, profiles: 0, platform: 0, noiseCv: 0, truth: 0, inputSize: 0, storeBurstRequests: 0, limits: 0 } satisfies Record<keyof SimulateOptions, 0>;
const simulateOptionKeys = z.object(Object.fromEntries(Object.keys(SIMULATE_OPTION_KEYS).map((k) => [k, z.unknown().optional()])));

/** The plan and the options are objects, the plan's edges and placement arrays, the options' keys known: else an InputError, not a TypeError further in. */
function checkArguments(plan: unknown, options: unknown): void {
  checkOptionsObject(options);
  parseStrict(simulateOptionKeys, options, { unknownKey: "option.unknownKey", wrongType: "option.wrongType", badValue: "option.badValue" }, "Invalid options", ["options"]);
  const fields = plan as { readonly edges?: unknown; readonly placement?: unknown } | null;
  const bad: [string[], unknown, string][] = [];
  if (typeof plan !== "object" || plan === null || Array.isArray(plan)) bad.push([["plan"], plan, "a plan (what plan() returns)"]);
  else for (const key of ["edges", "placement"] as const) if (!Array.isArray(fields![key])) bad.push([["plan", key], fields![key], "array"]);
  if (bad.length > 0) throw new InputError("Cannot simulate", bad.map(([path, actual, expected]) => issue("decisions.wrongType", { path, expected, actual: actual === undefined ? "nothing" : show(actual) })));
}

/** The same, synchronously, with the profiles given. */
export function simulateSync(dagInput: unknown, plan: SimulatablePlan, options: SimulateOptions & { readonly profiles: Profiles }): SimulationReport {
  checkArguments(plan, options);
  return runChecked(dagInput, plan, options);
}

/** The run, once checkArguments has passed (simulate() checks before loading the default profiles). */
function runChecked(dagInput: unknown, plan: SimulatablePlan, options: SimulateOptions & { readonly profiles: Profiles }): SimulationReport {
  const dag = validateDag(dagInput);
  const platform = resolvePlatform(options.platform);
  const profiles = options.profiles;
  const seed = options.seed ?? 1;
  if (typeof seed !== "number" || !Number.isFinite(seed)) throw sluiceError("simulate.badSeed", { path: ["options", "seed"], actual: show(seed) });
  const noiseCv = options.noiseCv;
  if (noiseCv !== undefined && !(typeof noiseCv === "number" && noiseCv >= 0 && noiseCv <= MAX_NOISE_CV)) {
    throw sluiceError("simulate.badNoise", { path: ["options", "noiseCv"], actual: show(noiseCv), params: { max: MAX_NOISE_CV } });
  }
  const limits = { ...DEFAULT_SIMULATION_LIMITS, ...options.limits };
  const byStage = new Map(plan.placement.map((p) => [p.stageId, p.instances]));
  const tooLarge = checkSimulationSize(dag, (id) => byStage.get(id) ?? 0, limits);
  if (tooLarge.length > 0) throw new InputError("Cannot simulate", tooLarge);
  const inputBytes = options.inputSize === undefined ? plan.inputBytes : parseSizeBytes(options.inputSize, "inputSize");
  const assignment = toAssignment(dag, { edges: plan.edges, admitted: plan.admitted });
  const prefixesByKey = new Map(plan.edges.map((e) => [edgeKey(e), e.prefixes]));
  const edgePrefixes = dag.edges.map((e) => Math.min(platform.objectStore.prefixes, Math.max(1, Math.floor(prefixesByKey.get(edgeKey(e)) ?? platform.objectStore.prefixes))));
  const sim = new Simulation({
    dag,
    platform,
    placement: new Map(plan.placement.map((p) => [p.stageId, p])),
    shares: assignment.edges,
    admitted: assignment.admitted,
    inputBytes,
    seed,
    latencyCv: noiseCv ?? DEFAULT_NOISE_CV,
    storeBurst: options.storeBurstRequests,
    edgePrefixes,
    sample: createSampler({ profiles, measuredIo: platform.objectStore, ...(noiseCv === undefined ? {} : { noiseCv }), ...(options.truth ? { truth: options.truth } : {}) }),
  });
  sim.run(limits.maxEvents);
  const report = buildReport(sim, platform, { dagName: plan.dagName, seed, inputBytes, notes: [OVERFLOW_NOTE], reservedVms: plan.vmPool?.reservedVms ?? 0 });
  const bad = nonFinitePaths(report);
  if (bad.length > 0) throw new InputError("Cannot simulate: a result is not a finite number", bad.map((p) => sluiceError("plan.nonFinite", { path: ["simulation", ...p], params: { quantity: `the simulation's ${p.join(".")}`, source: "extreme platform values or profiles; check them for values far from the defaults" } }).issues[0]!));
  return report;
}
