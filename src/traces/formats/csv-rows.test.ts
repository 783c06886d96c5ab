import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../errors.js";
import { streamCsvRows, type CsvRow } from "./csv-rows.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sluice-csv-rows-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function collect(file: string): Promise<{ rows: CsvRow[]; batches: number }> {
  const rows: CsvRow[] = [];
  let batches = 0;
  for await (const batch of streamCsvRows(file)) {
    batches++;
    rows.push(...batch);
  }
  return { rows, batches };
}

describe("streamCsvRows", () => {
  it("yields every row in order with its line, in batches rather than one await per row", async () => {
    // Header + 20,000 rows: row k (1-based) is on line k + 1 and holds k and 2k.
    const file = path.join(dir, "many.csv");
    await writeFile(file, ["a,b", ...Array.from({ length: 20_000 }, (_, i) => `${i + 1},${2 * (i + 1)}`)].join("\n") + "\n");
    const { rows, batches } = await collect(file);
    expect(rows.length).toBe(20_001);
    expect(rows[0]!.record).toEqual(["a", "b"]);
    for (const k of [1, 777, 20_000]) expect(rows[k]).toEqual({ record: [String(k), String(2 * k)], info: expect.objectContaining({ lines: k + 1 }) });
    expect(batches).toBeLessThan(rows.length / 10);
  });

  it("an empty file yields nothing and ends", async () => {
    const file = path.join(dir, "empty.csv");
    await writeFile(file, "");
    expect((await collect(file)).rows).toEqual([]);
  });

  it("malformed CSV deep in the file is an InputError naming the file and line", async () => {
    // 5,000 good rows, then an unclosed quote on line 5,002.
    const file = path.join(dir, "bad.csv");
    await writeFile(file, ["a,b", ...Array.from({ length: 5_000 }, (_, i) => `${i},${i}`), '1,"open'].join("\n") + "\n");
    const error = await collect(file).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(JSON.stringify((error as InputError).issues)).toContain(file);
  });
});
