/** Variable names of the planning MILP, in one place so the formulation and the extraction agree. */
import type { TransferMode } from "../../platform/schema.js";

/** 1 when `mode` serves some of edge i's receivers. */
export const useName = (edgeIndex: number, mode: TransferMode): string => `y[${edgeIndex}][${mode}]`;
/** Fraction of edge i's receivers `mode` serves. */
export const fractionName = (edgeIndex: number, mode: TransferMode): string => `f[${edgeIndex}][${mode}]`;
/** Transfer time of edge i. */
export const transferName = (edgeIndex: number): string => `t[${edgeIndex}]`;
/** Finish time of a stage. */
export const finishName = (stageId: string): string => `F[${stageId}]`;
/** 1 when a stage's output is admitted to the cache tier. */
export const admitName = (stageId: string): string => `a[${stageId}]`;
/** How long an admitted output stays in the cache tier. */
export const residencyName = (stageId: string): string => `r[${stageId}]`;
/** Edge i's slowest share's write (into a stage with several inputs). */
export const writeName = (edgeIndex: number): string => `w[${edgeIndex}]`;
/** Edge i's slowest share's read (into a stage with several inputs). */
export const readName = (edgeIndex: number): string => `rd[${edgeIndex}]`;
export const MAKESPAN_NAME = "M";
/** The time the reserved VM pool is billed for beyond its minimum (VM-pool billing): max(0, makespan − minimum). */
export const VM_HELD_NAME = "V";
