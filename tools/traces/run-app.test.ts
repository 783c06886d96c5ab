import { describe, expect, it } from "vitest";
import { buildApps } from "../../src/workloads/apps.js";
import { measureInvocation } from "./measure-invocation.js";
import { runApp, type Invoke } from "./run-app.js";
import { formatTraceCsv, TRACE_HEADER } from "../../src/workloads/trace-row.js";

/** Runs invocations in-process; the first invocation of each function counts as cold. */
function inProcessInvoke(): Invoke {
  const seen = new Set<string>();
  return async (fn, input, params) => {
    const cold = !seen.has(fn);
    seen.add(fn);
    return { ...measureInvocation(fn, input, params), cold };
  };
}

describe("runApp (in-process, tiny sizes)", () => {
  // 40 KiB roots at a 3 KiB unit: the root's fanout is ⌈√(40960 / 3072)⌉ = ⌈√13.3⌉ = ⌈3.65⌉ = 4.
  const apps = buildApps(3 * 1024);

  it.each(apps.map((a) => [a.app, a] as const))("%s: one valid row per invocation, real sizes passed downstream", async (_name, app) => {
    const rows = await runApp(app, 40 * 1024, inProcessInvoke(), { seed: 1 });
    const root = rows[0]!;
    expect(root.function).toBe(app.stages[0]!.function);
    expect(root.fanout).toBe(4);
    const byStage = app.stages.map((s) => rows.filter((r) => r.function === s.function));
    expect(byStage[1]).toHaveLength(4); // the root's 4 outputs → 4 next-stage instances
    expect(byStage[1]!.reduce((s, r) => s + r.inputBytes, 0)).toBe(root.outputBytes);
    for (const r of rows) {
      expect(r.app).toBe(app.app);
      expect(r.memoryMb).toBeGreaterThanOrEqual(r.inputBytes / 1048576 - 1e-3);
      expect(Number.isFinite(r.runtimeMs)).toBe(true);
    }
    expect(byStage.map((s) => s[0]!.cold)).toEqual(app.stages.map(() => true));
    expect(rows.filter((r) => r.cold)).toHaveLength(app.stages.length);
    const lines = formatTraceCsv(rows).trim().split("\n");
    expect(lines).toHaveLength(rows.length + 1);
    for (const line of lines) expect(line.split(",")).toHaveLength(TRACE_HEADER.length);
  });

  it("is deterministic in everything but time and memory", async () => {
    const strip = (rows: Awaited<ReturnType<typeof runApp>>) => rows.map(({ runtimeMs: _r, memoryMb: _m, ...rest }) => rest);
    const app = apps[1]!;
    expect(strip(await runApp(app, 20_000, inProcessInvoke(), { seed: 3 }))).toEqual(strip(await runApp(app, 20_000, inProcessInvoke(), { seed: 3 })));
  });
});
