/**
 * Seeded random planning cases for the "plan() never throws" property (the npm test samples a few
 * hundred; bench/solver-property.bench.ts runs ten thousand): a random DAG of 2–14 stages whose
 * patterns fit their instance counts, random linear profiles (runtime, memory, output ratio), an
 * input from 100 kB to 40 GB, random allowed modes and splits, and a limit for the objective placed
 * from well below the cheapest plan to above the fastest (so some cases are infeasible on purpose).
 */
import type { DagInput } from "../../src/dag/schema.js";
import type { Pattern } from "../../src/dag/types.js";
import type { Objective } from "../../src/model/types.js";
import type { PlanOptions } from "../../src/plan/options.js";
import { TRANSFER_MODES, type TransferMode } from "../../src/platform/schema.js";
import type { ProfileFunctions } from "../../src/profiles/types.js";
import { mulberry32 } from "../../src/util/mulberry32.js";
import { fittingPatterns } from "./solve-problems.js";

export interface PlanCase {
  readonly seed: number;
  readonly dag: DagInput;
  readonly inputBytes: number;
  readonly options: PlanOptions;
  /** Where the limit sits between the cheapest (0) and the fastest (1) plan; set by the caller once both are known. */
  readonly limitPosition: number;
}

export function randomPlanCase(seed: number, objective: Objective): PlanCase {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const n = 2 + Math.floor(rand() * 13);
  const instances = Array.from({ length: n }, () => pick([1, 1, 2, 4, 8, 16, 32]));
  const stages = instances.map((count, i) => ({ id: `s${i}`, function: `f${i}`, instances: count }));
  const edges: { from: string; to: string; pattern: Pattern }[] = [];
  for (let v = 1; v < n; v++) {
    const parents = new Set([Math.floor(rand() * v)]);
    while (rand() < 0.35 && parents.size < v) parents.add(Math.floor(rand() * v));
    for (const u of [...parents].sort((a, b) => a - b)) edges.push({ from: `s${u}`, to: `s${v}`, pattern: pick(fittingPatterns(instances[u]!, instances[v]!)) });
  }
  const profiles: Record<string, ProfileFunctions[string]> = {};
  for (let i = 0; i < n; i++) {
    const fixedMs = 10 + rand() * 3000;
    const msPerMb = rand() * 50;
    const ratio = 0.05 + rand() * 3;
    const memoryMb = 128 + Math.floor(rand() * 2900);
    profiles[`f${i}`] = { runtimeMs: (b) => fixedMs + (msPerMb * b) / 1e6, memoryMb: () => memoryMb, outputBytes: (b) => ratio * b, fanout: () => 1 };
  }
  const inputBytes = Math.round(Math.exp(Math.log(1e5) + rand() * Math.log(4e5)));
  const modes = rand() < 0.8 ? undefined : TRANSFER_MODES.filter(() => rand() < 0.7);
  const allowed: TransferMode[] | undefined = modes === undefined || modes.length === 0 ? undefined : modes;
  const options: PlanOptions = { profiles, objective, allowSplits: rand() < 0.75, ...(allowed === undefined ? {} : { modes: allowed }) };
  return { seed, dag: { name: `case-${seed}`, stages, edges }, inputBytes, options, limitPosition: -0.2 + rand() * 1.5 };
}
