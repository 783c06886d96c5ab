import { describe, expect, it } from "vitest";
import { AWS_DEFAULT_PLATFORM } from "./aws-default.js";
import { resolvePlatform } from "./resolve-platform.js";
import { thrownInputError } from "../../test/support/input-error.js";

const issuesOf = (overrides: unknown) => [...thrownInputError(() => resolvePlatform(overrides as Parameters<typeof resolvePlatform>[0])).issues];

describe("resolvePlatform", () => {
  it("returns the AWS-like default without overrides", () => {
    expect(resolvePlatform(undefined)).toEqual(AWS_DEFAULT_PLATFORM);
    expect(resolvePlatform({})).toEqual(AWS_DEFAULT_PLATFORM);
  });

  it("merges each section field by field, leaving the rest at the default", () => {
    const p = resolvePlatform({ vm: { cores: 8 }, objectStore: { getLatencyMs: 5 }, cache: { capacityBytes: 1e9 }, billing: { priceUsdPerRequest: 0 } });
    expect(p.vm).toEqual({ ...AWS_DEFAULT_PLATFORM.vm, cores: 8 });
    expect(p.objectStore).toEqual({ ...AWS_DEFAULT_PLATFORM.objectStore, getLatencyMs: 5 });
    expect(p.cache).toEqual({ ...AWS_DEFAULT_PLATFORM.cache, capacityBytes: 1e9 });
    expect(p.billing).toEqual({ ...AWS_DEFAULT_PLATFORM.billing, priceUsdPerRequest: 0 });
    expect(p.modes).toEqual(AWS_DEFAULT_PLATFORM.modes);
    expect(p.name).toBe(AWS_DEFAULT_PLATFORM.name);
  });

  it("models public Lambda through `modes`", () => {
    const p = resolvePlatform({ name: "public lambda", modes: ["remote", "cache"] });
    expect(p.modes).toEqual(["remote", "cache"]);
    expect(p.name).toBe("public lambda");
  });

  it("merges over another base platform", () => {
    const base = resolvePlatform({ vm: { cores: 2 } });
    expect(resolvePlatform({ vm: { poolSize: 3 } }, base).vm).toMatchObject({ cores: 2, poolSize: 3 });
  });

  it("does not mutate the default", () => {
    const before = JSON.stringify(AWS_DEFAULT_PLATFORM);
    resolvePlatform({ vm: { cores: 1 } });
    expect(JSON.stringify(AWS_DEFAULT_PLATFORM)).toBe(before);
  });

  it.each([
    { overrides: { vm: { cores: 0 } }, path: ["platform", "vm", "cores"] },
    { overrides: { vm: { cores: 2.5 } }, path: ["platform", "vm", "cores"] },
    { overrides: { vm: { nicBytesPerSecond: -1 } }, path: ["platform", "vm", "nicBytesPerSecond"] },
    { overrides: { vm: { poolSize: 0 } }, path: ["platform", "vm", "poolSize"] },
    { overrides: { objectStore: { getLatencyMs: -5 } }, path: ["platform", "objectStore", "getLatencyMs"] },
    { overrides: { objectStore: { readsPerSecond: Number.POSITIVE_INFINITY } }, path: ["platform", "objectStore", "readsPerSecond"] },
    { overrides: { cache: { capacityBytes: 0 } }, path: ["platform", "cache", "capacityBytes"] },
    { overrides: { billing: { priceUsdPerGbSecond: Number.NaN } }, path: ["platform", "billing", "priceUsdPerGbSecond"] },
    { overrides: { modes: [] }, path: ["platform", "modes"] },
    { overrides: { modes: ["remote", "carrier-pigeon"] }, path: ["platform", "modes", 1] },
  ])("rejects $path", ({ overrides, path }) => {
    const issues = issuesOf(overrides);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(path);
  });

  it("reports every invalid field at once", () => {
    const issues = issuesOf({ vm: { cores: 0, memoryMb: -1 }, cache: { latencyMs: -1 } });
    expect(issues.map((i) => i.path)).toEqual([
      ["platform", "vm", "cores"],
      ["platform", "vm", "memoryMb"],
      ["platform", "cache", "latencyMs"],
    ]);
  });

  it("rejects a minimum memory above the maximum", () => {
    const issues = issuesOf({ billing: { minMemoryMb: 2048, maxMemoryMb: 1024 } });
    expect(issues).toEqual([{ code: "SLU3004", path: ["platform", "billing", "minMemoryMb"], message: "minimum memory above maximum", expected: "≤ 1024 MB", actual: "2048 MB", hint: expect.any(String) }]);
  });

  it.each([
    // a typo is an error with the closest field, never ignored
    { overrides: { vmm: { cores: 4 } }, issue: { code: "SLU3001", path: ["platform", "vmm"], message: 'unknown platform field; did you mean "vm"?' } },
    { overrides: { vm: { nicGbps: 10 } }, issue: { code: "SLU3001", path: ["platform", "vm", "nicGbps"], expected: expect.stringContaining("nicBytesPerSecond") } },
    { overrides: { objectStore: { getLatencyMS: 5 } }, issue: { code: "SLU3001", path: ["platform", "objectStore", "getLatencyMS"], message: 'unknown platform field; did you mean "getLatencyMs"?' } },
    // no coercion: "8" is not 8
    { overrides: { vm: { cores: "8" } }, issue: { code: "SLU3002", path: ["platform", "vm", "cores"], expected: "number", actual: '"8"' } },
    { overrides: { vm: "big" }, issue: { code: "SLU3002", path: ["platform", "vm"], expected: "an object", actual: '"big"' } },
    { overrides: "aws", issue: { code: "SLU3002", path: ["platform"], actual: '"aws"' } },
    { overrides: { vm: { cores: 0 } }, issue: { code: "SLU3003", path: ["platform", "vm", "cores"], expected: "> 0", actual: "0" } },
  ])("names $issue.path with its code", ({ overrides, issue }) => {
    expect(issuesOf(overrides)).toEqual([expect.objectContaining(issue)]);
  });
});
