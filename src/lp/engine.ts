/**
 * The interface every MILP engine implements. An engine translates a validated `MilpModel`,
 * solves it within the time limit and reports a `MilpResult` in the caller's names. It never
 * throws for an expected outcome (infeasible, unbounded, time limit); an internal failure becomes
 * status `error`. `solveMilp` checks every answer independently afterwards.
 */

import type { MilpModel } from "./model.js";
import type { EngineName, MilpResult } from "./result.js";

export interface EngineSolveOptions {
  /** Wall-clock limit for one solve, a safety net: engines check it at their own granularity, and where it stops a solve the answer depends on the machine's speed. */
  readonly timeLimitMs: number;
  /** Stop once the incumbent is proven within this relative distance of the optimum. Default: the engine's tightest (≈ exact). */
  readonly relativeGap?: number;
  /** Branch-and-bound node limit: work, not time, so a limited solve stops at the same place on every run (HiGHS; other engines ignore it). */
  readonly maxNodes?: number;
  /** Simplex iteration limit, the same for LPs (HiGHS; other engines ignore it). */
  readonly maxIterations?: number;
  /** A feasible point to start from, in the caller's names (HiGHS takes it as its first incumbent of a MILP, and runs an LP by primal simplex from it; other engines ignore it). */
  readonly start?: Readonly<Record<string, number>>;
  /**
   * Spend no effort on primal heuristics or symmetry detection — for a solve started from a good
   * plan that mainly has to prove it (HiGHS; measured 1.5–4× less CPU on the planning MILP).
   */
  readonly lean?: boolean;
}

export interface MilpEngine {
  readonly name: EngineName;
  solve(model: MilpModel, options: EngineSolveOptions): Promise<MilpResult>;
}

/** Absolute tolerance for integrality of a reported value. */
export const INTEGRALITY_TOLERANCE = 1e-6;
