/** The simulator's public surface. */
export { simulate, simulateSync, OVERFLOW_NOTE, type SimulatablePlan } from "./simulate.js";
export { DEFAULT_NOISE_CV, type TruthRecord } from "./sample-instance.js";
export { renderTimelineSvg } from "./plot-timeline.js";
export type * from "./types.js";
