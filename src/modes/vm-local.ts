/**
 * `vm-local` (SONIC's VM-Storage): the receiver runs on the VM that holds its input and reads local
 * storage. No network copy, but all of a producer VM's receivers queue for its slots.
 *
 * Feasible only where each receiver's inputs sit on one VM: one-to-one and scatter always (each
 * receiver reads one sender), shuffle / broadcast / gather only when every sender sits on one VM.
 * Never split: a receiver either runs beside its data or not.
 *
 *   receivers per VM = ceil(n_v / vms_u)
 *   localWaves       = ceil(receivers per VM / slots_v)
 *   localWrite       = senders per VM · bytesPerSender / localStorageBytesPerSecond          (once)
 *   waveRead         = min(slots_v, receivers per VM) · bytesPerReader / localStorageBytesPerSecond   (each wave)
 *   time             = localWrite + waveRead + max(0, localWaves − waves_v) · (runtime_v + waveRead)
 * The last term is the extra queueing beyond the waves the consumer has anyway on its own VMs.
 */
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
    const { flow, platform, producer, consumer, producerTerms, consumerTerms } = ctx;
    const vm = platform.vm;
    const sendersPerVm = Math.ceil(producer.instances / producerTerms.vms);
    const receiversPerVm = Math.ceil(consumer.instances / producerTerms.vms);
    const localWaves = Math.ceil(receiversPerVm / consumerTerms.slotsPerVm);
    const concurrentReaders = Math.min(consumerTerms.slotsPerVm, receiversPerVm);
    const localWriteMs = ((sendersPerVm * flow.bytesPerSender) / vm.localStorageBytesPerSecond) * 1000;
    const waveReadMs = ((concurrentReaders * flow.bytesPerReader) / vm.localStorageBytesPerSecond) * 1000;
    const localIoMs = localWriteMs + waveReadMs;
    const extraWaves = Math.max(0, localWaves - consumerTerms.waves);
    const queueMs = extraWaves * (consumer.runtimeMs + waveReadMs);
    const timeMs = localIoMs + queueMs;
    return modeOption(
      "vm-local",
      [{ fixedMs: timeMs, perFractionMs: 0 }],
      { computeUsd: { fixedUsd: functionUsd(flow.receivers, localIoMs, consumerTerms.billedMemoryMb, platform), perFractionUsd: 0 } },
      { splittable: false, requiresAdmission: false },
      { localIoMs, queueMs, localWaves, receiversPerVm },
    );
  },
};
