/**
 * One trace row per invocation, in the datasets/ CSV layout. Built from a measurement by
 * `buildTraceRow`, which checks every field; formatted by `formatTraceCsv`.
 */

import { show, sluiceError } from "../errors.js";

export const TRACE_HEADER = ["app", "function", "input_bytes", "runtime_ms", "memory_mb", "output_bytes", "fanout", "memory_setting_mb", "cold"] as const;

export interface TraceRow {
  readonly app: string;
  readonly function: string;
  readonly inputBytes: number;
  readonly runtimeMs: number;
  /** Measured peak memory in MiB (see memory-probe.ts and datasets/COLLECTION.md). */
  readonly memoryMb: number;
  readonly outputBytes: number;
  readonly fanout: number;
  readonly memorySettingMb?: number;
  readonly cold: boolean;
}

export interface RowInput {
  readonly app: string;
  readonly functionName: string;
  readonly inputBytes: number;
  readonly runtimeMs: number;
  readonly memoryBytes: number;
  readonly outputBytes: number;
  readonly outputCount: number;
  readonly memorySettingMb?: number;
  readonly cold: boolean;
}

const NAME = /^[a-z0-9][a-z0-9-]*$/;

function check(ok: boolean, field: string, expected: string, actual: unknown): void {
  if (!ok) throw sluiceError("workloads.badTraceRow", { path: ["trace row", field], expected, actual: show(actual), params: { field } });
}

export function buildTraceRow(m: RowInput): TraceRow {
  check(NAME.test(m.app), "app", "a kebab-case name", m.app);
  check(NAME.test(m.functionName), "function", "a kebab-case name", m.functionName);
  check(Number.isInteger(m.inputBytes) && m.inputBytes >= 0, "input_bytes", "an integer ≥ 0", m.inputBytes);
  check(Number.isFinite(m.runtimeMs) && m.runtimeMs >= 0, "runtime_ms", "a finite number ≥ 0", m.runtimeMs);
  check(Number.isFinite(m.memoryBytes) && m.memoryBytes >= 0, "memory bytes", "a finite number ≥ 0", m.memoryBytes);
  check(Number.isInteger(m.outputBytes) && m.outputBytes >= 0, "output_bytes", "an integer ≥ 0", m.outputBytes);
  check(Number.isInteger(m.outputCount) && m.outputCount >= 1, "fanout", "an integer ≥ 1", m.outputCount);
  check(m.memorySettingMb === undefined || m.memorySettingMb > 0, "memory_setting_mb", "empty or > 0", m.memorySettingMb);
  const row = {
    app: m.app,
    function: m.functionName,
    inputBytes: m.inputBytes,
    runtimeMs: Math.round(m.runtimeMs * 1000) / 1000,
    memoryMb: Math.round((m.memoryBytes / 1048576) * 1000) / 1000,
    outputBytes: m.outputBytes,
    fanout: m.outputCount,
    cold: m.cold,
  };
  return m.memorySettingMb === undefined ? row : { ...row, memorySettingMb: m.memorySettingMb };
}

export function formatTraceRow(r: TraceRow): string {
  return [r.app, r.function, r.inputBytes, r.runtimeMs, r.memoryMb, r.outputBytes, r.fanout, r.memorySettingMb ?? "", r.cold].join(",");
}

export function formatTraceCsv(rows: readonly TraceRow[]): string {
  return [TRACE_HEADER.join(","), ...rows.map(formatTraceRow)].join("\n") + "\n";
}
