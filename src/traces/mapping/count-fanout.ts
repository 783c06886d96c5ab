/**
 * Fanout counted from the trace itself: in each workflow run, a function's fanout is the number of
 * invocations of its next stage (the largest count when it feeds several), and it belongs to the
 * stage's total input in that run (the sum of its invocations' inputs), which is what a profile's
 * fanout law is a function of. One value per (function, run), on the run's first invocation; the
 * other invocations are counted as "counted once per run". A function with no next stage is a sink:
 * fanout 1. A name in `next` that never appears in the trace is an issue (a typo would otherwise
 * silently count zeros).
 */
import { issue, show, suggestionParams, type Issue } from "../../errors.js";
import { mappingRef, type MappingOrigin } from "./mapping-labels.js";
import type { TraceTable } from "../trace-table.js";

interface RunStat {
  count: number;
  inputBytes: number;
  firstRow: number;
}

export function countFanoutPerRun(table: TraceTable, next: ReadonlyMap<string, readonly string[]>, origin: MappingOrigin = "api"): Issue[] {
  const issues: Issue[] = [];
  for (const [fn, targets] of next) {
    for (const name of [fn, ...targets]) {
      if (!table.functions.has(name)) issues.push(issue("columns.unknownNextFunction", { path: [mappingRef(origin, { kind: "next", fn })], actual: show(name), params: { name: show(name), ...suggestionParams(name, [...table.functions.keys()].sort()) } }));
    }
  }
  if (issues.length > 0) return issues;
  const stats = new Map<string, Map<number, RunStat>>();
  for (const [name, g] of table.functions) {
    const perRun = new Map<number, RunStat>();
    const input = g.columns.inputBytes;
    for (let i = 0; i < g.runs.length; i++) {
      const run = g.runs.get(i);
      if (run < 0) continue;
      const s = perRun.get(run);
      if (s === undefined) perRun.set(run, { count: 1, inputBytes: input.get(i), firstRow: i });
      else {
        s.count++;
        s.inputBytes += input.get(i);
      }
    }
    stats.set(name, perRun);
  }
  for (const [name, g] of table.functions) {
    const perRun = stats.get(name)!;
    const nexts = next.get(name) ?? [];
    for (let i = 0; i < g.runs.length; i++) {
      const run = g.runs.get(i);
      if (run < 0) {
        table.skip("fanout", "no run id");
        continue;
      }
      const s = perRun.get(run)!;
      if (s.firstRow !== i) {
        table.skip("fanout", "counted once per run");
        continue;
      }
      const count = nexts.length === 0 ? 1 : Math.max(...nexts.map((n) => stats.get(n)?.get(run)?.count ?? 0));
      if (count === 0) {
        table.skip("fanout", "no next-stage invocation in the run");
        continue;
      }
      g.columns.fanout.set(i, count);
      g.columns.stageInputBytes.set(i, s.inputBytes);
      table.accounts.fanout.used++;
    }
  }
  return [];
}
