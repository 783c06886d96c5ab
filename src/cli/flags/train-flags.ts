/**
 * `sluice train`'s flags and their help. train-mapping.ts turns the mapping flags into the trace
 * mapping the API takes.
 */
import { MODEL_CHOICES } from "../../profiles/regressors/types.js";
import { TRACE_FIELDS } from "../../traces/trace-record.js";
import { VALUE_UNITS } from "../../traces/mapping/units.js";

export const TRAIN_FLAGS = {
  traces: { type: "string", multiple: true },
  "report-log": { type: "string" },
  sizes: { type: "string" },
  column: { type: "string", multiple: true },
  derive: { type: "string", multiple: true },
  constant: { type: "string", multiple: true },
  where: { type: "string" },
  "fanout-run": { type: "string" },
  next: { type: "string", multiple: true },
  dag: { type: "string" },
  "id-column": { type: "string" },
  "skip-invalid": { type: "boolean" },
  model: { type: "string" },
  folds: { type: "string" },
  seed: { type: "string" },
  backend: { type: "string" },
  out: { type: "string" },
  plot: { type: "string" },
  quiet: { type: "boolean" },
  "dry-run": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export const TRAIN_HELP = `Usage: sluice train --traces FILE.csv|FILE.jsonl|DIR [--traces …] --out DIR [options]
       sluice train --report-log LOG|DIR --sizes SIZES.csv --out DIR [options]

Trains per-function profiles (runtime, peak memory, output size, fanout as functions of input
bytes; warm and cold invocations apart; runtime also of the memory setting when traced at several)
from traces, and saves them to DIR (profiles.json + weights.bin). Files are streamed: millions of
rows train in bounded memory.

Input:
  --traces FILE|DIR    trace CSV, JSON Lines or Parquet, one invocation a row or line
                       (repeatable); a folder stands for every trace file under it, in name
                       order. CSV may be comma, tab, semicolon (decimal commas read) or |
                       delimited (sniffed from the header); any trace, log or sizes file may be
                       gzip-compressed (.csv.gz). Headers are matched in any style (input_bytes,
                       inputBytes, blob.download, max-mem-used), units read from suffixes
                       (duration_ms, upload_kib, max_mem_used_mb) or from a cell's own (61 MB,
                       12.5ms, 128Mi, 0.12s, a TimeSpan 00:00:00.1234567). A duration named
                       without a unit is ms, unless start and end times beside it show µs, s or
                       ns (else the columns line says "ms assumed" and a hint says how to give
                       the unit: --column runtimeMs=duration:s); with no duration column, epoch
                       or ISO start and end times give the runtime. JSON: .jsonl/.ndjson, a
                       .json array of objects, or any file whose first character is { (a .log
                       export); keys are the headers, nested ones dotted ({"blob":{"download":…}}
                       is blob.download), a missing key an empty cell; an OpenTelemetry (OTLP)
                       export line is a row per span, an X-Ray batch-get-traces document a row
                       per segment. A request log (Application Insights requests, Cloud Logging
                       httpRequest, OpenWhisk activations): the error or a hint names a column
                       that could give a missing field (--column function=name,
                       --column runtimeMs=httpRequest.latency) and a success flag that --where
                       could keep failed invocations out by.
                       Parquet: .parquet or by its magic bytes; a struct's fields dotted like
                       JSON keys, timestamps as seconds since the epoch
  --report-log PATH    AWS Lambda log export (needs --sizes): REPORT lines, JSON-format
                       platform.report events, or a Logs Insights export of REPORT fields
                       (@requestId, @duration, @maxMemoryUsed, …; CSV or get-query-results
                       JSON); failed invocations (timeout, error) are skipped. A folder is an
                       export in parts (CloudWatch to S3: <task>/<log stream>/000000.gz), read
                       in name order, each part's folder its log stream
  --sizes FILE         CSV, JSON Lines or Parquet of request sizes joined with the reports by
                       request id;
                       with the JSON log format it may be the log itself (the app's own lines,
                       picked with --where; platform events are passed over)
  --id-column COL      the request-id column of --sizes (default: the column matching most REPORT ids)
  --column F=COL[:U]   read field F from column COL in unit U (${VALUE_UNITS.join(" ")}),
                       e.g. --column runtimeMs=provider.execution_duration:us (repeatable); COL
                       may reach into a column of JSON text: customDimensions.InputBytes
  --derive F=EXPR[:U]  compute field F from columns, e.g. --derive 'runtimeMs=(end - start) * 1000'
                       or --derive 'inputBytes=blob.download + extra_bytes' (repeatable); times
                       may be epoch seconds or ISO 8601 text (2024-05-01T12:00:10.023Z)
  --constant F=VALUE   a fixed value for a field missing from the file, e.g. --constant app=video
  --where EXPR         keep only rows where EXPR holds, e.g. --where 'is_cold == 0 and func != "warmup"'
  --fanout-run COL     count fanout per workflow run: COL is the run id; with --next or --dag
  --next F=G[,H]       function F's next stage(s) is G (repeatable); a function without one is a sink
  --dag FILE           take every function's next stages from a DAG JSON's edges
  --skip-invalid       count and skip bad rows and cells instead of stopping at the first

Training:
  --model M            auto (validated on unseen sizes, default) | ${MODEL_CHOICES.filter((m) => m !== "auto").join(" | ")}
  --folds N            cross-validation folds (default 5)
  --seed N             MLP seed (default 7)
  --backend B          auto | tensorflow | wasm | cpu (MLP only; default auto)

Output:
  --out DIR            folder for the profile set (required unless --dry-run), e.g. models/mapreduce-sort
  --plot FILE          predicted vs measured per function and target (.svg or .png; large traces
                       are drawn as binned medians and 5–95% ranges)
  --quiet              no progress bar
  --dry-run            read and map the traces, print what each file kept, what each target would
                       train on and each function's rows, sizes and memory settings, then stop:
                       nothing is trained or written (to check a mapping on a large file first)
  -h, --help           this help

Fields (any style): ${TRACE_FIELDS.join(", ")}
  cold may come from an init time (initTime, init_duration: cold where it is there and > 0); a
  memory limit (limits.memory, memory_limit) is the memory setting, never a peak
`;
