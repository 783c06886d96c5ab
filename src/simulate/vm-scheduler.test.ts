import { describe, expect, it } from "vitest";
import { codeOf } from "../errors.js";
import { VmScheduler } from "./vm-scheduler.js";

/** A scheduler whose deferred grants run at once, with two 2-core VMs of 4096 MB. */
function scheduler(): { s: VmScheduler; granted: string[] } {
  const granted: string[] = [];
  const s = new VmScheduler((run) => run());
  s.addVm({ id: "vm1", cores: 2, memoryMb: 4096 });
  s.addVm({ id: "vm2", cores: 2, memoryMb: 4096 });
  return { s, granted };
}

describe("VmScheduler", () => {
  it("grants a slot on a VM asked for, one core each", () => {
    const { s, granted } = scheduler();
    // vm1 has 2 cores: two requests fit, the third waits for a release
    for (let k = 0; k < 3; k++) s.request(["vm1"], 1024, (vm) => granted.push(vm));
    expect(granted).toEqual(["vm1", "vm1"]);
    s.release("vm1", 1024);
    expect(granted).toEqual(["vm1", "vm1", "vm1"]);
  });

  it.each([
    // stages lease their VMs before asking for slots on them: a request naming a VM never added is a bug
    { label: "an unknown VM", vmIds: ["vm3"] },
    { label: "a known VM beside an unknown one", vmIds: ["vm1", "vm-x"] },
  ])("a request naming $label is the internal error SLU9005", ({ vmIds }) => {
    const { s, granted } = scheduler();
    expect(() => s.request(vmIds, 512, (vm) => granted.push(vm))).toThrow(expect.objectContaining({ code: codeOf("internal.simulationStalled"), message: expect.stringContaining(`unknown VM ${vmIds.at(-1)}`) }));
    expect(granted).toEqual([]);
  });
});
