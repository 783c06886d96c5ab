/**
 * The shipped apps as chains of stages: which function runs, with which params, and the pattern of
 * the edge from the previous stage. Roots run as one instance on the whole generated input; a
 * root's fanout (its output count) sets the next stage's instance count.
 */
import { show, sluiceError, suggestionParams } from "../errors.js";
import type { Pattern } from "../dag/types.js";
import { generatePoints } from "./inputs/gen-points.js";
import { generateSortRecords } from "./inputs/gen-sort-records.js";
import { generateDimensionTable, generateFactTable } from "./inputs/gen-tables.js";
import { generateText } from "./inputs/gen-text.js";
import { DEFAULT_KMEANS } from "./functions/kmeans.js";
import { DEFAULT_PARTITION_UNIT_BYTES } from "./partition-count.js";
import { DEFAULT_FILTER } from "./functions/q-filter.js";

export interface AppStage {
  readonly function: string;
  readonly params: unknown;
  /** Pattern of the edge from the previous stage (absent for the root). */
  readonly inputPattern?: Pattern;
}

export interface AppDefinition {
  readonly app: string;
  readonly stages: readonly AppStage[];
  /** The root input of about `inputBytes` bytes (exact or floored to whole records). */
  generate(inputBytes: number, seed: number): Uint8Array;
}

const PRODUCT_COUNT = 5000;

/** The apps; `partitionUnitBytes` sets how finely roots split their input (tests use small values). */
export function buildApps(partitionUnitBytes = DEFAULT_PARTITION_UNIT_BYTES): readonly AppDefinition[] {
  const split = { partitionUnitBytes };
  return [
    {
      app: "mapreduce-sort",
      stages: [
        { function: "sort-map", params: split },
        { function: "sort-reduce", params: {}, inputPattern: "shuffle" },
      ],
      generate: generateSortRecords,
    },
    {
      app: "wordcount",
      stages: [
        { function: "wc-map", params: split },
        { function: "wc-reduce", params: {}, inputPattern: "shuffle" },
      ],
      generate: (inputBytes, seed) => generateText(inputBytes, seed),
    },
    {
      app: "query",
      stages: [
        { function: "q-scan", params: split },
        { function: "q-filter", params: DEFAULT_FILTER, inputPattern: "scatter" },
        { function: "q-join", params: { dimension: generateDimensionTable(PRODUCT_COUNT, 7) }, inputPattern: "one-to-one" },
        { function: "q-aggregate", params: {}, inputPattern: "gather" },
      ],
      generate: (inputBytes, seed) => generateFactTable(inputBytes, seed, PRODUCT_COUNT),
    },
    {
      app: "kmeans",
      stages: [
        { function: "kmeans-split", params: split },
        { function: "kmeans", params: DEFAULT_KMEANS, inputPattern: "scatter" },
        { function: "kmeans-merge", params: DEFAULT_KMEANS, inputPattern: "gather" },
      ],
      generate: (inputBytes, seed) => generatePoints(inputBytes, seed),
    },
  ];
}

export const APPS = buildApps();

export function findApp(name: string): AppDefinition {
  const app = APPS.find((a) => a.app === name);
  if (app === undefined) throw sluiceError("workloads.unknownApp", { path: ["app"], actual: show(name), params: { name: show(name), ...suggestionParams(name, APPS.map((a) => a.app)) } });
  return app;
}
