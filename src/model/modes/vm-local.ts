/**
 * `vm-local` (SONIC's VM-Storage): the receiver runs on the VM that holds its input and reads local
 * storage. No network copy, but all of a producer VM's receivers queue for its slots.
 *
 * Feasible only where each receiver's inputs sit on one VM: one-to-one and scatter always (each
 * receiver reads one sender), shuffle / broadcast / gather only when every sender sits on one VM.
 * Never split: a receiver either runs beside its data or not.
 *
 *   receivers per VM = ceil(n_v / vms_u);  localWaves = ceil(receivers per VM / slots_v)
 *   localWrite       = senders per VM · bytesPerSender / localStorageBytesPerSecond          (once)
 *   waveRead         = min(slots_v, receivers per VM) · bytesPerReader / localStorageBytesPerSecond   (each wave)
 *   queue            = max(0, E[span of n_v on vms_u · slots_v slots] − E[span on its own slots])
 *   time             = localWrite + localWaves · waveRead + queue
 * `queue` is what running on the producer's VMs adds to the consumer's own span (its baseMs), with
 * the same straggler law (physics/order-statistics.ts).
 */
import { expectedSpan } from "../../physics/order-statistics.js";
import { spanWithPickupMs } from "../../physics/slot-pickup.js";
import { FEASIBLE, functionUsd, modeOption, type ModeModule } from "./mode-module.js";

export const vmLocalMode: ModeModule = {
  mode: "vm-local",
  isFeasible(ctx) {
    const { flow, producerTerms } = ctx;
    if ((flow.pattern === "shuffle" || flow.pattern === "broadcast" || flow.pattern === "gather") && producerTerms.vms > 1) {
      return { feasible: false, reason: `a ${flow.pattern} receiver reads from every sender, and the ${flow.senders} senders span ${producerTerms.vms} VMs` };
    }
    return FEASIBLE;
  },
  estimate(ctx) {
    const { flow, platform, producer, consumer, producerTerms: pt, consumerTerms: ct } = ctx;
    const vm = platform.vm;
    const sendersPerVm = Math.ceil(producer.instances / pt.vms);
    const receiversPerVm = Math.ceil(consumer.instances / pt.vms);
    const localWaves = Math.ceil(receiversPerVm / ct.slotsPerVm);
    const concurrentReaders = Math.min(ct.slotsPerVm, receiversPerVm);
    const localWriteMs = ((sendersPerVm * flow.bytesPerSender) / vm.localStorageBytesPerSecond) * 1000;
    const waveReadMs = ((concurrentReaders * flow.bytesPerReader) / vm.localStorageBytesPerSecond) * 1000;
    const localIoMs = localWriteMs + localWaves * waveReadMs;
    const onSlots = pt.vms * ct.slotsPerVm;
    const queueMs = Math.max(0, spanWithPickupMs((a) => expectedSpan(a, consumer.instances, onSlots), ct.durationAtoms, consumer.instances, onSlots, platform.invocation.pickupMs) - ct.spanMs);
    return modeOption(
      "vm-local",
      { write: [{ fixedMs: localWriteMs, perFractionMs: 0 }], read: [{ fixedMs: localWaves * waveReadMs + queueMs, perFractionMs: 0 }] },
      // billed: each receiver's read, each sender's local write (function billing)
      { computeUsd: { fixedUsd: functionUsd(flow.receivers, waveReadMs, ct.billedMemoryMb, platform) + functionUsd(flow.senders, localWriteMs / Math.max(1, pt.waves), pt.billedMemoryMb, platform), perFractionUsd: 0 } },
      { splittable: false, requiresAdmission: false },
      { localIoMs, queueMs, localWaves, receiversPerVm },
    );
  },
};
