/**
 * Small reference MILPs shared by the tests, each with its known optimum and the arithmetic
 * behind it. Names are deliberately awkward (spaces, brackets, arrows) to exercise name mapping.
 */

import type { MilpModel } from "./model.js";
import type { MilpStatus } from "./result.js";

export interface ReferenceCase {
  readonly label: string;
  readonly model: MilpModel;
  readonly status: MilpStatus;
  /** Optimal objective, for `optimal` cases. */
  readonly objective?: number;
}

/** 0/1 knapsack: max Σ value·x, Σ weight·x ≤ capacity. */
export function makeKnapsack(values: readonly number[], weights: readonly number[], capacity: number): MilpModel {
  const names = values.map((_, i) => `take[item ${i}]`);
  return {
    direction: "maximize",
    objective: Object.fromEntries(names.map((n, i) => [n, values[i]!])),
    constraints: [{ name: "capacity (kg)", terms: Object.fromEntries(names.map((n, i) => [n, weights[i]!])), upper: capacity }],
    variables: names.map((name) => ({ name, kind: "binary" as const })),
  };
}

/** A seeded multi-dimensional knapsack (n items, m capacity rows at half the total weight): hard enough that branch and bound needs many nodes. */
export function makeMultiKnapsack(n: number, m: number, random: () => number): MilpModel {
  const names = Array.from({ length: n }, (_, i) => `take[item ${i}]`);
  return {
    direction: "maximize",
    objective: Object.fromEntries(names.map((x) => [x, 10 + Math.floor(random() * 90)])),
    constraints: Array.from({ length: m }, (_, j) => {
      const w = names.map(() => 5 + Math.floor(random() * 60));
      return { name: `capacity ${j}`, terms: Object.fromEntries(names.map((x, i) => [x, w[i]!])), upper: Math.round(w.reduce((a, b) => a + b, 0) / 2) };
    }),
    variables: names.map((name) => ({ name, kind: "binary" as const })),
  };
}

const COST = [[4, 1, 3], [2, 0, 5], [3, 2, 2]];
const cell = (w: number, t: number) => `y[worker ${w}->task ${t}]`;

/** 3×3 assignment, each worker one task and each task one worker, minimum total cost. */
export const assignment: MilpModel = {
  direction: "minimize",
  objective: Object.fromEntries(COST.flatMap((row, w) => row.map((c, t) => [cell(w, t), c]))),
  constraints: [0, 1, 2].flatMap((k) => [
    { name: `worker ${k} busy once`, terms: { [cell(k, 0)]: 1, [cell(k, 1)]: 1, [cell(k, 2)]: 1 }, lower: 1, upper: 1 },
    { name: `task ${k} done once`, terms: { [cell(0, k)]: 1, [cell(1, k)]: 1, [cell(2, k)]: 1 }, lower: 1, upper: 1 },
  ]),
  variables: COST.flatMap((row, w) => row.map((_, t) => ({ name: cell(w, t), kind: "binary" as const }))),
};

/** Fixed-charge flow: open sites (binary), ship continuous amounts, meet demand exactly. */
export const fixedCharge: MilpModel = {
  direction: "minimize",
  objective: { "open:a": 10, "open:b": 6, "ship a": 1, "ship b": 2 },
  constraints: [
    { name: "demand = 7", terms: { "ship a": 1, "ship b": 1 }, lower: 7, upper: 7 },
    { name: "a only if open", terms: { "ship a": 1, "open:a": -8 }, upper: 0 },
    { name: "b only if open", terms: { "ship b": 1, "open:b": -5 }, upper: 0 },
    { name: "slack defined", terms: { "slack (free)": 1, "ship a": -1 }, lower: -10, upper: -10 },
  ],
  variables: [
    { name: "open:a", kind: "binary" },
    { name: "open:b", kind: "binary" },
    { name: "ship a", kind: "continuous" },
    { name: "ship b", kind: "continuous" },
    { name: "slack (free)", kind: "continuous", lower: Number.NEGATIVE_INFINITY },
  ],
};

export const REFERENCE_CASES: readonly ReferenceCase[] = [
  // best subset {1, 3}: weight 6 + 4 = 10 ≤ 10, value 13 + 8 = 21 (next best {1, 2}: 20)
  { label: "knapsack", model: makeKnapsack([10, 13, 7, 8], [5, 6, 3, 4], 10), status: "optimal", objective: 21 },
  // 0→1 (1) + 1→0 (2) + 2→2 (2) = 5; the other five permutations cost 6, 6, 7, 9, 11
  { label: "assignment", model: assignment, status: "optimal", objective: 5 },
  // open a only: 10 + 7·1 = 17; b alone cannot carry 7 (≤ 5); both: 16 + 7 = 23
  { label: "fixed charge (equalities, continuous + binary, free variable)", model: fixedCharge, status: "optimal", objective: 17 },
  {
    // a + b ≤ 4.5 with integers means a + b ≤ 4; a ≤ 3 ⇒ a = 3, b = 1: 3·3 + 2·1 = 11
    label: "general integers, ranged row, shifted bounds",
    model: {
      direction: "maximize",
      objective: { a: 3, b: 2 },
      constraints: [{ name: "2 ≤ a + b ≤ 4.5", terms: { a: 1, b: 1 }, lower: 2, upper: 4.5 }],
      variables: [{ name: "a", kind: "integer", upper: 3 }, { name: "b", kind: "integer", lower: 1, upper: 10 }],
    },
    status: "optimal",
    objective: 11,
  },
  {
    // two binaries cannot sum to 3
    label: "infeasible",
    model: { direction: "minimize", objective: { p: 1, q: 1 }, constraints: [{ name: "p + q ≥ 3", terms: { p: 1, q: 1 }, lower: 3 }], variables: [{ name: "p", kind: "binary" }, { name: "q", kind: "binary" }] },
    status: "infeasible",
  },
  {
    // x − y ≤ 1 leaves x = y + 1 growing without limit
    label: "unbounded",
    model: { direction: "maximize", objective: { x: 1, y: 1 }, constraints: [{ name: "x − y ≤ 1", terms: { x: 1, y: -1 }, upper: 1 }], variables: [{ name: "x", kind: "integer" }, { name: "y", kind: "continuous" }] },
    status: "unbounded",
  },
  {
    // LP: max 0.6 x + 0.5 y, x + 2y ≤ 1, 3x + y ≤ 2 ⇒ vertex x = 0.6, y = 0.2: 0.36 + 0.1 = 0.46
    label: "pure LP",
    model: {
      direction: "maximize",
      objective: { x: 0.6, y: 0.5 },
      constraints: [{ name: "r1", terms: { x: 1, y: 2 }, upper: 1 }, { name: "r2", terms: { x: 3, y: 1 }, upper: 2 }],
      variables: [{ name: "x", kind: "continuous" }, { name: "y", kind: "continuous" }],
    },
    status: "optimal",
    objective: 0.46,
  },
];
