/** The MILP layer: one plain model, three engines, one checked entry point. */

export type { MilpModel, MilpVariable, MilpConstraint, VariableKind, OptimizationDirection } from "./model.js";
export type { MilpResult, MilpStatus, EngineName } from "./result.js";
export type { MilpEngine, EngineSolveOptions } from "./engine.js";
export { solveMilp, verifyResult, AUTO_ENGINE, DEFAULT_SOLVE_MILP_OPTIONS, type SolveMilpOptions, type EngineChoice } from "./solve-milp.js";
export { checkSolution, computeObjective, type SolutionCheck, type Violation, type ViolationKind, type CheckOptions } from "./check-solution.js";
export { validateMilpModel } from "./validate-model.js";
export { loadEngine, ENGINE_NAMES } from "./load-engine.js";
