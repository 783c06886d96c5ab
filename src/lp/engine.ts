/**
 * The interface every MILP engine implements. An engine translates a validated `MilpModel`,
 * solves it within the time limit and reports a `MilpResult` in the caller's names. It never
 * throws for an expected outcome (infeasible, unbounded, time limit); an internal failure becomes
 * status `error`. `solveMilp` checks every answer independently afterwards.
 */

import type { MilpModel } from "./model.js";
import type { EngineName, MilpResult } from "./result.js";

export interface EngineSolveOptions {
  /** Wall-clock limit for one solve. Engines check it at their own granularity. */
  readonly timeLimitMs: number;
}

export interface MilpEngine {
  readonly name: EngineName;
  solve(model: MilpModel, options: EngineSolveOptions): Promise<MilpResult>;
}

/** Absolute tolerance for integrality of a reported value. */
export const INTEGRALITY_TOLERANCE = 1e-6;
