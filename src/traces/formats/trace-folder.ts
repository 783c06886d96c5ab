/**
 * A folder of traces as the files in it. Harnesses write one file per run or per experiment
 * (SeBS-Flow's result folders, a CSV per benchmark repetition), and a log export is a tree of
 * compressed parts; a folder given where a trace file goes stands for every trace file under it:
 * those whose name says a trace format (`.csv`, `.tsv`, `.jsonl`, `.ndjson`, `.json`, `.parquet`,
 * `.pq`, each maybe `.gz`; or the `extensions` a caller names, or any file for a log export),
 * depth first, entries in code-point order so the same folder reads in the same order on every
 * machine. Hidden entries (`.git`, `.DS_Store`) are passed over. A folder with no such file is a
 * typed error naming it.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { sluiceError } from "../../errors.js";
import { cannotRead } from "./trace-file.js";
import { formatOfName } from "./trace-format.js";

/** Names a trace folder is searched for by default. */
export const TRACE_EXTENSIONS: readonly string[] = [".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet", ".pq"];

async function walk(dir: string, keep: (name: string) => boolean, out: string[], expected: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw cannotRead(dir, expected, e);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walk(full, keep, out, expected);
    else if (e.isFile() && keep(e.name)) out.push(full);
  }
}

export interface FolderOptions {
  /** Names to keep (lower case, with the dot), or "any" for every file (a log export's parts, `000000.gz`); default: trace formats. */
  readonly extensions?: readonly string[] | "any";
  /** What a path should be, for a folder that cannot be listed. */
  readonly expected?: string;
}

/**
 * `paths` with every folder replaced by the trace files under it (files stay as given, missing
 * paths too: their reader says they cannot be read).
 */
export async function expandTraceFolders(paths: readonly string[], options: FolderOptions = {}): Promise<string[]> {
  const { extensions, expected = "a trace file or a folder of them" } = options;
  const keep = extensions === undefined ? (name: string) => formatOfName(name) !== undefined : extensions === "any" ? () => true : (name: string) => extensions.some((x) => name.toLowerCase().endsWith(x));
  const out: string[] = [];
  for (const p of paths) {
    if (!(await isFolder(p))) {
      out.push(p);
      continue;
    }
    const found: string[] = [];
    await walk(p, keep, found, expected);
    if (found.length === 0) throw sluiceError("traces.emptyFolder", { path: [p], actual: "no such file", params: { names: extensions === "any" ? "anything" : (extensions ?? TRACE_EXTENSIONS).join(", ") } }, { what: `Cannot read ${p}` });
    out.push(...found);
  }
  return out;
}

/** Whether `p` is a folder (false for a file, or a path that does not exist). */
export async function isFolder(p: string): Promise<boolean> {
  return stat(p).then((s) => s.isDirectory(), () => false);
}
