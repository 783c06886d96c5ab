/**
 * The walk from a flow graph to a Sluice DAG and its import report. Per scope, in topological
 * order: a stage node becomes a stage fed by every stage whose output reaches it; pass-through
 * and choice nodes hand their inputs on; a Fail ends a path; a Parallel walks every branch from
 * the same inputs; a Map walks its body at `instances × fanout` (fanout from a hint, the
 * document's MaxConcurrency, or the stated default); a loop multiplies its stages' repeat count.
 * Pre: `checkFlow` found no issue. Post: a DAG `validateDag` accepts.
 */
import type { DagInput } from "../../dag/schema.js";
import { formatJsonPath, type ImportFormat, type ImportReport, type ReportedItem, type ReportedLoop } from "../import-report.js";
import { DEFAULT_FANOUT, DEFAULT_REPEAT, MAX_STAGE_INSTANCES, type ImportHints } from "../hints.js";
import { DagRecords, type FrontierItem } from "./dag-records.js";
import type { Count, CountSource, FlowScope, FlowWorkflow } from "./flow-graph.js";
import { analyseScope } from "./scope-graph.js";
import { countFor, weaker } from "./counts.js";
import { unreachableNodes } from "./unreachable-nodes.js";

interface WalkContext {
  readonly incoming: readonly FrontierItem[];
  readonly instances: number;
  readonly instancesSource: CountSource | "enclosing" | "document";
  readonly repeat: number;
  readonly repeatSource?: CountSource;
  readonly conditional: boolean;
  readonly labels: readonly string[];
}

export interface BuiltDag {
  readonly dag: DagInput;
  readonly report: ImportReport;
}

export function buildDag(flow: FlowWorkflow, format: ImportFormat, source: string, hints: ImportHints = {}): BuiltDag {
  const records = new DagRecords();
  const loops: ReportedLoop[] = [];
  const dropped: ReportedItem[] = flow.dropped.map((d) => ({ path: formatJsonPath(d.path), what: d.what, reason: d.reason }));
  const defaults: string[] = [];
  const defaultFanout = hints.defaultFanout ?? DEFAULT_FANOUT;
  const defaultRepeat = hints.defaultRepeat ?? DEFAULT_REPEAT;


  function walk(scope: FlowScope, ctx: WalkContext): FrontierItem[] {
    const g = analyseScope(scope);
    dropped.push(...unreachableNodes(scope, g.reachable));
    const loopRepeat = new Map<string, Count>();
    for (const loop of g.loops) {
      const c = countFor(loop.nodes, hints.repeat, undefined, "", defaultRepeat);
      for (const n of loop.nodes) loopRepeat.set(n, c);
      const stageNames = loop.nodes.filter((n) => scope.nodes.get(n)!.type !== "pass" && scope.nodes.get(n)!.type !== "choice");
      loops.push({ states: loop.nodes, via: loop.via ?? loop.backEdge.from, repeat: c.value, repeatSource: c.source, stages: stageNames });
      if (c.source === "default") defaults.push(`loop ${loop.nodes.join(" -> ")} (closed by ${loop.via}): runs ${c.value} time${c.value === 1 ? "" : "s"} (default; a repeat hint on any of its states raises it)`);
    }
    const out = new Map<string, FrontierItem[]>();
    for (const name of g.order) {
      const node = scope.nodes.get(name)!;
      const seen = new Set<string>();
      const input: FrontierItem[] = [];
      for (const item of [...(name === scope.start ? ctx.incoming : []), ...g.predecessors.get(name)!.flatMap((p) => out.get(p)!)]) {
        if (seen.has(item.stageId)) continue;
        seen.add(item.stageId);
        input.push(item);
      }
      const lr = loopRepeat.get(name);
      const here: WalkContext = {
        ...ctx,
        incoming: input,
        conditional: ctx.conditional || g.conditional.has(name),
        repeat: ctx.repeat * (lr?.value ?? 1),
        ...(lr !== undefined ? { repeatSource: weaker(ctx.repeatSource, lr.source) } : {}),
        labels: [...ctx.labels, name],
      };
      switch (node.type) {
        case "pass":
        case "choice":
          out.set(name, input);
          break;
        case "fail":
          out.set(name, []);
          break;
        case "stage": {
          const id = records.uniqueId(node.stage.declared?.stage ?? name, ctx.labels);
          if (node.stage.declared !== undefined) records.declare(id, node.stage.declared);
          const own = node.stage.repeat;
          if (own?.source === "default") defaults.push(`${id}: runs ${own.value} time${own.value === 1 ? "" : "s"} in sequence (default item count; a repeat hint on ${name} sets it)`);
          const repeatSource = own === undefined ? here.repeatSource : weaker(here.repeatSource, own.source);
          records.addStage(
            {
              id,
              function: node.stage.function,
              kind: node.stage.kind,
              path: formatJsonPath(node.path),
              instances: ctx.instances,
              instancesSource: ctx.instancesSource === "document" && ctx.instances === 1 ? "document" : ctx.instancesSource,
              repeat: here.repeat * (own?.value ?? 1),
              ...(repeatSource !== undefined ? { repeatSource } : {}),
              conditional: here.conditional,
              notes: node.stage.notes ?? [],
            },
            node.stage.readsObjectStore === true,
          );
          for (const item of input) records.connect(item, id);
          out.set(name, [{ stageId: id, carrier: node.stage.writesObjectStore === true ? "object-store" : "inline", why: node.stage.writesObjectStore === true ? `${id} writes its output to the object store` : "passed in the orchestrator's payload" }]);
          break;
        }
        case "parallel": {
          const merged = new Map<string, FrontierItem>();
          node.branches.forEach((b) => {
            for (const item of walk(b, here)) merged.set(item.stageId, item);
          });
          out.set(name, [...merged.values()]);
          break;
        }
        case "map": {
          const bound = node.maxConcurrency !== undefined && node.maxConcurrency > 0 ? node.maxConcurrency : undefined;
          const c = countFor([name], hints.fanout, bound, "MaxConcurrency", defaultFanout);
          if (c.source === "default") defaults.push(`${name}: ${c.value} parallel items (default fanout; ${node.maxConcurrency === 0 ? "MaxConcurrency 0 is unbounded; " : ""}a fanout hint on ${name} sets it)`);
          const entering = node.itemsFromObjectStore === undefined ? input : input.map((i) => ({ ...i, carrier: "object-store" as const, why: `${name} reads its items from the object store (${node.itemsFromObjectStore})` }));
          let instances = ctx.instances * c.value;
          if (instances > MAX_STAGE_INSTANCES) {
            defaults.push(`${name}: ${ctx.instances} × ${c.value} instances capped at ${MAX_STAGE_INSTANCES} (the most child executions a distributed Map runs at once)`);
            instances = MAX_STAGE_INSTANCES;
          }
          const body = walk(node.body, { ...here, incoming: entering, instances, instancesSource: c.source });
          out.set(name, node.resultsToObjectStore === undefined ? body : body.map((i) => ({ ...i, carrier: "object-store" as const, why: `${name} writes its results to the object store (${node.resultsToObjectStore})` })));
          break;
        }
        case "loop": {
          const c = countFor([name], hints.repeat, undefined, "", node.iterates === "items" ? defaultFanout : defaultRepeat);
          if (c.source === "default") defaults.push(`${name}: loop body runs ${c.value} time${c.value === 1 ? "" : "s"} (default ${node.iterates === "items" ? "item count" : "loop count"}${node.maxIterations !== undefined ? `; at most ${node.maxIterations}` : ""}; a repeat hint on ${name} sets it)`);
          const before = records.stages.length;
          const body = walk(node.body, { ...here, repeat: here.repeat * c.value, repeatSource: weaker(here.repeatSource, c.source) });
          loops.push({ states: [name], via: name, repeat: c.value, repeatSource: c.source, stages: records.stages.slice(before).map((s) => s.id) });
          out.set(name, body);
          break;
        }
      }
    }
    const ends = g.terminals;
    const merged = new Map<string, FrontierItem>();
    for (const n of ends) for (const item of out.get(n)!) merged.set(item.stageId, item);
    return [...merged.values()];
  }

  walk(flow.root, { incoming: [], instances: 1, instancesSource: "document", repeat: 1, conditional: false, labels: [] });
  const notes = [...flow.notes];
  if (records.useDeclaredEdges()) notes.push("a state machine exported by Sluice: data edges, patterns and repeat counts read from the routes its tasks carry (Payload.sluice), not from its level-by-level control flow");
  if (records.stages.length === 0) {
    records.addStage({ id: flow.name, function: flow.name, kind: "workflow", path: "$", instances: 1, instancesSource: "document", repeat: 1, conditional: false, notes: ["no task does work here"] }, false);
    notes.push("no state or task does work (calls a function or service); the workflow is imported as one stage");
  }
  const dag: DagInput = {
    name: flow.name,
    stages: records.stages.map((s) => {
      const fraction = records.declaredInputFraction(s.id);
      return { id: s.id, function: s.function, instances: s.instances, ...(s.repeat > 1 ? { repeat: s.repeat } : {}), ...(fraction !== undefined ? { inputFraction: fraction } : {}) };
    }),
    edges: records.edges.map((e) => ({ from: e.from, to: e.to, pattern: e.pattern })),
  };
  return { dag, report: { format, source, workflow: flow.name, stages: records.stages, edges: records.edges, loops, dropped, defaults, notes } };
}
