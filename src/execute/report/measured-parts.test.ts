import { describe, expect, it } from "vitest";
import type { SimInstance } from "../../simulate/types.js";
import { measuredStage } from "./measured-parts.js";

function instance(index: number, vm: string, startMs: number, finishMs: number, memoryMb = 100): SimInstance {
  return { stageId: "s", index, vm, readyMs: 0, startMs, computeStartMs: startMs, computeEndMs: finishMs, finishMs, inputBytes: 10, outputBytes: 5, runtimeMs: finishMs - startMs, memoryMb, transfers: [] };
}

describe("measuredStage", () => {
  it("spans its instances: first start to last finish, peak per VM, output summed", () => {
    const s = measuredStage("s", [instance(0, "vm-1", 10, 50), instance(1, "vm-1", 20, 40), instance(2, "vm-2", 60, 90, 300)], 200, undefined);
    expect(s).toEqual({ stageId: "s", instances: 3, startMs: 10, finishMs: 90, vms: ["vm-1", "vm-2"], peakPerVm: 2, outputBytes: 15, overBilledMemory: 1 });
  });

  it("a stage that ran no instance has finite times (0), not ±Infinity that JSON turns into null", () => {
    const s = measuredStage("s", [], 200, "root");
    expect(s.instances).toBe(0);
    expect(Number.isFinite(s.startMs) && Number.isFinite(s.finishMs)).toBe(true);
    expect(JSON.parse(JSON.stringify(s))).toEqual({ stageId: "s", instances: 0, startMs: 0, finishMs: 0, vms: [], peakPerVm: 0, outputBytes: 0, overBilledMemory: 0, colocatedWith: "root" });
  });
});
