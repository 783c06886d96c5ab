/**
 * What a file could give that the mapping left out, said as the caller would write it: a start and
 * an end time that are no epoch (offsets from a run's start) could give the runtime by an
 * expression; a run-id column could give fanout counted per run; a column read in its field's
 * default unit for want of one in its name (Azure's 2021 trace has `duration` in seconds) could be
 * in another, given after a colon. Printed beside the file's columns, never applied: which unit the
 * offsets or the duration are in, and which column names a workflow run, only the user knows.
 */
import type { FieldSource } from "./field-source.js";
import { withUnit, type MappingOrigin } from "./mapping-labels.js";
import { normaliseName } from "./names.js";
import { findTimePair } from "./time-pair.js";
import type { TraceField } from "../trace-record.js";
import { FIELD_DIMENSION, unitsFor, type Dimension, type ValueUnit } from "./units.js";

/** Column names that identify a workflow run (normalised). */
const RUN_ID_NAMES: readonly string[] = ["run_id", "workflow_run_id", "workflow_id", "execution_id", "execution_arn", "request_id", "job_id", "trace_id"];

/**
 * The unit a hint offers in place of an assumed one: the likeliest other (seconds for Azure's
 * durations, KB for a Linux max_rss). Times and memory only, where traces in the wild differ (s, ms,
 * µs; B, KB, MB); a size without a unit is bytes nearly everywhere (Cloud Logging's requestSize,
 * SeBS's blob.download), so its assumption is only said in the columns line.
 */
const ASSUMED_ALTERNATIVE: Partial<Record<Dimension, ValueUnit>> = { time: "s", memory: "KB" };

/** `provided`: fields another source fills (a REPORT join gives runtime and memory), of which nothing is hinted. */
export function mappingHints(header: readonly string[], fields: ReadonlyMap<TraceField, FieldSource>, provided: ReadonlySet<TraceField>, origin: MappingOrigin): string[] {
  const hints: string[] = [];
  for (const [field, source] of fields) {
    const other = ASSUMED_ALTERNATIVE[FIELD_DIMENSION[field]];
    if (source.assumedUnit === undefined || other === undefined) continue;
    const units = unitsFor(field);
    hints.push(`${field}: ${source.label} has no unit in its name and was read in ${source.assumedUnit}; if it is in another (${units.join(", ")}), give it: ${withUnit(origin, field, source, other)}`);
  }
  const pair = findTimePair(header);
  if (!fields.has("runtimeMs") && !provided.has("runtimeMs") && pair !== undefined) {
    const expr = `(${header[pair.end]} - ${header[pair.start]}) * 1000`;
    const how = origin === "cli" ? `--derive 'runtimeMs=${expr}'` : `columns.runtimeMs: { expr: ${JSON.stringify(expr)} }`;
    hints.push(`runtimeMs: no column gives it, and ${header[pair.start]} and ${header[pair.end]} were not read as times; if they are seconds, ${how}`);
  }
  if (!fields.has("fanout") && !provided.has("fanout")) {
    const names = header.map(normaliseName);
    // In a REPORT join (runtime provided) request ids are Lambda's, one per invocation: no run.
    const candidates = provided.has("runtimeMs") ? RUN_ID_NAMES.filter((n) => n !== "request_id") : RUN_ID_NAMES;
    const run = candidates.map((n) => names.indexOf(n)).find((i) => i >= 0);
    if (run !== undefined) {
      const how = origin === "cli" ? `--fanout-run ${header[run]} with --next F=G or --dag FILE` : `fanoutFromRuns: { runColumn: ${JSON.stringify(header[run])}, next }`;
      hints.push(`fanout: if ${header[run]} names a workflow run, count each function's next-stage invocations per run: ${how}`);
    }
  }
  return hints;
}
