/**
 * The field delimiter of a delimited trace file, sniffed from its header line as Python's
 * csv.Sniffer and pandas' `sep=None` do: of comma, tab, semicolon and vertical bar, the one that
 * occurs most often outside double quotes in the first non-blank line (a comma on a tie or when none
 * occurs). Tab-separated exports (pandas `sep="\t"`, spreadsheet "Text (tab delimited)") and
 * semicolon-separated ones (spreadsheets in locales whose decimal mark is a comma) then read like CSV
 * instead of as one column named by the whole header.
 */
export type CsvDelimiter = "," | "\t" | ";" | "|";

/** In order of preference on a tie. */
const CANDIDATES: readonly CsvDelimiter[] = [",", "\t", ";", "|"];

/** The delimiter of a file whose text starts with `start` (its first line is enough). */
export function sniffDelimiter(start: string): CsvDelimiter {
  const counts = new Map<string, number>(CANDIDATES.map((d) => [d, 0]));
  let quoted = false, seen = false;
  for (const c of start.replace(/^\ufeff/, "")) {
    if (c === '"') quoted = !quoted; // a doubled quote inside quotes toggles twice: still quoted
    else if (!quoted && (c === "\n" || c === "\r")) {
      if (seen) break; // the end of the first non-blank line
    } else {
      if (c === "\t" || c.trim() !== "") seen = true;
      const n = quoted ? undefined : counts.get(c);
      if (n !== undefined) counts.set(c, n + 1);
    }
  }
  let best: CsvDelimiter = ",";
  for (const d of CANDIDATES) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
