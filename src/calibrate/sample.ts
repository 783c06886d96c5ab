/**
 * One measurement as a row: `backend, operation, object_bytes, concurrency, requests, duration_ms`
 * — `requests` requests of `object_bytes` each, `concurrency` in flight, taking `duration_ms` of wall
 * time in all. Calibration writes its samples as this CSV, and reads a user's benchmark CSV in the
 * same columns (a header row first; other columns are ignored). A bad row is an error naming the
 * file, line and field.
 */
import { inputErrorOf, issue, type Issue } from "../errors/index.js";
import { parseCsvRows } from "../traces/formats/csv-rows.js";

export const SAMPLE_BACKENDS = ["object-store", "cache", "direct", "local", "dispatch"] as const;
export const SAMPLE_OPERATIONS = ["get", "put", "pull", "write", "read", "step", "pickup"] as const;
export type SampleBackend = (typeof SAMPLE_BACKENDS)[number];
export type SampleOperation = (typeof SAMPLE_OPERATIONS)[number];

export interface Sample {
  readonly backend: SampleBackend;
  readonly operation: SampleOperation;
  readonly objectBytes: number;
  readonly concurrency: number;
  readonly requests: number;
  readonly durationMs: number;
}

const COLUMNS = ["backend", "operation", "object_bytes", "concurrency", "requests", "duration_ms"] as const;

export function formatSamplesCsv(samples: readonly Sample[]): string {
  const rows = samples.map((s) => [s.backend, s.operation, s.objectBytes, s.concurrency, s.requests, s.durationMs.toFixed(3)].join(","));
  return [COLUMNS.join(","), ...rows].join("\n") + "\n";
}

export function parseSamplesCsv(text: string, file: string): Sample[] {
  const rows = parseCsvRows(text, file);
  const header = rows[0]?.record.map((h) => h.toLowerCase()) ?? [];
  const issues: Issue[] = [];
  const at = COLUMNS.map((c) => header.indexOf(c));
  COLUMNS.forEach((c, k) => {
    if (at[k]! < 0 && c !== "requests") issues.push(issue("calibrate.badSampleRow", { path: [file, "line 1", c], params: { reason: `no ${c} column` }, actual: header.join(",") }));
  });
  if (issues.length > 0) throw inputErrorOf(issues, `Cannot read ${file}`);
  const out: Sample[] = [];
  for (const row of rows.slice(1)) {
    const cell = (k: number) => (at[k]! >= 0 ? row.record[at[k]!] ?? "" : "");
    const where = [file, `line ${row.info.lines}`];
    const backend = cell(0) as SampleBackend;
    const operation = cell(1) as SampleOperation;
    const num = (k: number, min: number, fallback?: number) => {
      const raw = cell(k);
      if (raw === "" && fallback !== undefined) return fallback;
      const v = Number(raw);
      if (raw === "" || !Number.isFinite(v) || v < min || (min === 0 && k === 5 && v === 0)) {
        issues.push(issue("calibrate.badSampleRow", { path: [...where, COLUMNS[k]!], params: { reason: `${COLUMNS[k]!} must be a number ≥ ${min}${k === 5 ? " and > 0" : ""}` }, actual: JSON.stringify(raw) }));
        return NaN;
      }
      return v;
    };
    if (!(SAMPLE_BACKENDS as readonly string[]).includes(backend)) issues.push(issue("calibrate.badSampleRow", { path: [...where, "backend"], params: { reason: "unknown backend" }, expected: SAMPLE_BACKENDS.join(" | "), actual: JSON.stringify(backend) }));
    if (!(SAMPLE_OPERATIONS as readonly string[]).includes(operation)) issues.push(issue("calibrate.badSampleRow", { path: [...where, "operation"], params: { reason: "unknown operation" }, expected: SAMPLE_OPERATIONS.join(" | "), actual: JSON.stringify(operation) }));
    out.push({ backend, operation, objectBytes: num(2, 0), concurrency: num(3, 1), requests: num(4, 1, 1), durationMs: num(5, 0) });
  }
  if (issues.length > 0) throw inputErrorOf(issues, `Cannot read ${file}`);
  return out;
}
