/**
 * The analytic profiles of the bundled example DAGs (examples/dags/*.json), and the list of those
 * examples with their nominal inputs. Every law is `offset + scale · x^exponent`; x is one
 * instance's input bytes (runtimeMs in ms, memoryMb in MB, outputBytes in bytes) or, for fanout,
 * the stage's total input bytes. Written with the unit constants below, so each scale reads as a
 * rate: `1000 / (67 * MB)` is "67 MB/s", `2 / MB` is "2 MB of memory per MB of input".
 *
 * These are analytic stand-ins, calibrated to the public figures in each `note` (SONIC ATC'21:
 * video 15 MB → fanout 19, LightGBM 200 MB → fanout 6, sort 1.5 GB → fanout 30; Locus NSDI'19:
 * TPC-DS Q95 stage inputs 0.8 MB – 66 GB) and to stated assumptions elsewhere. Trained profiles
 * (models/) replace them function by function. Every law is non-decreasing and non-negative from
 * 1 KB to 100 GB, and every fanout law rounds to ≥ 1 (offset ≥ 1).
 */
import { trustedAnalyticProfiles, type AnalyticProfile } from "./analytic.js";
import type { ProfileFunctions } from "../types.js";

const KB = 1e3;
const MB = 1e6;
const GB = 1e9;

/** A stage whose consumer does not take its count from this fanout (one-to-one, gather, a sink). */
const ONE = { offset: 1, scale: 0 } as const;

export const BUNDLED_ANALYTIC_SPEC = {
  // ── video-analytics (SONIC): split → extract → classify ────────────────────────────────────
  "video-split": {
    note:
      "Splits the input video into fixed-length chunks (stream copy, no re-encode). Fanout: SONIC's video app has fanout 19 at a 15 MB input; " +
      "modelled as 1 chunk + 1 per 833 kB (1 + 18 · x / 15 MB). Assumed: ~100 MB/s stream copy after a 300 ms probe; holds the whole video (128 MB + 1 MB/MB); output = input bytes.",
    runtimeMs: { offset: 300, scale: 1000 / (100 * MB) },
    memoryMb: { offset: 128, scale: 1 / MB },
    outputBytes: { offset: 0, scale: 1 },
    fanout: { offset: 1, scale: 18 / (15 * MB) },
  },
  "video-extract": {
    note:
      "Decodes one chunk (~0.8 MB at the SONIC input) and extracts k ≈ 5 representative frames as JPEGs (~50 kB each): output ≈ 0.3 × chunk bytes. " +
      "Assumed: decoding ~0.8 MB/s of compressed video (≈10 s of 480p per second), 250 ms start; 192 MB + 8 MB per MB of chunk for decoded frames. One classifier per chunk (one-to-one).",
    runtimeMs: { offset: 250, scale: 1000 / (0.8 * MB) },
    memoryMb: { offset: 192, scale: 8 / MB },
    outputBytes: { offset: 0, scale: 0.3 },
    fanout: ONE,
  },
  "video-classify": {
    note:
      "Classifies one chunk's frames with a pre-trained CNN on CPU. Assumed: 1.5 s to load the model, ~200 ms per 50 kB frame (4 ms/kB); " +
      "512 MB for the framework and model + 4 MB per MB of frames; output: labels, 100 B + 1% of the frame bytes.",
    runtimeMs: { offset: 1500, scale: 1000 / (0.25 * MB) },
    memoryMb: { offset: 512, scale: 4 / MB },
    outputBytes: { offset: 100, scale: 0.01 },
    fanout: ONE,
  },

  // ── lightgbm (SONIC): PCA → 6 tree trainers (broadcast) → combine (gather) ─────────────────
  "lightgbm-pca": {
    note:
      "PCA over the training set before the trees. Fanout: SONIC's LightGBM trains 6 trees in parallel at its 200 MB input; the tree count is a " +
      "hyper-parameter, not a function of size, so fanout = 6 at every size. Assumed: ~20 MB/s + 500 ms; 200 MB + 3 MB/MB (data, centred copy, projection); output ≈ 25% of input (reduced dimensions).",
    runtimeMs: { offset: 500, scale: 1000 / (20 * MB) },
    memoryMb: { offset: 200, scale: 3 / MB },
    outputBytes: { offset: 0, scale: 0.25 },
    fanout: { offset: 6, scale: 0 },
  },
  "lightgbm-train": {
    note:
      "Trains a LightGBM tree ensemble on its share of the PCA output (data-parallel, as LightGBM's distributed mode does; SONIC broadcasts the whole output to 6 trainers, " +
      "which no instance can hold past a few GB). Training time grows ~linearly with the data: assumed ~5 MB/s + 1 s; 256 MB + 2.5 MB/MB (raw rows and histogram bins); " +
      "output: a model of 200 kB + 70 B · √(training bytes) — more data buys more splits, not a proportionally larger model (0.4 MB at 8 MB, 2.5 MB at 1 GB).",
    runtimeMs: { offset: 1000, scale: 1000 / (5 * MB) },
    memoryMb: { offset: 256, scale: 2.5 / MB },
    outputBytes: { offset: 200 * KB, scale: 70, exponent: 0.5 },
    fanout: ONE,
  },
  "lightgbm-combine": {
    note:
      "Merges the trainers' models into one ensemble (output ≈ the models' bytes). Assumed: 300 ms + ~10 MB/s; 200 MB + 3 MB/MB.",
    runtimeMs: { offset: 300, scale: 1000 / (10 * MB) },
    memoryMb: { offset: 200, scale: 3 / MB },
    outputBytes: { offset: 0, scale: 1 },
    fanout: ONE,
  },

  // ── mapreduce-sort (SONIC): K mappers → shuffle → K reducers ───────────────────────────────
  "sort-map": {
    note:
      "Range-partitions 100-byte sort records by key (same name as the sort workload; analytic until its trained profile replaces it). " +
      "Fanout: SONIC's sort has fanout 30 at 1.5 GB: 1 reducer + 1 per 51.7 MB (1 + 29 · x / 1.5 GB). Assumed: ~67 MB/s per instance + 150 ms; " +
      "128 MB + 2 MB/MB (input and partitioned copy); output = input bytes.",
    runtimeMs: { offset: 150, scale: 1000 / (67 * MB) },
    memoryMb: { offset: 128, scale: 2 / MB },
    outputBytes: { offset: 0, scale: 1 },
    fanout: { offset: 1, scale: 29 / (1.5 * GB) },
  },
  "sort-reduce": {
    note:
      "Merges and sorts one key range from every mapper (same name as the sort workload; analytic until trained). Assumed: ~40 MB/s + 200 ms; " +
      "128 MB + 2.5 MB/MB (input, sort buffer, output); output = input bytes.",
    runtimeMs: { offset: 200, scale: 1000 / (40 * MB) },
    memoryMb: { offset: 128, scale: 2.5 / MB },
    outputBytes: { offset: 0, scale: 1 },
    fanout: ONE,
  },

  // ── tpcds-q95 (Locus-like): 3 scans → joins over shuffles + a dimension broadcast → gather ──
  // The app input is the web_sales bytes at the scale factor (66 GB nominal: Locus's largest Q95
  // stage input). Every root reads the app input (estimate-stages), so the web_returns and
  // dimension scans map their share of it to their own table's bytes in their laws.
  "q95-scan-web-sales": {
    note:
      "Scans a split of web_sales, keeps Q95's 7 of 34 columns (order, warehouse, ship date, address, site, ship cost, profit) in binary: output ≈ 15%; " +
      "hash-partitions by order number. Join partitions: 1 + 1 per GB of web_sales (67 at Locus's 66 GB). Assumed: ~100 MB/s scan + 300 ms; 256 MB + 1 MB/MB.",
    runtimeMs: { offset: 300, scale: 1000 / (100 * MB) },
    memoryMb: { offset: 256, scale: 1 / MB },
    outputBytes: { offset: 0, scale: 0.15 },
    fanout: { offset: 1, scale: 1 / GB },
  },
  "q95-scan-web-returns": {
    note:
      "Scans a split of web_returns (≈10% of web_sales' rows in TPC-DS; the DAG gives it 0.09 of the app input, web_sales 0.9), keeps wr_order_number (≈5% of a returns row), " +
      "hash-partitions by order: output 5% of its input. Join partitions: 1 + 1 per 100 MB of returns (= 1 per GB of web_sales). Assumed: ~100 MB/s + 200 ms; 256 MB + 1 MB/MB.",
    runtimeMs: { offset: 200, scale: 1000 / (100 * MB) },
    memoryMb: { offset: 256, scale: 1 / MB },
    outputBytes: { offset: 0, scale: 0.05 },
    fanout: { offset: 1, scale: 10 / GB },
  },
  "q95-scan-dims": {
    note:
      "Scans date_dim, customer_address and web_site (together ≈1% of the web_sales bytes at a large scale factor; the DAG gives them 0.009 of the app input), applies Q95's filters (60 ship days, " +
      "state IL, company 'pri') and keeps the surviving keys: ≈0.8 MB at 66 GB of web_sales, Locus's smallest Q95 stage input (output 1.2e-3 of its input). Assumed: ~100 MB/s + 200 ms; 192 MB + 1 MB/MB.",
    runtimeMs: { offset: 200, scale: 1000 / (100 * MB) },
    memoryMb: { offset: 192, scale: 1 / MB },
    outputBytes: { offset: 0, scale: 1.2e-3 },
    fanout: ONE,
  },
  "q95-self-join": {
    note:
      "ws_wh: joins web_sales with itself on order number and keeps the orders shipped from more than one warehouse; output: their keys, ≈5% of the projected rows. " +
      "Assumed: hash build and probe ~40 MB/s + 200 ms; 256 MB + 2.5 MB/MB (hash table).",
    runtimeMs: { offset: 200, scale: 1000 / (40 * MB) },
    memoryMb: { offset: 256, scale: 2.5 / MB },
    outputBytes: { offset: 0, scale: 0.05 },
    fanout: ONE,
  },
  "q95-join-returns": {
    note:
      "Joins the returned order numbers with ws_wh (co-partitioned by order): the multi-warehouse orders that were returned; output ≈10% of its input. " +
      "Assumed: ~40 MB/s + 100 ms; 192 MB + 2.5 MB/MB.",
    runtimeMs: { offset: 100, scale: 1000 / (40 * MB) },
    memoryMb: { offset: 192, scale: 2.5 / MB },
    outputBytes: { offset: 0, scale: 0.1 },
    fanout: ONE,
  },
  "q95-join-dims": {
    note:
      "Joins a partition of web_sales rows with the broadcast dimension keys (ship date, address in IL, site 'pri'); combined selectivity ≈1/30 · 1/30 · 1/6 ≈ 2e-4 " +
      "(assumed). Assumed: probe ~80 MB/s + 200 ms; 256 MB + 1.2 MB/MB.",
    runtimeMs: { offset: 200, scale: 1000 / (80 * MB) },
    memoryMb: { offset: 256, scale: 1.2 / MB },
    outputBytes: { offset: 0, scale: 2e-4 },
    fanout: ONE,
  },
  "q95-semi-join": {
    note:
      "Keeps the filtered web_sales rows whose order is among the returned multi-warehouse orders (both IN clauses); output: surviving rows, ≈2% of its input " +
      "(assumed). Assumed: ~40 MB/s + 100 ms; 192 MB + 2.5 MB/MB.",
    runtimeMs: { offset: 100, scale: 1000 / (40 * MB) },
    memoryMb: { offset: 192, scale: 2.5 / MB },
    outputBytes: { offset: 0, scale: 0.02 },
    fanout: ONE,
  },
  "q95-aggregate": {
    note:
      "count(distinct order), sum(ship cost), sum(net profit) over the surviving rows: one 64-byte result row. Assumed: ~100 MB/s + 100 ms; 192 MB + 2 MB/MB.",
    runtimeMs: { offset: 100, scale: 1000 / (100 * MB) },
    memoryMb: { offset: 192, scale: 2 / MB },
    outputBytes: { offset: 64, scale: 0 },
    fanout: ONE,
  },

  // ── wide-fanout (synthetic): 1 → 200 (scatter) → 100 (shuffle) → 1 (gather) ─────────────────
  "fan-source": {
    note:
      "Synthetic: streams the input and cuts it into slices for the workers; 1 + 1 per 10.05 MB (1 + 199 · x / 2 GB: 200 workers at the nominal 2 GB). " +
      "Assumed: ~200 MB/s + 200 ms; streams, holding ~5% of the input (256 MB + 0.05 MB/MB); output = input bytes.",
    runtimeMs: { offset: 200, scale: 1000 / (200 * MB) },
    memoryMb: { offset: 256, scale: 0.05 / MB },
    outputBytes: { offset: 0, scale: 1 },
    fanout: { offset: 1, scale: 199 / (2 * GB) },
  },
  "fan-worker": {
    note:
      "Synthetic: transforms a slice (parse + filter), output 50%; second layer width 1 + 99 · x / 2 GB (100 at 2 GB), so the shuffle between them " +
      "needs 200 · 100 = 20,000 GETs: the request-bound regime of Bodner et al. (320-worker shuffles, ~42,000 reads). Assumed: ~20 MB/s + 100 ms; 160 MB + 2 MB/MB.",
    runtimeMs: { offset: 100, scale: 1000 / (20 * MB) },
    memoryMb: { offset: 160, scale: 2 / MB },
    outputBytes: { offset: 0, scale: 0.5 },
    fanout: { offset: 1, scale: 99 / (2 * GB) },
  },
  "fan-combine": {
    note: "Synthetic: aggregates one hash partition from every worker, output 10%. Assumed: ~30 MB/s + 100 ms; 160 MB + 2 MB/MB.",
    runtimeMs: { offset: 100, scale: 1000 / (30 * MB) },
    memoryMb: { offset: 160, scale: 2 / MB },
    outputBytes: { offset: 0, scale: 0.1 },
    fanout: ONE,
  },
  "fan-sink": {
    note:
      "Synthetic: merges every partition's result (a k-way merge of the combiners' sorted outputs, streamed), output 1%. Assumed: ~100 MB/s + 200 ms; " +
      "streams its inputs, holding ~5% of them at a time (200 MB + 0.05 MB/MB), so one instance can merge a terabyte input's results.",
    runtimeMs: { offset: 200, scale: 1000 / (100 * MB) },
    memoryMb: { offset: 200, scale: 0.05 / MB },
    outputBytes: { offset: 0, scale: 0.01 },
    fanout: ONE,
  },
} as const satisfies Record<string, AnalyticProfile>;

export type BundledFunctionName = keyof typeof BUNDLED_ANALYTIC_SPEC;

let built: ProfileFunctions | undefined;

/**
 * Plain profile functions for every bundled example function, built once. The spec is checked
 * against the strict schema by bundled-analytic.test.ts rather than parsed at every start (the
 * parse was ~40 ms of a cold `sluice plan`).
 */
export function bundledAnalyticProfiles(): ProfileFunctions {
  built ??= trustedAnalyticProfiles(BUNDLED_ANALYTIC_SPEC);
  return built;
}

export interface ExampleDag {
  /** File name under examples/dags/. */
  readonly file: string;
  /** The DAG's `name` field. */
  readonly name: string;
  /** The input the example is calibrated for, in bytes. */
  readonly nominalInputBytes: number;
  /** What the example models and the public figure it is tied to. */
  readonly summary: string;
}

export const EXAMPLE_DAGS: readonly ExampleDag[] = [
  { file: "video-analytics.json", name: "video-analytics", nominalInputBytes: 15 * MB, summary: "SONIC video analytics: split → extract → classify; 15 MB, fanout 19" },
  { file: "lightgbm.json", name: "lightgbm", nominalInputBytes: 200 * MB, summary: "SONIC LightGBM: PCA → 6 trainers (broadcast) → combine (gather); 200 MB, fanout 6" },
  { file: "mapreduce-sort.json", name: "mapreduce-sort", nominalInputBytes: 1.5 * GB, summary: "SONIC MapReduce sort: 30 mappers → shuffle → reducers; 1.5 GB, fanout 30" },
  { file: "tpcds-q95.json", name: "tpcds-q95", nominalInputBytes: 66 * GB / 0.9, summary: "Locus-like TPC-DS Q95: 8 stages, stage inputs ~1 MB to 66 GB (web_sales 0.9 of the input, web_returns 0.09, dimensions 0.009)" },
  { file: "wide-fanout.json", name: "wide-fanout", nominalInputBytes: 2 * GB, summary: "Synthetic 1 → 200 (scatter) → 100 (shuffle) → 1 (gather); 2 GB" },
];
