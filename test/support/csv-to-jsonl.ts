/**
 * A CSV trace rewritten as JSON Lines, as a structured logger would write the same records: one
 * object a row, numbers as JSON numbers, `true`/`false` (any case) as booleans, an empty cell as a
 * missing key, and with `nest` the dotted headers as nested objects (`blob.download` →
 * `{"blob":{"download":…}}`). For tests that a JSON trace reads like its CSV.
 */
import { parse } from "csv-parse/sync";

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function valueOf(cell: string): string | number | boolean {
  if (NUMBER.test(cell)) return Number(cell);
  if (/^(true|false)$/i.test(cell)) return cell.toLowerCase() === "true";
  return cell;
}

export function csvRecordsToObjects(csv: string, options: { readonly nest?: boolean } = {}): Record<string, unknown>[] {
  const [header, ...rows] = parse(csv, { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    header!.forEach((h, i) => {
      const cell = row[i] ?? "";
      if (cell === "") return;
      const path = options.nest ? h.split(".") : [h];
      let at = out;
      for (const k of path.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
      at[path.at(-1)!] = valueOf(cell);
    });
    return out;
  });
}

export function csvToJsonl(csv: string, options: { readonly nest?: boolean } = {}): string {
  return csvRecordsToObjects(csv, options).map((o) => JSON.stringify(o)).join("\n") + "\n";
}
