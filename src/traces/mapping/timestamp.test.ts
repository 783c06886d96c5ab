import { describe, expect, it } from "vitest";
import { timestampSeconds } from "./timestamp.js";

const EPOCH_2024_05_01 = Date.UTC(2024, 4, 1) / 1000;

describe("timestampSeconds", () => {
  it.each([
    ["Z with milliseconds", "2024-05-01T12:00:10.023Z", 12 * 3600 + 10.023],
    ["a space and microseconds, no zone (Python str(datetime))", "2024-05-01 12:00:10.023456", 12 * 3600 + 10.023456],
    ["an offset with a colon", "2024-05-01T14:00:10+02:00", 12 * 3600 + 10],
    ["an offset without a colon", "2024-05-01T07:00:10-0500", 12 * 3600 + 10],
    ["an hour-only offset", "2024-05-01T13:00:10+01", 12 * 3600 + 10],
    ["nanoseconds (OpenTelemetry)", "2024-05-01T12:00:10.000000123Z", 12 * 3600 + 10.000000123],
    ["no seconds", "2024-05-01T12:00", 12 * 3600],
    ["a comma before the fraction (ISO 8601 allows it)", "2024-05-01T12:00:10,5Z", 12 * 3600 + 10.5],
  ])("%s", (_label, text, secondsOfDay) => {
    expect(timestampSeconds(text)).toBeCloseTo(EPOCH_2024_05_01 + secondsOfDay, 6);
  });

  it("keeps microseconds in a difference", () => {
    expect((timestampSeconds("2024-05-01T12:00:10.000250Z")! - timestampSeconds("2024-05-01T12:00:10.000000Z")!) * 1000).toBeCloseTo(0.25, 3);
  });

  it.each(["12.5", "2024-05-01", "2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T12:60:00Z", "2024-05-01T12:00:00+25:00", "yesterday", "2024-05-01T12:00:00Q", ""])("%j is not a date-time", (text) => {
    expect(timestampSeconds(text)).toBeUndefined();
  });
});
