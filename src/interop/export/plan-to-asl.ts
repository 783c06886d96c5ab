/**
 * A plan as an AWS Step Functions state machine. Stages run level by level (a level is every
 * stage whose longest path from a root has the same length; several stages of one level run in
 * a Parallel state), a stage of n > 1 instances as a Map of n items (an inline Map over
 * `States.ArrayRange` up to 1,000 items, a distributed Map reading an item manifest from the
 * bucket beyond). Each Lambda invocation carries its stage's route under `Payload.sluice`: the
 * plan's decisions for its inputs, its output and its VMs; the state machine's own payload stays
 * small (`ResultPath: null`), since data moves where the plan says.
 * Pre: `plan` was made for `dag`. Post: a definition `asl-validator` accepts.
 */
import type { DagInput } from "../../dag/schema.js";
import type { Plan } from "../../plan/types.js";
import { formatBytes } from "../../units/size.js";
import { stageRoutes, type ExportLocations, type StageRoute } from "./stage-routes.js";

export interface AslExportOptions extends Partial<ExportLocations> {
  /** FunctionName per Sluice function name (an ARN, a name, or a `${placeholder}`); default the function name. */
  readonly functionNames?: Readonly<Record<string, string>>;
}

/** The largest inline Map this export writes; States.ArrayRange makes at most 1,000 items. */
export const INLINE_MAP_MAX_ITEMS = 1000;

type State = Record<string, unknown>;

export function planToAsl(dag: DagInput, plan: Plan, options: AslExportOptions = {}): Record<string, unknown> {
  const where: ExportLocations = { bucket: options.bucket ?? "${SluiceBucket}", keyPrefix: options.keyPrefix ?? `sluice/${plan.dagName}/`, cacheEndpoint: options.cacheEndpoint ?? "${SluiceCacheEndpoint}" };
  const routes = new Map(stageRoutes(dag, plan, where).map((r) => [r.stage, r]));
  const fnOf = new Map(dag.stages.map((s) => [s.id, s.function]));
  const levels = levelsOf(dag, plan.placement.map((p) => p.stageId));
  const inlineItems = [...routes.values()].filter((r) => r.instances > 1 && r.instances <= INLINE_MAP_MAX_ITEMS);
  const keys = jsonPathKeys(inlineItems.map((r) => r.stage));

  const task = (route: StageRoute, inMap: boolean): State => ({
    Type: "Task",
    Resource: "arn:aws:states:::lambda:invoke",
    Parameters: {
      FunctionName: options.functionNames?.[fnOf.get(route.stage)!] ?? fnOf.get(route.stage)!,
      Payload: { sluice: route, ...(inMap ? { "instance.$": "$.instance" } : { instance: 0 }), "input.$": inMap ? "$.input" : "$" },
    },
    ResultPath: null,
  });
  const stageState = (id: string): [string, State] => {
    const route = routes.get(id)!;
    if (route.instances === 1) return [id, task(route, false)];
    const distributed = route.instances > INLINE_MAP_MAX_ITEMS;
    return [
      `${id} ×${route.instances}`,
      {
        Type: "Map",
        MaxConcurrency: route.instances,
        ...(distributed
          ? { ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "JSON" }, Parameters: { Bucket: where.bucket, Key: `${where.keyPrefix}${id}/instances.json` } } }
          : { ItemsPath: `$.sluiceInstances.${keys.get(id)!}` }),
        ItemSelector: { "instance.$": "$$.Map.Item.Value", "input.$": "$$.Execution.Input" },
        ItemProcessor: { ProcessorConfig: distributed ? { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" } : { Mode: "INLINE" }, StartAt: id, States: { [id]: { ...task(route, true), End: true } } },
        ResultPath: null,
      },
    ];
  };

  const states: [string, State][] = [];
  if (inlineItems.length > 0) {
    states.push(["Sluice instances", { Type: "Pass", Parameters: Object.fromEntries(inlineItems.map((r) => [`${keys.get(r.stage)!}.$`, `States.ArrayRange(0, ${r.instances - 1}, 1)`])), ResultPath: "$.sluiceInstances" }]);
  }
  levels.forEach((level, i) => {
    if (level.length === 1) states.push(stageState(level[0]!));
    else states.push([`Level ${i + 1}`, { Type: "Parallel", Branches: level.map((id) => { const [name, s] = stageState(id); return { StartAt: name, States: { [name]: { ...s, End: true } } }; }), ResultPath: null }]);
  });
  states.forEach(([, s], i) => {
    if (i + 1 < states.length) s.Next = states[i + 1]![0];
    else s.End = true;
  });
  const p = plan.predicted;
  return {
    Comment: `Sluice plan for ${plan.dagName} at ${formatBytes(plan.inputBytes)}: makespan ${p.makespanMs.toFixed(0)} ms, $${p.costUsd.toPrecision(4)} (solver ${plan.solver.name}, ${plan.solver.status})`,
    StartAt: states[0]![0],
    States: Object.fromEntries(states),
  };
}

/** Keys usable in a JSONPath (`$.sluiceInstances.<key>`): each stage id with other characters as `_`, numbered when two collide. */
function jsonPathKeys(ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const id of ids) {
    const base = `s_${id.replace(/[^A-Za-z0-9_]/g, "_")}`;
    let key = base;
    for (let i = 2; used.has(key); i++) key = `${base}_${i}`;
    used.add(key);
    out.set(id, key);
  }
  return out;
}

/** Stage ids grouped by the length of their longest path from a root, each level in `order`. */
function levelsOf(dag: DagInput, order: readonly string[]): string[][] {
  const depth = new Map<string, number>(order.map((id) => [id, 0]));
  // Longest-path depths by relaxation: at most |stages| rounds on an acyclic graph.
  for (let round = 0, changed = true; changed && round <= order.length; round++) {
    changed = false;
    for (const e of dag.edges ?? []) {
      const d = (depth.get(e.from) ?? 0) + 1;
      if (d > (depth.get(e.to) ?? 0)) (depth.set(e.to, d), (changed = true));
    }
  }
  const levels: string[][] = [];
  for (const id of order) (levels[depth.get(id)!] ??= []).push(id);
  return levels.filter((l) => l.length > 0);
}
