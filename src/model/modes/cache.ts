/**
 * `cache` (Locus-style fast memory tier): like `remote` with the tier's latency and per-connection
 * bandwidth, no request-rate limit, but all traffic shares the tier's aggregate bandwidth, and
 * only an admitted producer's output is there. The write into the tier happens once per admitted
 * stage, so admission bills it (transfer price and, under function billing, the senders' write
 * time, see stage-terms.ts); each edge's time still includes it (readers wait for it), and the
 * edge pays the reads.
 *
 *   write = max(w_u · (latencyMs + bytesPerSender through [cache connection, NIC bucket / k_u]),  D / aggregate)
 *   read  = max(w_v · (⌈getsPerReader / p⌉ · latencyMs + bytesPerReader through [cache connection, NIC bucket / k_v]),  f · n_v · bytesPerReader / aggregate)
 *   time  = write + read
 * Cost: read bytes × transfer price, plus (function billing) the receivers' billed I/O time.
 * Sender NIC: k_u · bytesPerSender (the whole output is written once); beside a direct share the
 * write is one flow among the pullers, as for `remote`.
 */
import { cacheLimits, concurrentPullers, nicLines } from "../bandwidth.js";
import { requestRounds } from "../../physics/object-store.js";
import { transferMs } from "../../physics/transfer-time.js";
import { FEASIBLE, functionUsd, modeOption, type ModeModule } from "./mode-module.js";

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
    const { flow, platform, producer, consumer, producerTerms: pt, consumerTerms: ct } = ctx;
    const c = platform.cache;
    const uploaders = Math.min(pt.slotsPerVm, Math.ceil(producer.instances / pt.vms));
    const readers = Math.min(ct.slotsPerVm, consumer.instances);
    const writeAt = (share: number) => c.latencyMs + transferMs(flow.bytesPerSender, cacheLimits(platform, share));
    const writeMs = writeAt(uploaders);
    const writeBoundMs = (flow.totalBytes / c.aggregateBytesPerSecond) * 1000;
    const p = platform.objectStore.connectionsPerInstance;
    const readMs = requestRounds(flow.getsPerReader, p) * c.latencyMs + transferMs(flow.bytesPerReader, cacheLimits(platform, readers));
    const readBoundMs = (flow.totalReadBytes / c.aggregateBytesPerSecond) * 1000;
    // the edge's time at f = 1, every wave included; billed per instance: one read
    const writeMs1 = Math.max(pt.waves * writeMs, writeBoundMs);
    const readMs1 = Math.max(ct.waves * readMs, readBoundMs);
    const pullers = concurrentPullers(flow.pattern, consumer.instances, ct.vms, ct.slotsPerVm, pt.vms);
    const read = [{ fixedMs: ct.waves * readMs, perFractionMs: 0 }, { fixedMs: 0, perFractionMs: readBoundMs }];
    const write = (ms: number) => [{ fixedMs: pt.waves * ms, perFractionMs: 0 }, { fixedMs: writeBoundMs, perFractionMs: 0 }];
    return modeOption(
      "cache",
      { write: write(writeMs), read, besideDirectWrite: write(writeAt(uploaders + pullers)) },
      {
        computeUsd: { fixedUsd: 0, perFractionUsd: functionUsd(flow.receivers, Math.max(readMs, readBoundMs), ct.billedMemoryMb, platform) },
        cacheUsd: { fixedUsd: 0, perFractionUsd: (flow.totalReadBytes / GiB) * c.priceUsdPerGibTransferred },
      },
      { splittable: true, requiresAdmission: true },
      { writeMs: writeMs1, readMs: readMs1, aggregateBoundMs: writeBoundMs + readBoundMs },
      nicLines(platform, { fixedBytes: uploaders * flow.bytesPerSender, perFractionBytes: 0 }),
    );
  },
};
