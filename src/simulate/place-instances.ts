/**
 * Placement of stages and instances on VMs. Each stage gets its own VMs (with their NICs and local
 * storage as network resources), except a stage with a vm-local input: it shares its producer's
 * VMs (transitively), and each of its vm-local receivers is pinned to the VM of the producer
 * instance it reads. More than one vm-local input is reported (`vm-local-conflict`), as is a cache
 * edge whose producer is not admitted (`not-admitted`).
 */
import { senderOfScatter } from "./receivers.js";
import { stageOf, type InstanceRt, type SimState } from "./sim-state.js";
import { local, nicIn, nicOut } from "./transfer-request.js";
import { nicBucket } from "../model/bandwidth.js";

/** Own VMs per stage; a stage with a vm-local input shares its producer's (transitively). */
export function placeStages(sim: SimState): void {
  const { dag, platform } = sim.setup;
  for (const id of dag.order) {
    const s = stageOf(sim, id);
    const localEdges = s.incoming.filter((i) => sim.edges[i]!.modes.includes("vm-local"));
    if (localEdges.length > 1) {
      sim.violations.push({ code: "vm-local-conflict", path: ["edges", ...localEdges.map((i) => sim.edges[i]!.key)], message: `${id} has ${localEdges.length} vm-local inputs; it runs beside ${sim.edges[localEdges[0]!]!.from}'s output and reads the others over the network` });
    }
    const pin = localEdges[0];
    if (pin !== undefined) {
      const host = stageOf(sim, sim.edges[pin]!.from);
      s.pinEdge = pin;
      s.hostId = host.hostId ?? host.id;
      s.vmIds = host.vmIds;
      stageOf(sim, s.hostId).hostedLeft++;
      continue;
    }
    const vms = sim.setup.placement.get(id)!.vms;
    for (let k = 0; k < vms; k++) {
      const vm = `${id}/vm${k}`;
      s.vmIds.push(vm);
      sim.vmIds.push(vm);
      sim.scheduler.addVm({ id: vm, cores: platform.vm.cores, memoryMb: platform.vm.memoryMb });
      // each direction of the NIC is a token bucket: its burst rate while it has credit, then the baseline
      const bucket = nicBucket(platform);
      sim.kernel.network.addResource(nicIn(vm), bucket.burstBytesPerSecond, bucket);
      sim.kernel.network.addResource(nicOut(vm), bucket.burstBytesPerSecond, bucket);
      sim.kernel.network.addResource(local(vm), platform.vm.localStorageBytesPerSecond);
    }
  }
}

export function checkAdmission(sim: SimState): void {
  for (const e of sim.edges) {
    if (e.modes.includes("cache") && !sim.setup.admitted.has(e.from)) {
      sim.violations.push({ code: "not-admitted", path: ["edges", e.key, "cache"], message: `${e.from}'s output is not admitted to the cache tier; its cache readers read it from the object store` });
    }
  }
}

/** The VMs an instance may take a slot on: its stage's, or the one holding its vm-local input. */
export function eligibleVms(sim: SimState, inst: InstanceRt): readonly string[] {
  const s = inst.stage;
  if (s.pinEdge === undefined) return s.vmIds;
  const e = sim.edges[s.pinEdge]!;
  if (e.modes[inst.index] !== "vm-local") return s.vmIds;
  const producer = stageOf(sim, e.from);
  const sender = e.pattern === "one-to-one" ? Math.min(inst.index, producer.n - 1) : e.pattern === "scatter" ? senderOfScatter(inst.index, producer.n, s.n) : 0;
  return [producer.instances[sender]!.vm];
}
