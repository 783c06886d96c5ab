/**
 * Lambda reports held by column: a million reports joined with a sizes file cost their ids and a
 * few typed arrays (about 100 MB) instead of a million objects. Numbers absent from a report are
 * NaN; statuses, environments and files are kept once each and referred to by number. `get` gives a report
 * back as the object parseLambdaReports returns.
 */
import { GrowableColumn } from "../growable-column.js";
import type { LambdaReport } from "./lambda-report.js";

const NUMBERS = ["line", "durationMs", "billedDurationMs", "memorySizeMb", "maxMemoryUsedMb", "initDurationMs", "restoreDurationMs"] as const;
type NumberField = (typeof NUMBERS)[number];

/** A report's fields as a reader has them, an absent one undefined (stored as NaN, given back absent); `part` is not given but numbered by file. */
type StoredReport = Omit<LambdaReport, "part">;
export type ReportFields = { readonly [K in keyof Required<StoredReport>]: undefined extends StoredReport[K] ? Required<StoredReport>[K] | undefined : StoredReport[K] };

export class ReportStore {
  private readonly ids: string[] = [];
  private readonly numbers = Object.fromEntries(NUMBERS.map((f) => [f, new GrowableColumn()])) as Record<NumberField, GrowableColumn>;
  private readonly statusOf = new GrowableColumn();
  private readonly environmentOf = new GrowableColumn();
  private readonly fileOf = new GrowableColumn();
  private readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();
  private readonly statuses: string[] = [];
  private readonly environments: string[] = [];
  private readonly statusIndex = new Map<string, number>();
  private readonly environmentIndex = new Map<string, number>();

  static of(reports: Iterable<LambdaReport>): ReportStore {
    const store = new ReportStore();
    for (const r of reports) store.push(r);
    return store;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Files are numbered in the order they first appear: push a folder's parts in order, and `part` is each one's place. */
  push(r: LambdaReport | ReportFields): void {
    this.ids.push(r.requestId);
    for (const f of NUMBERS) this.numbers[f].push(r[f] ?? NaN);
    this.statusOf.push(indexIn(r.status, this.statuses, this.statusIndex));
    this.environmentOf.push(r.environment === undefined ? -1 : indexIn(r.environment, this.environments, this.environmentIndex));
    this.fileOf.push(r.file === undefined ? -1 : indexIn(r.file, this.files, this.fileIndex));
  }

  requestId(i: number): string {
    return this.ids[i]!;
  }

  get(i: number): LambdaReport {
    const out: Record<string, unknown> = { requestId: this.ids[i]! };
    for (const f of NUMBERS) {
      const v = this.numbers[f].get(i);
      if (!Number.isNaN(v)) out[f] = v;
    }
    out.status = this.statuses[this.statusOf.get(i)]!;
    const e = this.environmentOf.get(i);
    if (e >= 0) out.environment = this.environments[e]!;
    const f = this.fileOf.get(i);
    if (f >= 0) {
      out.file = this.files[f]!;
      out.part = f;
    }
    return out as unknown as LambdaReport;
  }

  /** Whether any report names its environment (log stream). */
  hasEnvironments(): boolean {
    return this.environments.length > 0;
  }

  *[Symbol.iterator](): Iterator<LambdaReport> {
    for (let i = 0; i < this.ids.length; i++) yield this.get(i);
  }
}

function indexIn(value: string, table: string[], index: Map<string, number>): number {
  let k = index.get(value);
  if (k === undefined) {
    k = table.length;
    table.push(value);
    index.set(value, k);
  }
  return k;
}
