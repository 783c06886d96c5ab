/**
 * `direct` (SONIC's Direct-Passing): senders keep their output on their VMs' local storage and the
 * receivers, on their own VMs, pull it over the network. One copy, but the busiest sender VM's NIC
 * carries everything its instances send — the bottleneck at high fanout (a broadcast to n
 * receivers sends n copies through one NIC).
 *
 * With a fraction f of the receivers pulling directly:
 *   localWrite = senders per VM · bytesPerSender / localStorageBytesPerSecond
 *   out        = senders per VM · bytesOutPerSender · f        (bytes leaving the busiest sender VM)
 *   in         = receivers per VM · bytesPerReader             (bytes entering the busiest receiver VM)
 *   time       = networkLatencyMs + localWrite + max(out, in) / nicBytesPerSecond
 * Cost: the receivers' billed time spent pulling (senders have finished; a VM agent serves the bytes).
 * Sender NIC: out · f (shared with the other shares of a split edge, see edge-time.ts).
 */
import { FEASIBLE, functionUsd, modeOption, type ModeModule } from "./mode-module.js";

export const directMode: ModeModule = {
  mode: "direct",
  isFeasible: () => FEASIBLE,
  estimate(ctx) {
    const { flow, platform, producer, consumer, producerTerms, consumerTerms } = ctx;
    const vm = platform.vm;
    const sendersPerVm = Math.ceil(producer.instances / producerTerms.vms);
    const receiversPerVm = Math.min(consumerTerms.slotsPerVm, consumer.instances);
    const localWriteMs = ((sendersPerVm * flow.bytesPerSender) / vm.localStorageBytesPerSecond) * 1000;
    const outMs = ((sendersPerVm * flow.bytesOutPerSender) / vm.nicBytesPerSecond) * 1000;
    const inMs = ((receiversPerVm * flow.bytesPerReader) / vm.nicBytesPerSecond) * 1000;
    const fixed = vm.networkLatencyMs + localWriteMs;
    const pullMs = Math.max(outMs, inMs);
    return modeOption(
      "direct",
      [
        { fixedMs: fixed + inMs, perFractionMs: 0 },
        { fixedMs: fixed, perFractionMs: outMs },
      ],
      { computeUsd: { fixedUsd: 0, perFractionUsd: functionUsd(flow.receivers, vm.networkLatencyMs + pullMs, consumerTerms.billedMemoryMb, platform) } },
      { splittable: true, requiresAdmission: false },
      { localWriteMs, senderNicMs: outMs, receiverNicMs: inMs, sendersPerVm, receiversPerVm },
      { fixedMs: 0, perFractionMs: outMs },
    );
  },
};
