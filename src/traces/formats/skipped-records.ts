/**
 * Records a reader skipped before the mapping saw them (a JSON line that is not an object, with
 * `onInvalid: "skip"`), counted by reason with the first few examples, then added to the file's
 * report: they count as rows read and skipped whole, like a CSV row the mapping rejects.
 */
import type { Issue } from "../../errors.js";
import type { ReadReport } from "../read-report.js";

const MAX_EXAMPLES = 100;

function lineOf(i: Issue): number {
  const m = /^line (\d+)$/.exec(String(i.path[1] ?? ""));
  return m === null ? 0 : Number(m[1]);
}

export class SkippedRecords {
  private readonly byReason = new Map<string, number>();
  private readonly examples: Issue[] = [];
  private total = 0;

  add(reason: string, example: Issue): void {
    this.total++;
    this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + 1);
    if (this.examples.length < MAX_EXAMPLES) this.examples.push(example);
  }

  get count(): number {
    return this.total;
  }

  /** `report` with these records added to the rows read and skipped, examples in line order. */
  applyTo(report: ReadReport): ReadReport {
    if (this.total === 0) return report;
    const rowsSkipped = { ...report.rowsSkipped };
    for (const [reason, n] of this.byReason) rowsSkipped[reason] = (rowsSkipped[reason] ?? 0) + n;
    const skipped = [...report.skipped, ...this.examples].sort((a, b) => lineOf(a) - lineOf(b)).slice(0, MAX_EXAMPLES);
    return { ...report, rowsRead: report.rowsRead + this.total, rowsSkipped, skipped };
  }
}
