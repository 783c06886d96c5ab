/**
 * Feeds CSV rows through a RowMapper into a TraceTable, counting as it goes. In "throw" mode the
 * first bad row or cell is an InputError naming file, line and column; in "skip" mode it is counted
 * (whole rows by reason, bad cells per target by reason) and the row keeps what was good.
 */
import { InputError, type Issue } from "../errors.js";
import type { RowMapper } from "./mapping/compile-mapping.js";
import { describeMapper } from "./mapping/compile-mapping.js";
import { mapRow } from "./mapping/map-row.js";
import type { OnInvalidRow, ReadReport } from "./read-report.js";
import { TARGET_FIELDS, type TargetField, type TraceRecord } from "./trace-record.js";
import type { TraceTable } from "./trace-table.js";

const MAX_ROW_EXAMPLES = 100;

/** What `enrich` makes of a row: the completed record (maybe with targets withheld), or why it cannot be used. */
export type Enriched =
  | TraceRecord
  | { readonly record: TraceRecord; readonly targetSkips: readonly { readonly target: TargetField; readonly reason: string; readonly issue?: Issue }[] }
  | { readonly reason: string; readonly issue: Issue; readonly dropped?: boolean };
const TARGETS: ReadonlySet<string> = new Set(TARGET_FIELDS);

export class RowIngest {
  private rowsRead = 0;
  private rowsKept = 0;
  private rowsFiltered = 0;
  private readonly rowsSkipped = new Map<string, number>();
  private readonly fieldsSkipped = new Map<string, number>();
  private readonly examples: Issue[] = [];

  /**
   * `enrich` completes a mapped record from another source (a REPORT line for a Lambda join), or
   * says why the row cannot be used: bad input (an error in "throw" mode), or with `dropped` a valid
   * row that must not train (a failed invocation), counted in either mode. It can also keep the row
   * but withhold targets whose values are not measurements (`targetSkips`, counted by reason).
   */
  constructor(
    private readonly mapper: RowMapper,
    private readonly table: TraceTable,
    private readonly onInvalid: OnInvalidRow = "throw",
    private readonly enrich?: (record: TraceRecord, row: readonly string[], line: number) => Enriched,
  ) {}

  /** Data rows seen so far (what report() gives as rowsRead, without building the report). */
  get rowsReadSoFar(): number {
    return this.rowsRead;
  }

  private reject(reason: string, issue: Issue, dropped = false): void {
    if (this.onInvalid === "throw" && !dropped) throw new InputError(`Invalid trace row in ${this.mapper.file}`, [issue]);
    this.rowsSkipped.set(reason, (this.rowsSkipped.get(reason) ?? 0) + 1);
    if (this.examples.length < MAX_ROW_EXAMPLES) this.examples.push(issue);
  }

  push(row: readonly string[], line: number): void {
    this.rowsRead++;
    const m = mapRow(this.mapper, row, line);
    if (m.kind === "filtered") {
      this.rowsFiltered++;
      return;
    }
    if (m.kind === "rejected") return this.reject(m.reason, m.issue);
    if (this.onInvalid === "throw") {
      const bad = m.problems.find((p) => p.issue !== undefined);
      if (bad !== undefined) throw new InputError(`Invalid trace row in ${this.mapper.file}`, [bad.issue!]);
    }
    let record = m.record;
    let withheld: readonly { readonly target: TargetField; readonly reason: string; readonly issue?: Issue }[] = [];
    if (this.enrich !== undefined) {
      const e = this.enrich(record, row, line);
      if ("reason" in e) return this.reject(e.reason, e.issue, e.dropped === true);
      if ("targetSkips" in e) {
        record = e.record;
        withheld = e.targetSkips;
      } else record = e;
    }
    this.rowsKept++;
    this.table.add(record, m.runKey);
    for (const w of withheld) this.table.skip(w.target, w.reason, w.issue);
    for (const p of m.problems) {
      if (TARGETS.has(p.field)) {
        if ((p.field === "fanout" && this.mapper.runs !== undefined) || record[p.field as TargetField] !== undefined) continue;
        this.table.skip(p.field as TargetField, p.reason, p.issue);
      } else if (p.issue !== undefined) {
        const key = `${p.field}: ${p.reason}`;
        this.fieldsSkipped.set(key, (this.fieldsSkipped.get(key) ?? 0) + 1);
      }
    }
    // A target with no source at all is absent from every row: count it once per row, as such.
    for (const t of TARGET_FIELDS) {
      if (!this.mapper.fields.has(t) && !(t === "fanout" && this.mapper.runs !== undefined) && record[t] === undefined && !withheld.some((w) => w.target === t)) this.table.skip(t, "no column");
    }
  }

  report(): ReadReport {
    const targets = this.table.targetSummaries();
    return {
      file: this.mapper.file,
      rowsRead: this.rowsRead,
      rowsKept: this.rowsKept,
      rowsFiltered: this.rowsFiltered,
      rowsSkipped: Object.fromEntries(this.rowsSkipped),
      skipped: this.examples,
      fieldsSkipped: Object.fromEntries(this.fieldsSkipped),
      targets,
      columns: describeMapper(this.mapper),
      ...(this.mapper.hints.length === 0 ? {} : { hints: this.mapper.hints }),
    };
  }
}
