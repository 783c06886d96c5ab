/**
 * Where one trace field's value comes from in a row: a column with its unit factor, an expression,
 * a constant, or a header recognised by name — and how it is labelled in messages and the summary.
 */
import type { CellValue } from "./cell-value.js";
import type { TraceField } from "../trace-record.js";
import type { ValueUnit } from "./units.js";

export interface FieldSource {
  readonly field: TraceField;
  /** How the value is found, for messages and the summary: a header, an expression or a constant. */
  readonly label: string;
  readonly kind: "column" | "expr" | "constant" | "recognised";
  /** The raw value in a row (before the unit factor). */
  readonly get: (row: readonly string[]) => CellValue;
  readonly factor: number;
  /**
   * The unit the values are read in for want of one anywhere (not in the name, not from the caller, not
   * settled by a start/end pair, not carried by the cells): the field's default, said in the columns
   * line and a hint (mapping-hints.ts) so a duration in seconds is not silently read as ms.
   */
  readonly assumedUnit?: ValueUnit;
}
