import { describe, expect, it } from "vitest";
import { recogniseFields } from "./header-stems.js";

const fieldOf = (header: readonly string[]) => Object.fromEntries([...recogniseFields(["runtimeMs", "memoryMb", "memorySettingMb", "cold"], header)].map(([f, m]) => [f, header[m.index]]));

describe("recogniseFields", () => {
  it.each<[string, readonly string[], Record<string, string>]>([
    // OpenWhisk activation records, annotations flattened: limits.memory is the limit (a setting), not a peak;
    // initTime is there only on a cold start (apache/openwhisk docs/annotations.md)
    ["an OpenWhisk activation", ["name", "duration", "annotations.waitTime", "annotations.limits.memory", "annotations.initTime"], { runtimeMs: "duration", memorySettingMb: "annotations.limits.memory", cold: "annotations.initTime" }],
    // a trailing stem of two words (limits_memory) before one of one word (memory), whichever column comes first
    ["a peak beside a limit", ["limits.memory", "stats.memory"], { memoryMb: "stats.memory", memorySettingMb: "limits.memory" }],
    // a whole name still wins over any trailing match
    ["whole names first", ["memory", "configured_memory", "is_cold"], { memoryMb: "memory", memorySettingMb: "configured_memory", cold: "is_cold" }],
    // an init duration is no runtime: the runtime is the duration beside it
    ["Lambda's fields in a Logs Insights export", ["@duration", "@initDuration", "@maxMemoryUsed", "@memorySize"], { runtimeMs: "@duration", cold: "@initDuration", memoryMb: "@maxMemoryUsed", memorySettingMb: "@memorySize" }],
    // an OTLP export's span rows: faas.max_memory is the memory available to the function, a setting
    ["an OpenTelemetry span row", ["name", "durationMs", "faas.coldstart", "resource.faas.name", "resource.faas.max_memory"], { runtimeMs: "durationMs", cold: "faas.coldstart", memorySettingMb: "resource.faas.max_memory" }],
  ])("%s", (_, header, expected) => expect(fieldOf(header)).toEqual(expected));

  it("faas.name is the function", () => {
    expect(recogniseFields(["function"], ["name", "resource.faas.name"]).get("function")?.index).toBe(1);
  });
});
