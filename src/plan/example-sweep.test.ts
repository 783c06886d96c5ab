import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AWS_DEFAULT_PLATFORM } from "../platform/aws-default.js";
import { plan } from "./plan.js";

// Every example DAG plans at every input from 1 KiB to 1 TiB with the bundled profiles: open
// instance counts are sized so that every stage's predicted memory fits one instance.
// Sizes: 1 KiB · 8^k for k = 0 … 10 (1 KiB, 8 KiB, …, 1 TiB = 2^40 B).
const SIZES = Array.from({ length: 11 }, (_, k) => 1024 * 8 ** k);
const LIMIT_MB = Math.min(AWS_DEFAULT_PLATFORM.billing.maxMemoryMb, AWS_DEFAULT_PLATFORM.vm.memoryMb);

describe.each(readdirSync("examples/dags").filter((f) => f.endsWith(".json")).sort())("%s plans from 1 KiB to 1 TiB", (file) => {
  const dag = JSON.parse(readFileSync(`examples/dags/${file}`, "utf8")) as unknown;
  it.each(SIZES)("at %d bytes", async (bytes) => {
    const p = await plan(dag, bytes);
    expect(p.status).toBe("ok");
    expect(p.violations).toEqual([]);
    expect(Number.isFinite(p.predicted.makespanMs) && p.predicted.makespanMs > 0).toBe(true);
    expect(Number.isFinite(p.predicted.costUsd) && p.predicted.costUsd > 0).toBe(true);
    for (const s of p.placement) {
      expect(s.billedMemoryMb, s.stageId).toBeLessThanOrEqual(LIMIT_MB);
      expect(Number.isInteger(s.instances) && s.instances >= 1, s.stageId).toBe(true);
    }
  });
});
