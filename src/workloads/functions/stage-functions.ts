/** Every workload stage by the function name that traces, profiles and DAGs use. */
import { show, sluiceError, suggestionParams } from "../../errors.js";
import { kmeans } from "./kmeans.js";
import { kmeansMerge } from "./kmeans-merge.js";
import { kmeansSplit } from "./kmeans-split.js";
import { qAggregate } from "./q-aggregate.js";
import { qFilter } from "./q-filter.js";
import { qJoin } from "./q-join.js";
import { qScan } from "./q-scan.js";
import { sortMap } from "./sort-map.js";
import { sortReduce } from "./sort-reduce.js";
import type { StageFunction } from "../types.js";
import { wcMap } from "./wc-map.js";
import { wcReduce } from "./wc-reduce.js";

// Params are plain data checked by each function; the registry erases their types.
export const STAGE_FUNCTIONS: Readonly<Record<string, StageFunction<any>>> = {
  "sort-map": sortMap,
  "sort-reduce": sortReduce,
  "wc-map": wcMap,
  "wc-reduce": wcReduce,
  "q-scan": qScan,
  "q-filter": qFilter,
  "q-join": qJoin,
  "q-aggregate": qAggregate,
  "kmeans-split": kmeansSplit,
  kmeans,
  "kmeans-merge": kmeansMerge,
};

export function stageFunction(name: string): StageFunction<unknown> {
  const fn = Object.prototype.hasOwnProperty.call(STAGE_FUNCTIONS, name) ? STAGE_FUNCTIONS[name] : undefined;
  if (fn === undefined) throw sluiceError("workloads.unknownFunction", { path: ["function"], actual: show(name), params: { name: show(name), ...suggestionParams(name, Object.keys(STAGE_FUNCTIONS)) } });
  return fn;
}
