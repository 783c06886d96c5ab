/**
 * Numbers written with a decimal comma. A semicolon-delimited file is what spreadsheets write in
 * locales whose decimal mark is a comma (de, fr, es, it, nl, pt, ru, …), and there `61,5` is 61.5:
 * such cells are rewritten with a point before the mapping reads them, so they train instead of
 * being bad cells. Only a whole cell of digits, one comma and digits (an exponent allowed) is
 * rewritten; any other cell — `1,234,567`, an id, text — is left as it is.
 */
const DECIMAL_COMMA = /^([+-]?\d+),(\d+(?:[eE][+-]?\d+)?)$/;

/** The cell with its decimal comma made a point, or the cell itself. */
export function decimalPoint(cell: string): string {
  const m = DECIMAL_COMMA.exec(cell);
  return m === null ? cell : `${m[1]}.${m[2]}`;
}

/** Rewrites the decimal-comma cells of records in place. */
export function rewriteDecimalCommas(records: readonly { readonly record: string[] }[]): void {
  for (const { record } of records) for (let j = 0; j < record.length; j++) record[j] = decimalPoint(record[j]!);
}
