/**
 * `remote` (SONIC's Remote-Storage): every sender PUTs its output to the object store, every
 * receiver GETs its share. Two round trips, per-connection bandwidth through the VM's NIC bucket,
 * and the store's request-rate limits per key prefix (Locus: an all-to-all shuffle of small objects
 * is request-bound).
 *
 * With a fraction f of the receivers served, w_u / w_v the producer's / consumer's waves, k_u / k_v
 * the instances moving bytes at once on one of their VMs:
 *   write = max(w_u · (rounds_put · putLatencyMs + W(f) through [connection · p, NIC bucket / k_u]),  puts(f) / (writesPerSecond · prefixes),  bytes put(f) / aggregate)
 *   read  = max(w_v · (rounds_get · getLatencyMs + bytesPerReader through [connection · p, NIC bucket / k_v]),  f · n_v · gets / (readsPerSecond · prefixes),  f · n_v · bytesPerReader / aggregate)
 *   time  = write + read
 * bytes put(f): n_u · bytesPerSender, times f where the senders' writes scale with it (shuffle,
 * scatter, one-to-one).
 * W(f) = f · bytesPerSender for shuffle and scatter (senders write only the partitions those
 * receivers need), bytesPerSender otherwise; puts(f) likewise scales for scatter and one-to-one.
 * aggregate: the store's aggregateBytesPerSecond, shared by every GET and PUT in flight (a
 * self-hosted store); absent (S3) the two aggregate terms are 0.
 * gets per reader: one per object, or ranged GETs when p > 1 (physics/object-store.ts).
 * prefixes: the fewest of the bucket's prefixes that stop the edge being request-bound (all of
 * them if none does) — a plan decision, reported in `terms.prefixes`.
 * Cost: PUTs and GETs at list price, plus (function billing) the senders' and receivers' billed I/O time.
 * Sender NIC: k_u · W(f) leaving the busiest VM; beside a direct share, an upload is one flow
 * among the k_u + P flows on that NIC (`besideDirect`).
 */
import { concurrentPullers, nicLines, storeAggregateMs, storeLines, storeTransferMs } from "../bandwidth.js";
import type { AffinePiece } from "../types.js";
import { rangedGets, requestBoundMs, requestRounds } from "../../physics/object-store.js";
import type { Bytes } from "../../physics/transfer-time.js";
import { FEASIBLE, functionUsd, modeOption, pieceTimeMs, sumOfMaxes, timesPieces, type ModeModule } from "./mode-module.js";

export const remoteMode: ModeModule = {
  mode: "remote",
  isFeasible: () => FEASIBLE,
  estimate(ctx) {
    const { flow, platform, producer, consumer, producerTerms: pt, consumerTerms: ct } = ctx;
    const store = platform.objectStore;
    const p = store.connectionsPerInstance;
    const uploaders = Math.min(pt.slotsPerVm, Math.ceil(producer.instances / pt.vms));
    const readers = Math.min(ct.slotsPerVm, consumer.instances);
    const scalesWrite = flow.pattern === "shuffle" || flow.pattern === "scatter";
    const putsScale = flow.pattern === "scatter" || flow.pattern === "one-to-one";
    // Senders' billed write time scales wherever what they write does: with fewer bytes each
    // (shuffle, scatter) or with fewer senders writing at all (one-to-one).
    const sendersScale = scalesWrite || putsScale;
    const written: Bytes = scalesWrite ? { fixedBytes: 0, perFractionBytes: flow.bytesPerSender } : { fixedBytes: flow.bytesPerSender, perFractionBytes: 0 };
    // A sender writing several objects (a scatter's slices) pays a PUT latency per p of them.
    const putLatency: AffinePiece[] = putsScale && flow.putsPerSender > p ? [{ fixedMs: store.putLatencyMs, perFractionMs: 0 }, { fixedMs: 0, perFractionMs: (flow.putsPerSender / p) * store.putLatencyMs }] : [{ fixedMs: requestRounds(flow.putsPerSender, p) * store.putLatencyMs, perFractionMs: 0 }];
    const bytesPerObject = flow.getsPerReader > 0 ? flow.bytesPerReader / flow.getsPerReader : 0;
    const gets = rangedGets(flow.getsPerReader, bytesPerObject, store.rangeBytes, p);
    const totalPuts = flow.putsPerSender * flow.senders;
    const totalGets = flow.receivers * gets;
    const readOneMs = requestRounds(gets, p) * store.getLatencyMs + storeTransferMs(platform, flow.bytesPerReader, readers);
    const writeOneMs = pieceTimeMs(sumOfMaxes(putLatency, storeLines(platform, written, uploaders)), 1);
    const prefixes = prefixesNeeded(totalPuts, totalGets, store, writeOneMs + readOneMs);
    const putBoundMs = requestBoundMs(totalPuts, store.writesPerSecond, prefixes);
    const getBoundMs = requestBoundMs(totalGets, store.readsPerSecond, prefixes);
    // every sender's bytes, and every reader's, through the store's aggregate at f = 1
    const putAggregateMs = storeAggregateMs(platform, flow.senders * flow.bytesPerSender);
    const getAggregateMs = storeAggregateMs(platform, flow.totalReadBytes);
    const writePieces = (share: number): AffinePiece[] => [
      ...timesPieces(sumOfMaxes(putLatency, storeLines(platform, written, share)), pt.waves),
      putsScale ? { fixedMs: 0, perFractionMs: putBoundMs } : { fixedMs: putBoundMs, perFractionMs: 0 },
      // a store without an aggregate (S3) adds no piece
      ...(putAggregateMs > 0 ? [sendersScale ? { fixedMs: 0, perFractionMs: putAggregateMs } : { fixedMs: putAggregateMs, perFractionMs: 0 }] : []),
    ];
    const read: AffinePiece[] = [
      { fixedMs: ct.waves * readOneMs, perFractionMs: 0 },
      { fixedMs: 0, perFractionMs: getBoundMs },
      ...(getAggregateMs > 0 ? [{ fixedMs: 0, perFractionMs: getAggregateMs }] : []),
    ];
    // Beside a direct share, each upload is one flow among the pullers on the sender NIC.
    const pullers = concurrentPullers(flow.pattern, consumer.instances, ct.vms, ct.slotsPerVm, pt.vms);
    // billed per instance: one write, one read (each no faster than the request bound allows)
    const senderUsd = functionUsd(flow.senders, Math.max(writeOneMs, putBoundMs, putAggregateMs), pt.billedMemoryMb, platform);
    const receiverUsd = functionUsd(flow.receivers, Math.max(readOneMs, getBoundMs, getAggregateMs), ct.billedMemoryMb, platform);
    // the edge's time at f = 1, every wave included
    const writeMs1 = Math.max(pt.waves * writeOneMs, putBoundMs, putAggregateMs);
    const readMs1 = Math.max(ct.waves * readOneMs, getBoundMs, getAggregateMs);
    const putUsd = totalPuts * store.priceUsdPerPut;
    const getUsd = totalGets * store.priceUsdPerGet;
    return modeOption(
      "remote",
      { write: writePieces(uploaders), read, besideDirectWrite: writePieces(uploaders + pullers) },
      {
        computeUsd: sendersScale ? { fixedUsd: 0, perFractionUsd: senderUsd + receiverUsd } : { fixedUsd: senderUsd, perFractionUsd: receiverUsd },
        objectStoreUsd: putsScale ? { fixedUsd: 0, perFractionUsd: putUsd + getUsd } : { fixedUsd: putUsd, perFractionUsd: getUsd },
      },
      { splittable: true, requiresAdmission: false },
      { writeMs: writeMs1, readMs: readMs1, putBoundMs, getBoundMs, ...(store.aggregateBytesPerSecond === undefined ? {} : { putAggregateMs, getAggregateMs }), puts: totalPuts, gets: totalGets, prefixes },
      nicLines(platform, { fixedBytes: uploaders * written.fixedBytes, perFractionBytes: uploaders * written.perFractionBytes }),
    );
  },
};

/** The fewest prefixes (up to the bucket's) whose request bound is no longer than the edge's own I/O; all of them if none is. */
export function prefixesNeeded(puts: number, gets: number, store: { readonly writesPerSecond: number; readonly readsPerSecond: number; readonly prefixes: number }, ioMs: number): number {
  for (let k = 1; k < store.prefixes; k++) {
    if (Math.max(requestBoundMs(puts, store.writesPerSecond, k), requestBoundMs(gets, store.readsPerSecond, k)) <= ioMs) return k;
  }
  return store.prefixes;
}
