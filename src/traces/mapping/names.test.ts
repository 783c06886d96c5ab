import { describe, expect, it } from "vitest";
import { normaliseName } from "./names.js";

describe("normaliseName", () => {
  it.each([
    ["input_bytes", "input_bytes"],
    ["inputBytes", "input_bytes"], // camel: a boundary before each capital
    ["InputBytes", "input_bytes"],
    ["blob.download", "blob_download"], // dotted
    ["max-mem-used", "max_mem_used"], // kebab
    ["Max Memory Used (MB)", "max_memory_used_mb"], // spaced, decorated
    ["provider.execution_duration", "provider_execution_duration"],
    ["memorySettingMB", "memory_setting_mb"], // an acronym stays one word
    ["HTTPStatus", "http_status"],
    ["  is_cold ", "is_cold"],
  ])("%s → %s", (raw, expected) => {
    expect(normaliseName(raw)).toBe(expected);
  });
});
