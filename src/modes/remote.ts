/**
 * `remote` (SONIC's Remote-Storage): every sender PUTs its output to the object store, every
 * receiver GETs its share. Two round trips, per-connection bandwidth, and the store's
 * request-rate limits (Locus: an all-to-all shuffle of small objects is request-bound).
 *
 * With a fraction f of the receivers served:
 *   write = max(max(1, f · putsPerSender / p) · putLatencyMs + w(f) / bw_u,  puts(f) / writesPerSecond)
 *   read  = max(ceil(getsPerReader / p) · getLatencyMs + bytesPerReader / bw_v,  f · n_v · getsPerReader / readsPerSecond)
 *   time  = write + read
 * w(f) = f · bytesPerSender for shuffle and scatter (senders write only the partitions those
 * receivers need), bytesPerSender otherwise; puts(f) likewise scales for scatter and one-to-one.
 * bw_x = min(connection · p, NIC / concurrent instances per VM).
 * Cost: PUTs and GETs at list price, plus the senders' and receivers' billed time spent on I/O;
 * the senders' part scales with f where their writes do (shuffle, scatter, one-to-one).
 * Sender NIC: concurrent senders per VM · w(f) / NIC (the upload shares the NIC with a split's
 * direct share, see edge-time.ts). Beside a direct share, an upload is one flow among the P
 * receivers pulling from the VM: bw_u = min(bw_u, NIC / (uploaders + P)) (`besideDirect`).
 */
import { concurrentPullers, objectStoreInstanceBytesPerSecond } from "../model/bandwidth.js";
import type { AffinePiece } from "../model/types.js";
import { FEASIBLE, functionUsd, modeOption, sumOfMaxes, type ModeModule } from "./mode-module.js";

export const remoteMode: ModeModule = {
  mode: "remote",
  isFeasible: () => FEASIBLE,
  estimate(ctx) {
    const { flow, platform, producer, consumer, producerTerms, consumerTerms } = ctx;
    const store = platform.objectStore;
    const bwU = objectStoreInstanceBytesPerSecond(platform, Math.min(producerTerms.slotsPerVm, producer.instances));
    const bwV = objectStoreInstanceBytesPerSecond(platform, Math.min(consumerTerms.slotsPerVm, consumer.instances));
    const scalesWrite = flow.pattern === "shuffle" || flow.pattern === "scatter";
    const putsScale = flow.pattern === "scatter" || flow.pattern === "one-to-one";
    // Senders' billed write time scales wherever what they write does: with fewer bytes each
    // (shuffle, scatter) or with fewer senders writing at all (one-to-one).
    const sendersScale = scalesWrite || putsScale;
    const writeBytesMs = (flow.bytesPerSender / bwU) * 1000;
    // The senders finishing together on the busiest VM (its last wave) upload through its NIC;
    // earlier waves upload while later ones still compute.
    const uploaders = Math.min(producerTerms.slotsPerVm, Math.ceil(producer.instances / producerTerms.vms));
    const uploadNicMs = ((uploaders * flow.bytesPerSender) / platform.vm.nicBytesPerSecond) * 1000;
    const totalPuts = flow.putsPerSender * flow.senders;
    const putBoundMs = (totalPuts / store.writesPerSecond) * 1000;
    const p = store.connectionsPerInstance;
    // A sender writing several objects (a scatter's slices) pays a PUT latency per p of them.
    const putRoundsMs = (flow.putsPerSender / p) * store.putLatencyMs;
    const writePieces = (bytesMs: number): AffinePiece[] => [
      scalesWrite ? { fixedMs: store.putLatencyMs, perFractionMs: bytesMs } : { fixedMs: store.putLatencyMs + bytesMs, perFractionMs: 0 },
      putsScale ? { fixedMs: 0, perFractionMs: putBoundMs } : { fixedMs: putBoundMs, perFractionMs: 0 },
      ...(scalesWrite && putRoundsMs > store.putLatencyMs ? [{ fixedMs: 0, perFractionMs: putRoundsMs + bytesMs }] : []),
    ];
    const write = writePieces(writeBytesMs);
    // Beside a direct share, each upload is one flow among the pullers on the sender NIC.
    const pullers = concurrentPullers(flow.pattern, consumer.instances, consumerTerms.vms, consumerTerms.slotsPerVm, producerTerms.vms);
    const besideBps = Math.min(bwU, platform.vm.nicBytesPerSecond / (uploaders + pullers));
    const readMs = Math.ceil(flow.getsPerReader / p) * store.getLatencyMs + (flow.bytesPerReader / bwV) * 1000;
    const totalGets = flow.receivers * flow.getsPerReader;
    const getBoundMs = (totalGets / store.readsPerSecond) * 1000;
    const read: AffinePiece[] = [
      { fixedMs: readMs, perFractionMs: 0 },
      { fixedMs: 0, perFractionMs: getBoundMs },
    ];
    const writeMs1 = Math.max(Math.max(store.putLatencyMs, putRoundsMs) + writeBytesMs, putBoundMs);
    const readMs1 = Math.max(readMs, getBoundMs);
    const senderUsd = functionUsd(flow.senders, writeMs1, producerTerms.billedMemoryMb, platform);
    const receiverUsd = functionUsd(flow.receivers, readMs1, consumerTerms.billedMemoryMb, platform);
    const putUsd = totalPuts * store.priceUsdPerPut;
    return modeOption(
      "remote",
      sumOfMaxes(write, read),
      {
        computeUsd: sendersScale ? { fixedUsd: 0, perFractionUsd: senderUsd + receiverUsd } : { fixedUsd: senderUsd, perFractionUsd: receiverUsd },
        objectStoreUsd: putsScale ? { fixedUsd: 0, perFractionUsd: putUsd + totalGets * store.priceUsdPerGet } : { fixedUsd: putUsd, perFractionUsd: totalGets * store.priceUsdPerGet },
      },
      { splittable: true, requiresAdmission: false },
      { writeMs: writeMs1, readMs: readMs1, putBoundMs, getBoundMs, puts: totalPuts, gets: totalGets },
      scalesWrite ? { fixedMs: 0, perFractionMs: uploadNicMs } : { fixedMs: uploadNicMs, perFractionMs: 0 },
      sumOfMaxes(writePieces((flow.bytesPerSender / besideBps) * 1000), read),
    );
  },
};
