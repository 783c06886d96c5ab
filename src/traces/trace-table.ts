/**
 * Trace rows held by column, grouped by function: what a streaming reader fills and the trainer
 * reads, a million rows in tens of megabytes (no object per row). Also keeps the per-target
 * accounting: rows each target used, and rows it skipped by reason, with a few examples.
 * `fromRecords` and `toRecords` convert from and to the row objects of the API.
 */
import type { Issue } from "../errors.js";
import { GrowableColumn } from "./growable-column.js";
import type { TargetSummary } from "./read-report.js";
import { TARGET_FIELDS, type TargetField, type TraceRecord } from "./trace-record.js";

/** Numeric columns of one function; NaN where a row lacks the value. `cold`: 1, 0 or NaN. */
export const TABLE_COLUMNS = ["inputBytes", "runtimeMs", "memoryMb", "outputBytes", "fanout", "stageInputBytes", "memorySettingMb", "cold"] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

export interface FunctionRows {
  readonly name: string;
  /** Apps this function's rows came from; `app` holds each row's index into this list. */
  readonly apps: string[];
  readonly app: GrowableColumn;
  readonly columns: Readonly<Record<TableColumn, GrowableColumn>>;
  /** Run index per row (−1: none), when fanout is counted per run. */
  readonly runs: GrowableColumn;
}

export interface TargetAccount {
  used: number;
  readonly skipped: Map<string, number>;
  readonly examples: Issue[];
}

const MAX_EXAMPLES = 5;

export class TraceTable {
  readonly functions = new Map<string, FunctionRows>();
  readonly accounts: Readonly<Record<TargetField, TargetAccount>> = Object.fromEntries(TARGET_FIELDS.map((t) => [t, { used: 0, skipped: new Map(), examples: [] }])) as unknown as Record<TargetField, TargetAccount>;
  private readonly runIndex = new Map<string, number>();
  rows = 0;

  private group(name: string): FunctionRows {
    let g = this.functions.get(name);
    if (g === undefined) {
      g = { name, apps: [], app: new GrowableColumn(), columns: Object.fromEntries(TABLE_COLUMNS.map((c) => [c, new GrowableColumn()])) as unknown as Record<TableColumn, GrowableColumn>, runs: new GrowableColumn() };
      this.functions.set(name, g);
    }
    return g;
  }

  /** Appends one row; targets it lacks are NaN (their skips are counted by the caller through `skip`). */
  add(record: TraceRecord, runKey?: string): void {
    const g = this.group(record.function);
    let app = g.apps.indexOf(record.app);
    if (app < 0) app = g.apps.push(record.app) - 1;
    g.app.push(app);
    const c = g.columns;
    c.inputBytes.push(record.inputBytes);
    for (const t of TARGET_FIELDS) {
      const v = record[t];
      c[t].push(v ?? Number.NaN);
      if (v !== undefined) this.accounts[t].used++;
    }
    c.stageInputBytes.push(record.stageInputBytes ?? Number.NaN);
    c.memorySettingMb.push(record.memorySettingMb ?? Number.NaN);
    c.cold.push(record.cold === undefined ? Number.NaN : record.cold ? 1 : 0);
    let run = -1;
    if (runKey !== undefined) {
      run = this.runIndex.get(runKey) ?? this.runIndex.size;
      if (run === this.runIndex.size) this.runIndex.set(runKey, run);
    }
    g.runs.push(run);
    this.rows++;
  }

  /** Counts a target skipped on a row, keeping the first few examples of each reason. */
  skip(target: TargetField, reason: string, issue?: Issue): void {
    const a = this.accounts[target];
    a.skipped.set(reason, (a.skipped.get(reason) ?? 0) + 1);
    if (issue !== undefined && a.examples.length < MAX_EXAMPLES) a.examples.push(issue);
  }

  /** Per target: rows used, skipped by reason, and the first examples. */
  targetSummaries(): Record<TargetField, TargetSummary> {
    return Object.fromEntries(TARGET_FIELDS.map((t) => {
      const a = this.accounts[t];
      return [t, { used: a.used, skipped: Object.fromEntries(a.skipped), examples: [...a.examples] }];
    })) as unknown as Record<TargetField, TargetSummary>;
  }

  static fromRecords(records: Iterable<TraceRecord>): TraceTable {
    const t = new TraceTable();
    for (const r of records) {
      t.add(r);
      for (const target of TARGET_FIELDS) if (r[target] === undefined) t.skip(target, "empty cell");
    }
    return t;
  }

  /** The rows as record objects, function by function in first-seen order. */
  toRecords(): TraceRecord[] {
    const out: TraceRecord[] = [];
    for (const g of this.functions.values()) {
      const c = g.columns;
      for (let i = 0; i < c.inputBytes.length; i++) {
        const r: Record<string, unknown> = { app: g.apps[g.app.get(i)]!, function: g.name, inputBytes: c.inputBytes.get(i) };
        for (const t of TARGET_FIELDS) if (!Number.isNaN(c[t].get(i))) r[t] = c[t].get(i);
        if (!Number.isNaN(c.stageInputBytes.get(i))) r.stageInputBytes = c.stageInputBytes.get(i);
        if (!Number.isNaN(c.memorySettingMb.get(i))) r.memorySettingMb = c.memorySettingMb.get(i);
        if (!Number.isNaN(c.cold.get(i))) r.cold = c.cold.get(i) === 1;
        out.push(r as TraceRecord);
      }
    }
    return out;
  }
}
