/**
 * calibrate() against a real redis-server and s3rver: every measured constant is positive and
 * finite, comes with a fit error, and the platform it writes validates and plans (no timing is
 * asserted: the token bucket's own tests check the shaping). Skipped, with how to install the server, only when one cannot
 * be started.
 */
import { afterAll, describe, expect, it } from "vitest";
import { plan } from "../plan/plan.js";
import { platformSchema } from "../platform/schema.js";
import { startRealBackends, type RealBackends } from "../../test/support/real-backends.js";
import { calibrate } from "./calibrate.js";

const started = await startRealBackends();
if (!started.ok) console.warn(`skipping calibrate's integration test: ${started.reason}`);

describe.skipIf(!started.ok)("calibrate on real backends", () => {
  const real = (started as { value: RealBackends }).value;
  afterAll(async () => {
    // Nothing measured is left behind.
    expect(await real.objects()).toEqual([]);
    expect(await real.keys()).toEqual([]);
    await real.stop();
  });

  it("measures, fits and writes a platform that plans", async () => {
    const nic = 50e6;
    const { platform, constants, samples } = await calibrate({ backends: real.backends, sizesBytes: [1024, 256 * 1024, 2 * 1024 * 1024], repeats: 2, nicBytesPerSecond: nic });
    expect(samples.length).toBeGreaterThan(20);
    for (const c of constants) console.log(`${c.path} ${c.value.toPrecision(4)} ±${(c.relativeError * 100).toFixed(1)}% ${c.method}`);
    for (const path of ["objectStore.getLatencyMs", "objectStore.connectionBytesPerSecond", "objectStore.readsPerSecond", "objectStore.aggregateBytesPerSecond", "invocation.pickupMs", "cache.latencyMs", "vm.nicBytesPerSecond", "vm.localStorageBytesPerSecond"]) {
      const c = constants.find((x) => x.path === path);
      expect(c, path).toBeDefined();
      expect(Number.isFinite(c!.value) && c!.value >= 0).toBe(true);
      expect(c!.relativeError).toBeGreaterThanOrEqual(0);
    }
    expect(platformSchema.safeParse(platform).success).toBe(true);
    // the store's aggregate and the slot pickup reach the platform
    expect(platform.objectStore.aggregateBytesPerSecond).toBe(constants.find((x) => x.path === "objectStore.aggregateBytesPerSecond")!.value);
    expect(platform.invocation.pickupMs).toBe(constants.find((x) => x.path === "invocation.pickupMs")!.value);
    const p = await plan({ name: "wc", stages: [{ id: "map", function: "wc-map" }, { id: "reduce", function: "wc-reduce" }], edges: [{ from: "map", to: "reduce", pattern: "shuffle" }] }, "4 MiB", { platform });
    expect(p.status).toBe("ok");
  }, 120_000);
});
