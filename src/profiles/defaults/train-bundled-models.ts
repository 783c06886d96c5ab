/**
 * Re-makes the bundled profile sets: every datasets/<app>.csv trained (model auto) into
 * models/<app>/. Run from the repository root: `npx tsx src/profiles/defaults/train-bundled-models.ts`.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { readCsvTraces } from "../../traces/read-csv-traces.js";
import { formatMetricsTable } from "../report/format-metrics.js";
import { saveProfiles } from "../store/save-profiles.js";
import { trainProfiles } from "../train/train-profiles.js";

export async function trainBundledModels(datasetsDir = "datasets", modelsDir = "models"): Promise<string[]> {
  const files = (await readdir(datasetsDir)).filter((f) => f.endsWith(".csv")).sort();
  const written: string[] = [];
  for (const file of files) {
    const { records, report } = await readCsvTraces(path.join(datasetsDir, file));
    const set = await trainProfiles(records);
    const out = path.join(modelsDir, path.basename(file, ".csv"));
    await saveProfiles(set, out);
    process.stdout.write(`${out}: ${report.rowsKept} rows, ${set.data.metadata.trainingMs} ms, MLP backend ${set.data.metadata.backend}\n${formatMetricsTable(set.data)}\n`);
    written.push(out);
  }
  return written;
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]))) await trainBundledModels();
