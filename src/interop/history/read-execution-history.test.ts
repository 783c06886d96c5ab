import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import { readExecutionHistory } from "./read-execution-history.js";

// A history as `aws stepfunctions get-execution-history` prints it: Split video → Map "Encode
// segments" (3 iterations of Encode segment) → Merge segments → Make thumbnail (its parameters
// truncated by the history).
const HISTORY = JSON.parse(readFileSync("examples/history/video-encode.execution-history.json", "utf8")) as { events: Record<string, unknown>[] };

describe("readExecutionHistory", () => {
  it("gives one row per Task state run, each Map iteration its own, with runtime, payload sizes and fanout", () => {
    const { runs, records, report } = readExecutionHistory(HISTORY, "h.json", { app: "video" });
    expect(runs.map((r) => [r.state, r.function, r.iteration ?? null, r.endMs - r.startMs, r.inputBytes, r.outputBytes, r.fanout])).toEqual([
      // TaskStarted 09:30:00.052 → TaskSucceeded .864 = 812 ms; the Payload {"bucket":"media-in","key":"videos/talk.mp4"} is 45 bytes;
      // the returned Payload (three segment keys) 50 bytes; the Map after it starts with length 3.
      ["Split video", "split-video", null, 812, 45, 50, 3],
      // Iterations 0–2 ran 1510, 1720 and 1390 ms between their TaskStarted and TaskSucceeded.
      ["Encode segment", "encode-segment", 0, 1510, 44, 39, 1],
      ["Encode segment", "encode-segment", 1, 1720, 44, 39, 1],
      ["Encode segment", "encode-segment", 2, 1390, 44, 39, 1],
      // After the Map: no iteration of its own.
      ["Merge segments", "merge-segments", null, 640, 47, 24, 1],
    ]);
    expect(records[0]).toEqual({ app: "video", function: "split-video", inputBytes: 45, runtimeMs: 812, outputBytes: 50, fanout: 3 });
    expect(report).toMatchObject({ rowsRead: 6, rowsKept: 5 });
    expect(report.skipped).toEqual([expect.objectContaining({ path: ["h.json", "event 37", "Make thumbnail"], actual: "truncated" })]);
  });

  it("reads epoch-second timestamps (the API's form) the same as ISO ones (the CLI's)", () => {
    const epoch = { events: HISTORY.events.map((e) => ({ ...e, timestamp: Date.parse(e.timestamp as string) / 1000 })) };
    expect(readExecutionHistory(epoch, "h.json").records).toEqual(readExecutionHistory(HISTORY, "h.json").records);
  });

  it("skips a failed task and says why", () => {
    const events = HISTORY.events.map((e) => (e.type === "TaskSucceeded" && e.id === 5 ? { ...e, type: "TaskFailed", taskFailedEventDetails: { error: "Lambda.Unknown" } } : e));
    const { records, report } = readExecutionHistory({ events }, "h.json");
    expect(records.map((r) => r.function)).not.toContain("split-video");
    expect(report.skipped[0]?.message).toBe("the task failed");
  });

  it.each([
    ["no events list", { items: [] }, ["h.json", "events"]],
    ["an event without its type", { events: [{ id: 1, timestamp: "2025-01-01T00:00:00Z" }] }, ["h.json", "events", 0, "type"]],
    ["an unreadable timestamp", { events: [{ id: 1, type: "ExecutionStarted", timestamp: "yesterday" }] }, ["h.json", "events", 0, "timestamp"]],
  ])("rejects %s, naming where", (_what, doc, path) => {
    try {
      readExecutionHistory(doc, "h.json");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).issues[0]?.path).toEqual(path);
    }
  });
});
