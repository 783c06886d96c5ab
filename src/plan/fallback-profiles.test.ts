import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { plan } from "./plan.js";
import { DEFAULT_FALLBACK_PROFILE } from "./fallback-profiles.js";

const MIB = 1024 * 1024;
// "sort-map" has a bundled profile; "my-filter" and "my-sink" have none.
const DAG = {
  name: "mixed",
  stages: [
    { id: "map", function: "sort-map", instances: 4 },
    { id: "filter", function: "my-filter", instances: 4 },
    { id: "sink", function: "my-sink" },
  ],
  edges: [
    { from: "map", to: "filter", pattern: "one-to-one" },
    { from: "filter", to: "sink", pattern: "gather" },
  ],
};

describe("fallback profiles", () => {
  it("are off unless asked: an unknown function stays an error naming it", async () => {
    await expect(plan(DAG, "1 GiB")).rejects.toThrow(/stages\.1\.function: no profile for this function/);
  });

  it("plan unknown functions with the stated default, one warning per function naming its stages", async () => {
    const p = await plan(DAG, "1 GiB", { fallbackProfile: "default" });
    expect(p.status).toBe("ok");
    expect(p.warnings.filter((w) => w.includes("has no profile"))).toEqual([
      "my-filter (stage filter) has no profile: planned with the default fallback profile (100 ms + 50 MiB/s, 512 MB, output = input, fanout 1)",
      "my-sink (stage sink) has no profile: planned with the default fallback profile (100 ms + 50 MiB/s, 512 MB, output = input, fanout 1)",
    ]);
  });

  it("per function: borrow a known function's profile; the per-function choice wins over the default", async () => {
    const p = await plan(DAG, "1 GiB", { fallbackProfile: "default", fallbackProfiles: { "my-filter": { like: "sort-map" } } });
    expect(p.warnings.some((w) => w.startsWith("my-filter (stage filter) has no profile: planned with sort-map's profile"))).toBe(true);
    expect(p.warnings.some((w) => w.startsWith("my-sink (stage sink) has no profile: planned with the default"))).toBe(true);
  });

  it("a borrowed profile must exist", async () => {
    const err = await plan(DAG, "1 GiB", { fallbackProfile: { like: "no-such-fn" } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).issues[0]?.path).toEqual(["fallbackProfile", "like"]);
  });

  it.each([
    // input bytes → runtime 100 + x / 50 MiB · 1000 ms, memory 512 MB whatever the input, output x, fanout 1
    [0, 100, 512, 0],
    [50 * MIB, 1100, 512, 50 * MIB],
    [500 * MIB, 10_100, 512, 500 * MIB],
  ])("the default at %d bytes: %d ms, %d MB, %d bytes out", (x, runtimeMs, memoryMb, outputBytes) => {
    const f = DEFAULT_FALLBACK_PROFILE;
    expect([f.runtimeMs(x), f.memoryMb(x), f.outputBytes(x), f.fanout(x)]).toEqual([runtimeMs, memoryMb, outputBytes, 1]);
  });

  it("a stage's repeat count runs it that many times on shares of its input", async () => {
    // One instance reading 100 MiB: once, 100 + 2000 = 2100 ms; repeat 4 runs 4 × (100 + 500) = 2400 ms on 25 MiB each.
    const one = { name: "r", stages: [{ id: "a", function: "f" }] };
    const four = { name: "r", stages: [{ id: "a", function: "f", repeat: 4 }] };
    const [p1, p4] = await Promise.all([plan(one, 100 * MIB, { fallbackProfile: "default" }), plan(four, 100 * MIB, { fallbackProfile: "default" })]);
    const run = (p: typeof p1) => p.stages[0]!.finishMs - p.stages[0]!.startMs;
    expect(run(p4) - run(p1)).toBeCloseTo(300, 6);
  });
});
