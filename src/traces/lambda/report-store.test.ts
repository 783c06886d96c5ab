import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LambdaReport } from "./parse-lambda-report.js";
import { ReportStore } from "./report-store.js";

const figure = fc.double({ min: 0, max: 1e6, noNaN: true });
const report: fc.Arbitrary<LambdaReport> = fc.record(
  {
    requestId: fc.uuid(),
    line: fc.integer({ min: 1, max: 1e7 }),
    durationMs: figure,
    billedDurationMs: figure,
    memorySizeMb: fc.integer({ min: 128, max: 10240 }),
    maxMemoryUsedMb: figure,
    initDurationMs: figure,
    restoreDurationMs: figure,
    status: fc.constantFrom("success", "timeout", "error", "failure"),
    environment: fc.constantFrom("2024/05/01/[$LATEST]a", "2024/05/01/[$LATEST]b", "s3"),
  },
  { requiredKeys: ["requestId", "line", "durationMs", "maxMemoryUsedMb", "status"] },
);

describe("ReportStore", () => {
  it("gives every report back as it was pushed, absent fields absent (property)", () => {
    fc.assert(
      fc.property(fc.array(report, { maxLength: 200 }), (reports) => {
        const store = ReportStore.of(reports);
        expect(store.size).toBe(reports.length);
        expect([...store]).toEqual(reports);
        reports.forEach((r, i) => expect(store.requestId(i)).toBe(r.requestId));
        expect(store.hasEnvironments()).toBe(reports.some((r) => r.environment !== undefined));
      }),
      { numRuns: 200 },
    );
  });
});
