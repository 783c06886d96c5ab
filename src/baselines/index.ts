/** Baseline policies as plans. */
export { baselinePlan, SONIC_MODES } from "./baseline-plan.js";
export { BASELINE_NAMES, ORACLE_MAX_EDGES, type BaselineName, type BaselineOptions } from "./types.js";
export { oracleCandidates, pickOracle, oraclePlan, type OracleCandidate } from "./oracle.js";
export { allDirect, allRemote, allVmLocal, cloudburst, locus } from "./fixed-policies.js";
export { planFromAssignment } from "./plan-from-assignment.js";
