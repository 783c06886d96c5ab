/**
 * `cache` (Locus-style fast memory tier): like `remote` with the tier's latency and per-connection
 * bandwidth, no request-rate limit, but all traffic shares the tier's aggregate bandwidth, and
 * only an admitted producer's output is there. The write into the tier happens once per admitted
 * stage, so admission bills it (transfer price and the senders' write time, see stage-terms.ts);
 * each edge's time still includes it (readers wait for it), and the edge pays the reads.
 *
 *   write = max(latencyMs + bytesPerSender / bw_u,  D / aggregate)
 *   read  = max(ceil(getsPerReader / p) · latencyMs + bytesPerReader / bw_v,  f · n_v · bytesPerReader / aggregate)
 *   time  = write + read
 * Cost: read bytes × transfer price, plus the receivers' billed I/O time.
 * Sender NIC: concurrent senders per VM · bytesPerSender / NIC (the whole output is written once);
 * beside a direct share the write is one flow among the pullers, as for `remote`.
 */
import { cacheInstanceBytesPerSecond, concurrentPullers } from "../model/bandwidth.js";
import { FEASIBLE, functionUsd, modeOption, sumOfMaxes, type ModeModule } from "./mode-module.js";

const GiB = 1024 ** 3;

export const cacheMode: ModeModule = {
  mode: "cache",
  isFeasible(ctx) {
    if (ctx.producer.outputBytes > ctx.platform.cache.capacityBytes) {
      return { feasible: false, reason: `the producer's output (${ctx.producer.outputBytes.toFixed(0)} B) exceeds the cache tier's capacity (${ctx.platform.cache.capacityBytes} B)` };
    }
    return FEASIBLE;
  },
  estimate(ctx) {
    const { flow, platform, producer, consumer, producerTerms, consumerTerms } = ctx;
    const c = platform.cache;
    const bwU = cacheInstanceBytesPerSecond(platform, Math.min(producerTerms.slotsPerVm, producer.instances));
    const bwV = cacheInstanceBytesPerSecond(platform, Math.min(consumerTerms.slotsPerVm, consumer.instances));
    const writeMs = c.latencyMs + (flow.bytesPerSender / bwU) * 1000;
    const writeBoundMs = (flow.totalBytes / c.aggregateBytesPerSecond) * 1000;
    const p = platform.objectStore.connectionsPerInstance;
    const readMs = Math.ceil(flow.getsPerReader / p) * c.latencyMs + (flow.bytesPerReader / bwV) * 1000;
    const readBoundMs = (flow.totalReadBytes / c.aggregateBytesPerSecond) * 1000;
    const writeMs1 = Math.max(writeMs, writeBoundMs);
    const readMs1 = Math.max(readMs, readBoundMs);
    const uploaders = Math.min(producerTerms.slotsPerVm, Math.ceil(producer.instances / producerTerms.vms));
    const pullers = concurrentPullers(flow.pattern, consumer.instances, consumerTerms.vms, consumerTerms.slotsPerVm, producerTerms.vms);
    const besideWriteMs = c.latencyMs + (flow.bytesPerSender / Math.min(bwU, platform.vm.nicBytesPerSecond / (uploaders + pullers))) * 1000;
    const read = [{ fixedMs: readMs, perFractionMs: 0 }, { fixedMs: 0, perFractionMs: readBoundMs }];
    return modeOption(
      "cache",
      sumOfMaxes([{ fixedMs: writeMs, perFractionMs: 0 }, { fixedMs: writeBoundMs, perFractionMs: 0 }], read),
      {
        computeUsd: { fixedUsd: 0, perFractionUsd: functionUsd(flow.receivers, readMs1, consumerTerms.billedMemoryMb, platform) },
        cacheUsd: { fixedUsd: 0, perFractionUsd: (flow.totalReadBytes / GiB) * c.priceUsdPerGibTransferred },
      },
      { splittable: true, requiresAdmission: true },
      { writeMs: writeMs1, readMs: readMs1, aggregateBoundMs: writeBoundMs + readBoundMs },
      { fixedMs: ((uploaders * flow.bytesPerSender) / platform.vm.nicBytesPerSecond) * 1000, perFractionMs: 0 },
      sumOfMaxes([{ fixedMs: besideWriteMs, perFractionMs: 0 }, { fixedMs: writeBoundMs, perFractionMs: 0 }], read),
    );
  },
};
