import { describe, expect, it } from "vitest";
import { codeOf, SluiceError } from "../../src/errors.js";
import { buildApps } from "../../src/workloads/apps.js";
import { measureInvocation } from "./measure-invocation.js";
import { runApp } from "./run-app.js";

// The trace collector's refusals, moved here from src/workloads/workload-errors.test.ts with the
// collector: a catalogue error (code, path, actual) instead of a plain RangeError.
describe("collector errors carry catalogue codes", () => {
  it("an unknown stage function is workloads.unknownFunction", () => {
    let err: unknown;
    try {
      measureInvocation("sort-mapp", new Uint8Array(0), {});
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SluiceError);
    expect((err as SluiceError).issues[0]).toMatchObject({ code: codeOf("workloads.unknownFunction"), path: ["function"], actual: '"sort-mapp"' });
  });

  it("an app stage after the first without an input pattern is SLU7906 naming it", async () => {
    const app = buildApps(3 * 1024)[0]!;
    const broken = { ...app, stages: app.stages.map((s, i) => (i === 1 ? { ...s, inputPattern: undefined } : s)) };
    const invoke = async (fn: string, input: Uint8Array, params: unknown) => ({ ...measureInvocation(fn, input, params), cold: false });
    await expect(runApp(broken, 40 * 1024, invoke, { seed: 1 })).rejects.toMatchObject({ code: codeOf("workloads.stageWithoutInput"), issues: [expect.objectContaining({ path: [app.app, "stages", 1, "inputPattern"] })] });
  });
});
