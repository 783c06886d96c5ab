/**
 * `direct` (SONIC's Direct-Passing): senders keep their output on their VMs' local storage and the
 * receivers, on their own VMs, pull it over the network. One copy, but the busiest sender VM's NIC
 * carries everything its instances send — the bottleneck at high fanout (a broadcast to n
 * receivers sends n copies through one NIC). Every NIC is a token bucket (burst rate while it has
 * credit, then the baseline), every flow between two VMs has a cap.
 *
 * With a fraction f of the receivers pulling directly:
 *   localWrite = senders per VM · bytesPerSender / localStorageBytesPerSecond
 *   out(f)     = senders per VM · bytesOutPerSender · f through the sender VM's NIC bucket   (all waves' pulls)
 *   in         = w_v · (receivers per VM at once · bytesPerReader through the receiver VM's NIC bucket)
 *   flow       = w_v · (bytesPerReader / sender VMs it reads from) / flowBytesPerSecond   (one flow per sender VM)
 *   time       = networkLatencyMs + localWrite + max(out(f), in, flow)
 * Cost: (function billing) the receivers' billed time spent pulling (a VM agent serves the bytes)
 * and the senders' local writes.
 * Sender NIC: out(f) (shared with the other shares of a split edge, see edge-time.ts).
 */
import { nicBucket, nicLines } from "../bandwidth.js";
import { transferLines, transferMs } from "../../physics/transfer-time.js";
import { FEASIBLE, functionUsd, modeOption, pieceTimeMs, type ModeModule } from "./mode-module.js";

export const directMode: ModeModule = {
  mode: "direct",
  isFeasible: () => FEASIBLE,
  estimate(ctx) {
    const { flow, platform, producer, consumer, producerTerms: pt, consumerTerms: ct } = ctx;
    const vm = platform.vm;
    const bucket = nicBucket(platform);
    const sendersPerVm = Math.ceil(producer.instances / pt.vms);
    const receiversPerVm = Math.min(ct.slotsPerVm, consumer.instances);
    const senderVmsRead = flow.pattern === "one-to-one" || flow.pattern === "scatter" ? 1 : pt.vms;
    const localWriteMs = ((sendersPerVm * flow.bytesPerSender) / vm.localStorageBytesPerSecond) * 1000;
    const out = transferLines({ fixedBytes: 0, perFractionBytes: sendersPerVm * flow.bytesOutPerSender }, [{ kind: "bucket", bucket }]);
    const inMs = ct.waves * transferMs(receiversPerVm * flow.bytesPerReader, [{ kind: "bucket", bucket }]);
    const flowMs = ct.waves * transferMs(flow.bytesPerReader / senderVmsRead, [{ kind: "rate", bytesPerSecond: vm.flowBytesPerSecond }]);
    const outMs = pieceTimeMs(out, 1);
    const pullMs = Math.max(outMs, inMs, flowMs);
    return modeOption(
      "direct",
      {
        write: [{ fixedMs: localWriteMs, perFractionMs: 0 }],
        read: [{ fixedMs: vm.networkLatencyMs + Math.max(inMs, flowMs), perFractionMs: 0 }, ...out.map((l) => ({ fixedMs: vm.networkLatencyMs + l.fixedMs, perFractionMs: l.perFractionMs }))],
      },
      // billed: each receiver's pull (one wave's), each sender's local write (function billing)
      { computeUsd: { fixedUsd: functionUsd(flow.senders, localWriteMs / Math.max(1, pt.waves), pt.billedMemoryMb, platform), perFractionUsd: functionUsd(flow.receivers, vm.networkLatencyMs + pullMs / Math.max(1, ct.waves), ct.billedMemoryMb, platform) } },
      { splittable: true, requiresAdmission: false },
      { localWriteMs, senderNicMs: outMs, receiverNicMs: inMs, flowCapMs: flowMs, sendersPerVm, receiversPerVm },
      nicLines(platform, { fixedBytes: 0, perFractionBytes: sendersPerVm * flow.bytesOutPerSender }),
    );
  },
};
