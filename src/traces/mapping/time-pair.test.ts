import { describe, expect, it } from "vitest";
import { cellSeconds, describeTimeCells, findTimePair, timeCellsOf } from "./time-pair.js";

describe("findTimePair", () => {
  it.each([
    [["func", "start", "end"], { start: 1, end: 2 }],
    [["startTime", "endTime", "fn"], { start: 0, end: 1 }], // camel, normalised to start_time / end_time
    [["started_at", "finished_at"], { start: 0, end: 1 }],
    [["request.end", "request.begin"], { start: 1, end: 0 }], // the pair in either order
    [["t_start", "t_stop"], { start: 0, end: 1 }],
    [["invocation-start-ts", "invocation-end-ts"], { start: 0, end: 1 }],
  ])("pairs %j", (header, pair) => {
    expect(findTimePair(header)).toEqual(pair);
  });

  it.each([[["start", "finish_time"]], [["start_time", "end_date_x"]], [["start"]], [["begin_bytes", "input"]], [["restart", "resend"]], [["range_start", "range_end"]], [["byteStart", "byteEnd"]]])("finds no pair in %j (names must differ in the one word)", (header) => {
    expect(findTimePair(header)).toBeUndefined();
  });
});

describe("timeCellsOf: the unit the pair's cells are in", () => {
  const pair = { start: 0, end: 1 };
  it.each([
    [[["1700000000.5", "1700000000.75"]], "epoch s"],
    [[["1700000000500", "1700000000750"]], "epoch ms"],
    [[["1700000000500000", "1700000000750000"]], "epoch µs"],
    [[["1700000000500000000", "1700000000750000000"]], "epoch ns"],
    [[["2024-05-01T12:00:10.023Z", "2024-05-01T12:00:10.523Z"]], "ISO 8601"],
    [[["", ""], ["1700000000", "1700000001"]], "epoch s"], // empty cells are passed over
    [[["soon", "1700000001"]], "epoch s"], // and text that is no time (the row's bad cell)
  ])("%j reads as %s", (sample, described) => {
    const cells = timeCellsOf(pair, sample);
    expect(cells === undefined ? undefined : describeTimeCells(cells)).toBe(described);
  });

  it.each([
    [[["0.0", "0.082"]]], // offsets from a run's start: no unit to read
    [[["1700000000", "1700000000500"]]], // two magnitudes
    [[["2024-05-01T12:00:10Z", "1714564810"]]], // text and a number
    [[["soon", "later"]]], // no time at all
    [[["90000000", "95000000"]]], // 1972 in seconds, and no epoch of 2000–2099 in ms, µs or ns either
    [[["", ""]]],
    [[]],
  ])("%j has no unit", (sample) => {
    expect(timeCellsOf(pair, sample)).toBeUndefined();
  });

  it("reads a cell in seconds as the cells say", () => {
    expect(cellSeconds("1700000000250", { secondsPerUnit: 1e-3 })).toBeCloseTo(1_700_000_000.25, 6);
    expect(cellSeconds("2024-05-01T12:00:10.5Z", "iso")).toBe(Date.UTC(2024, 4, 1, 12, 0, 10) / 1000 + 0.5);
    expect(cellSeconds("", "iso")).toBeUndefined();
    expect(cellSeconds("12:00", "iso")).toBeUndefined();
    expect(cellSeconds("2024-05-01T12:00:10Z", { secondsPerUnit: 1 })).toBeUndefined();
  });
});
