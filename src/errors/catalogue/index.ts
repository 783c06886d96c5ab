/**
 * The catalogue: every error Sluice raises, keyed by a readable name, each with a stable code.
 * Code ranges by area (each area's entries live in its own file, so helpers adding codes do not
 * collide): 1000 options, 1200 command line, 2000 DAG, 3000 platform, 4000 profiles, 5000 traces
 * and column maps, 6000 planning, 6500 MILP layer, 7000 simulator, 7500 execution, 7900 workloads,
 * 8000 I/O, 8500 interop, 9000 internal invariants. A code, once published, keeps its meaning.
 */
import type { CatalogueEntry } from "../entry.js";
import { CLI_ERRORS } from "./cli.js";
import { DAG_ERRORS } from "./dag.js";
import { CALIBRATE_ERRORS, EXECUTE_ERRORS } from "./execute.js";
import { INTERNAL_ERRORS } from "./internal.js";
import { INTEROP_ERRORS } from "./interop.js";
import { IO_ERRORS } from "./io.js";
import { LP_ERRORS } from "./lp.js";
import { OPTION_ERRORS } from "./options.js";
import { PLAN_ERRORS } from "./plan.js";
import { PLATFORM_ERRORS } from "./platform.js";
import { PROFILE_ERRORS } from "./profiles.js";
import { SIMULATE_ERRORS } from "./simulate.js";
import { TRACE_ERRORS } from "./traces.js";
import { WORKLOAD_ERRORS } from "./workloads.js";

export const CATALOGUE = {
  ...OPTION_ERRORS,
  ...CLI_ERRORS,
  ...DAG_ERRORS,
  ...PLATFORM_ERRORS,
  ...PROFILE_ERRORS,
  ...TRACE_ERRORS,
  ...PLAN_ERRORS,
  ...LP_ERRORS,
  ...SIMULATE_ERRORS,
  ...EXECUTE_ERRORS,
  ...CALIBRATE_ERRORS,
  ...WORKLOAD_ERRORS,
  ...IO_ERRORS,
  ...INTEROP_ERRORS,
  ...INTERNAL_ERRORS,
} as const satisfies Record<string, CatalogueEntry>;

/** A catalogue key, e.g. "dag.duplicateStageId". */
export type ErrorKey = keyof typeof CATALOGUE;

export function entryOf(key: ErrorKey): CatalogueEntry {
  return CATALOGUE[key];
}

/** The stable code of a key, e.g. codeOf("dag.cycle") === "SLU2014". */
export function codeOf<K extends ErrorKey>(key: K): (typeof CATALOGUE)[K]["code"] {
  return CATALOGUE[key].code;
}

const BY_CODE = new Map<string, ErrorKey>(Object.entries(CATALOGUE).map(([key, e]) => [e.code, key as ErrorKey]));

/** The key of a code, or undefined for a code not in the catalogue. */
export function keyOfCode(code: string): ErrorKey | undefined {
  return BY_CODE.get(code);
}
