import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import { codeOf } from "../../errors.js";
import { workflowTraceCsv } from "../../../test/support/workflow-traces.js";
import { rejectedInputError } from "../../../test/support/input-error.js";
import { parseCsvTraces } from "../parse-csv-traces.js";
import { SAMPLE_ROWS } from "./sample-units.js";

/** Rows of `func,start,end,<duration column>` at epoch seconds `t0`, each `ms` long, the duration written in `perMs` units. */
function timed(durationHeader: string, perMs: number, rows: readonly number[], t0 = 1.7e9): string {
  const lines = [`func,input_bytes,start,end,${durationHeader}`];
  rows.forEach((ms, i) => lines.push(`f,${1000 * (i + 1)},${(t0 + i).toFixed(6)},${(t0 + i + ms / 1000).toFixed(6)},${ms * perMs}`));
  return lines.join("\n") + "\n";
}

describe("a duration column named without a unit, beside a start and an end time", () => {
  it("published workflow traces: provider.execution_duration in µs is read as µs, not as 1000× the runtime", async () => {
    const { records, report } = await parseCsvTraces(workflowTraceCsv({ runs: 4, sizesMb: [16], noise: 0.03 }), { file: "wf.csv" });
    expect(report.columns).toContain("runtimeMs←provider.execution_duration in µs, as end − start (epoch s) shows ×0.001");
    // split at 16 MB: 50 + 2·16 = 82 ms ± 3% (the generator's noise)
    for (const r of records.filter((x) => x.function === "split")) expect(r.runtimeMs).toBeGreaterThan(82 * 0.96), expect(r.runtimeMs).toBeLessThan(82 * 1.04);
  });

  it.each([
    ["duration", 1 / 1000, "s", 1000], // 0.082 → 82 ms
    ["duration", 1, undefined, 1], // already ms: unchanged, no note
    ["duration", 1e6, "ns", 1e-6],
    ["elapsed", 1000, "µs", 1e-3],
  ])("%s written at %d per ms reads as %s", async (header, perMs, unit, factor) => {
    const { records, report } = await parseCsvTraces(timed(header, perMs, [82, 90, 75]));
    expect(records.map((r) => r.runtimeMs)).toEqual([82, 90, 75].map((ms) => expect.closeTo(ms, 6)));
    // settled by the pair either way: no unit is left assumed, and no hint asks for one
    if (unit === undefined) expect(report.columns).toMatch(new RegExp(`runtimeMs←${header}$`));
    else expect(report.columns).toContain(`runtimeMs←${header} in ${unit}, as end − start (epoch s) shows ×${factor}`);
    expect(report.hints).toBeUndefined();
  });

  it("keeps ms where the ratio names no unit (a duration 10× end − start is no unit mistake to correct)", async () => {
    const { records, report } = await parseCsvTraces(timed("duration", 10, [82, 90, 75]));
    expect(records[0]!.runtimeMs).toBe(820);
    expect(report.columns).toMatch(/runtimeMs←duration \(ms assumed: no unit in the name\)$/);
  });

  it("a unit in the header's suffix, or one the caller mapped, is never second-guessed", async () => {
    const suffixed = await parseCsvTraces(timed("duration_ms", 1000, [82]));
    expect(suffixed.records[0]!.runtimeMs).toBe(82_000);
    const mapped = await parseCsvTraces(timed("duration", 1000, [82]), { columns: { runtimeMs: "duration" } });
    expect(mapped.records[0]!.runtimeMs).toBe(82_000);
    expect(mapped.report.columns).toContain("runtimeMs←duration (ms assumed: no unit in the name)"); // read as mapped, and said to be a guess
    // mapped without a unit where the pair agrees with ms: read as mapped, and nothing said to be assumed
    const agreed = await parseCsvTraces(timed("duration", 1, [82]), { columns: { runtimeMs: "duration" } });
    expect(agreed.records[0]!.runtimeMs).toBe(82);
    expect(agreed.report.columns).toMatch(/runtimeMs←duration$/);
    expect(agreed.report.hints).toBeUndefined();
  });

  it("reads past the sample: every row after the first SAMPLE_ROWS in the unit the sample settled, in file order", async () => {
    const n = SAMPLE_ROWS * 2 + 7;
    const ms = Array.from({ length: n }, (_, i) => 10 + (i % 13));
    const { records } = await parseCsvTraces(timed("duration", 1000, ms));
    expect(records.map((r) => r.runtimeMs)).toEqual(ms.map((m) => expect.closeTo(m, 6)));
    expect(records.map((r) => r.inputBytes)).toEqual(ms.map((_, i) => 1000 * (i + 1)));
  });
});

describe("the runtime from a start and an end time when no column gives it", () => {
  it.each([
    ["epoch s", (t: number) => t.toFixed(6)],
    ["epoch ms", (t: number) => (t * 1e3).toFixed(3)],
    ["epoch ns", (t: number) => String(BigInt(Math.round(t * 1e6)) * 1000n)],
    ["ISO 8601", (t: number) => new Date(t * 1000).toISOString()],
  ])("%s", async (described, write) => {
    const t = 1.7e9 + 0.25;
    const csv = `fn,input_bytes,start_time,end_time\nf,100,${write(t)},${write(t + 0.125)}\n`;
    const { records, report } = await parseCsvTraces(csv);
    expect(records[0]!.runtimeMs).toBeCloseTo(125, 3);
    expect(report.columns).toContain(`runtimeMs←end_time − start_time (${described}) ×1000`);
  });

  it("times that are no epoch (offsets from a run's start) leave the runtime to an expression, as before", async () => {
    const { records, report } = await parseCsvTraces("fn,input_bytes,start,end,output_bytes\nf,100,0.0,0.125,5\n");
    expect(records[0]!.runtimeMs).toBeUndefined();
    expect(report.targets.runtimeMs.skipped).toEqual({ "no column": 1 });
  });

  it("a time cell that is no time is a bad cell naming its column; a negative span a skip", async () => {
    const csv = "fn,input_bytes,start,end\nf,100,1700000000,1700000000.5\nf,200,1700000001,soon\nf,300,1700000002,1700000001\n";
    const err = await rejectedInputError(() => parseCsvTraces(csv, { file: "t.csv" }));
    expect(err.issues[0]!.code).toBe(codeOf("traces.badCell"));
    expect(err.issues[0]).toMatchObject({ path: ["t.csv", "line 3", "end"], expected: "a time (epoch s)", actual: '"soon"' });
    const { records, report } = await parseCsvTraces(csv, { onInvalid: "skip" });
    expect(records.map((r) => r.runtimeMs)).toEqual([500, undefined, undefined]);
    expect(report.targets.runtimeMs.skipped).toEqual({ "not a number": 1, negative: 1 });
  });
});

describe("a runtime or memory no invocation has is a unit mistake, raised before training", () => {
  it("peak memory in bytes under a bare name: SLU5018 naming the column, the median and the fix (API and CLI words)", async () => {
    const csv = "fn,input_bytes,max_mem_used\nf,100,134217728\nf,200,268435456\n";
    const api = await rejectedInputError(() => parseCsvTraces(csv, { file: "m.csv" }));
    expect(api.issues[0]!.code).toBe(codeOf("columns.implausibleValue"));
    expect(api.issues[0]).toMatchObject({ path: ["m.csv", "header", "max_mem_used"], actual: "2.013e+8 over the first 2 rows" });
    expect(api.message).toContain('columns.memoryMb: { column: "max_mem_used", unit: "B" }');
    // beside a setting it fits (98.5 of 1024 MB), the peak's MB is borne out: said to be assumed no longer, and no hint
    const fits = await parseCsvTraces("fn,input_bytes,max_mem_used,billing.mem\nf,100,98.5,1024\n", { file: "m.csv" });
    expect(fits.report.columns).toContain("memoryMb←max_mem_used,");
    expect(fits.report.hints).toBeUndefined();
    // one row: counted in the singular
    const one = await rejectedInputError(() => parseCsvTraces("fn,input_bytes,max_mem_used\nf,100,134217728\n", { file: "m.csv" }));
    expect(one.issues[0]!.actual).toBe("1.342e+8 over the first 1 row");
    const cli = await rejectedInputError(() => parseCsvTraces(csv, { file: "m.csv", origin: "cli" }));
    expect(cli.message).toContain("--column memoryMb=max_mem_used:B");
    // with the unit given it reads: 128 and 256 MB
    const { records } = await parseCsvTraces(csv, { columns: { memoryMb: { column: "max_mem_used", unit: "B" } } });
    expect(records.map((r) => r.memoryMb)).toEqual([128, 256]);
  });

  it("a runtime of epoch milliseconds under a duration's name (over a day) is raised too; a derived one names --derive", async () => {
    const csv = "fn,input_bytes,duration\nf,100,1700000000000\n";
    const err = await rejectedInputError(() => parseCsvTraces(csv, { origin: "cli" }));
    expect(err.issues[0]!.code).toBe(codeOf("columns.implausibleValue"));
    const expr = await rejectedInputError(() => parseCsvTraces(csv, { origin: "cli", columns: { runtimeMs: { expr: "duration * 2" } } }));
    expect(expr.message).toContain("--derive runtimeMs=duration * 2:us");
  });

  it("a peak over the configured memory beside it: max_mem_used in KB (130,000 read as MB) is raised, naming the setting's column", async () => {
    const csv = "fn,input_bytes,max_mem_used,billing.mem\nf,100,130000,1024\nf,200,150000,1024\nf,300,0,1024\n";
    const err = await rejectedInputError(() => parseCsvTraces(csv, { file: "k.csv", origin: "cli" }));
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]).toMatchObject({ code: codeOf("columns.implausibleValue"), path: ["k.csv", "header", "max_mem_used"], expected: "a peak at most the configured memory (billing.mem)", actual: "a median of 137× it over the first 2 rows" });
    expect(err.message).toContain("--column memoryMb=max_mem_used:KB");
    // (130000 / 1024 and 150000 / 1024: median 137×; the row of 0 MB is no ratio.) In KB it reads 1.3e8 B / 2^20 = 124
    // and 143 MB, under the 1024 MB setting.
    const { records } = await parseCsvTraces(csv, { columns: { memoryMb: { column: "max_mem_used", unit: "KB" } } });
    expect(records.map((r) => r.memoryMb)).toEqual([expect.closeTo(123.98, 2), expect.closeTo(143.05, 2), 0]);
  });

  it("a memory setting in bytes is raised as the peak would be; a peak at or under its setting passes", async () => {
    const bytes = await rejectedInputError(() => parseCsvTraces("fn,input_bytes,memory_mb,memory_size\nf,1,100,1073741824\n"));
    expect(bytes.issues[0]).toMatchObject({ code: codeOf("columns.implausibleValue"), path: ["traces.csv", "header", "memory_size"] });
    const fine = await parseCsvTraces("fn,input_bytes,max_mem_used,memory_size\nf,1,1000,1024\nf,2,1100,1024\n"); // a little over: Lambda's MB rounding
    expect(fine.records).toHaveLength(2);
    // a unit the file or the caller gives is kept: a setting that is a request, not a limit (Kubernetes), may be outgrown
    const request = "fn,input_bytes,max_rss,memory_size\nf,1,300,128\n";
    expect((await rejectedInputError(() => parseCsvTraces(request))).issues[0]!.code).toBe(codeOf("columns.implausibleValue"));
    expect((await parseCsvTraces(request.replace("max_rss", "max_rss_mb"))).records[0]!.memoryMb).toBe(300);
    expect((await parseCsvTraces(request, { columns: { memoryMb: { column: "max_rss", unit: "MB" } } })).records[0]!.memoryMb).toBe(300);
  });

  it("is judged on the rows the --where filter keeps: summary lines it leaves out do not count", async () => {
    const csv = "kind,fn,input_bytes,memory\n" + ["summary,all,1,5e9", "summary,all,1,6e9", "summary,all,1,7e9", "invocation,f,100,128", "invocation,f,200,256"].join("\n") + "\n";
    expect((await rejectedInputError(() => parseCsvTraces(csv))).issues[0]!.code).toBe(codeOf("columns.implausibleValue"));
    const { records } = await parseCsvTraces(csv, { where: 'kind == "invocation"' });
    expect(records.map((r) => r.memoryMb)).toEqual([128, 256]);
  });

  it("a median within bounds passes, whatever a few rows hold", async () => {
    const csv = "fn,input_bytes,memory_mb\n" + ["128", "256", "9e9", "512", "300"].map((m, i) => `f,${i + 1},${m}`).join("\n") + "\n";
    const { records } = await parseCsvTraces(csv);
    expect(records).toHaveLength(5);
  });
});

describe("any cells under a start, an end and a duration (property)", () => {
  it("read as rows with finite, non-negative runtimes in ms, or a typed error; never a crash or NaN", async () => {
    const time = fc.oneof(
      fc.double({ min: 9.5e8, max: 4e9, noNaN: true }).map(String), // epoch s
      fc.double({ min: 9.5e11, max: 4e12, noNaN: true }).map((v) => String(Math.round(v))), // epoch ms
      fc.date({ min: new Date("2001-01-01"), max: new Date("2090-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.double({ min: -10, max: 1e3, noNaN: true }).map(String), // offsets
      fc.constantFrom("", "soon", "NaN", "Infinity", "-1e400", "2024-02-30T00:00:00Z"),
    );
    const duration = fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }).map(String), fc.constantFrom("", "x", "12 ms", "-5", "1e999"));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(time, time, duration), { minLength: 1, maxLength: 30 }), fc.boolean(), async (rows, withDuration) => {
        const header = withDuration ? "fn,input_bytes,start,end,duration" : "fn,input_bytes,start,end";
        const csv = [header, ...rows.map(([a, b, d]) => ["f", "10", a, b, ...(withDuration ? [d] : [])].map((c) => `"${c}"`).join(","))].join("\n") + "\n";
        try {
          const { records } = await parseCsvTraces(csv, { onInvalid: "skip" });
          for (const r of records) if (r.runtimeMs !== undefined) expect(Number.isFinite(r.runtimeMs) && r.runtimeMs >= 0).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { seed: 20261205, numRuns: 300 },
    );
  });
});
