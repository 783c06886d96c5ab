/**
 * What a solve returns: an outcome as a value, never an exception for an expected result.
 *
 * - `optimal`: proven optimal (within the engine's default gap tolerance).
 * - `feasible`: an integer-feasible incumbent, not proven optimal (a limit stopped the search).
 * - `infeasible` / `unbounded`: proven.
 * - `timedout`: the limit was reached with nothing usable; `values` is empty.
 * - `error`: the engine failed, or its answer failed the independent check; `message` says why.
 */

export type MilpStatus = "optimal" | "feasible" | "infeasible" | "unbounded" | "timedout" | "error";

export type EngineName = "highs" | "glpk" | "jslp";

/** Which limit ended a solve early: "time" depends on the machine, the others are work and repeat exactly. */
export type StopReason = "time" | "nodes" | "iterations";

export interface MilpResult {
  readonly status: MilpStatus;
  /** Variable name (the caller's) → value. Every variable for `optimal`/`feasible`, else empty. */
  readonly values: Readonly<Record<string, number>>;
  /** Objective at `values`; `NaN` when there are none. */
  readonly objective: number;
  /** Best proven bound on the objective, where the engine reports one. */
  readonly bestBound?: number;
  readonly message?: string;
  /** Set when a limit, not optimality or infeasibility, ended the solve. */
  readonly stoppedBy?: StopReason;
  /** The engine's optional package is not installed (status "error"). */
  readonly unavailable?: boolean;
  readonly engine: string;
  readonly elapsedMs: number;
}

/** Statuses that carry a usable solution. */
export function hasSolution(status: MilpStatus): boolean {
  return status === "optimal" || status === "feasible";
}

/** A result without a solution. */
export function makeEmptyResult(
  status: MilpStatus,
  engine: string,
  elapsedMs: number,
  message?: string,
): MilpResult {
  return message === undefined
    ? { status, values: {}, objective: Number.NaN, engine, elapsedMs }
    : { status, values: {}, objective: Number.NaN, engine, elapsedMs, message };
}
