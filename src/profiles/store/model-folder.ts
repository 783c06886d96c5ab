/**
 * A model folder written whole or not at all. POSIX rename cannot replace a non-empty folder, so:
 * 1. the files are written into a sibling temp folder `.NAME.sluice-tmp-ID`, each fsynced, then
 *    the folder itself;
 * 2. one rename marks it complete: `.NAME.sluice-new-ID`;
 * 3. a new NAME is that folder renamed into place (one rename); an existing NAME is first renamed
 *    aside to `.NAME.sluice-old-ID`, the new folder renamed into place, and the old one removed.
 * A kill can land between the two renames of step 3 and leave no NAME: readers then take the
 * complete new sibling (else the old one) — `resolveModelFolder` — so a model folder always loads
 * as the old or the new model. The next save finishes any interrupted swap and removes every
 * leftover sibling, so no temporary outlives it. (Two processes saving the same folder at once
 * are not coordinated: the last complete save wins.)
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";

export interface ModelFile {
  readonly name: string;
  readonly data: string | Uint8Array;
}

type Kind = "tmp" | "new" | "old";
const siblingPrefix = (dir: string) => `.${path.basename(dir)}.sluice-`;
const sibling = (dir: string, kind: Kind, id: string) => path.join(path.dirname(dir), `${siblingPrefix(dir)}${kind}-${id}`);

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw err;
  }
}

async function fsyncPath(p: string): Promise<void> {
  const handle = await open(p, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeSynced(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(file, "wx");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The leftover siblings of `dir`, by kind, newest name last. */
async function siblings(dir: string): Promise<Record<Kind, string[]>> {
  const prefix = siblingPrefix(dir);
  const out: Record<Kind, string[]> = { tmp: [], new: [], old: [] };
  let names: string[];
  try {
    names = await readdir(path.dirname(dir));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return out;
    throw err;
  }
  for (const name of names.sort()) {
    if (!name.startsWith(prefix)) continue;
    const kind = name.slice(prefix.length).split("-")[0] as Kind;
    if (kind in out) out[kind].push(path.join(path.dirname(dir), name));
  }
  return out;
}

/** The folder to read for model `dir`: itself, or after an interrupted swap its complete new (else old) sibling. */
export async function resolveModelFolder(dir: string): Promise<string> {
  if (await exists(dir)) return dir;
  const s = await siblings(dir);
  return s.new.at(-1) ?? s.old.at(-1) ?? dir;
}

/** Finishes an interrupted swap (a complete new or old sibling goes back into place) and removes every other sibling. */
export async function repairModelFolder(dir: string): Promise<void> {
  const s = await siblings(dir);
  if (!(await exists(dir))) {
    const back = s.new.at(-1) ?? s.old.at(-1);
    if (back !== undefined) await rename(back, dir);
  }
  const left = await siblings(dir);
  for (const p of [...left.tmp, ...left.new, ...left.old]) await rm(p, { recursive: true, force: true });
}

/** Writes `files` as the whole content of folder `dir`, replacing what was there (see the header). */
export async function writeModelFolder(dir: string, files: readonly ModelFile[]): Promise<void> {
  const parent = path.dirname(dir);
  await mkdir(parent, { recursive: true });
  await repairModelFolder(dir);
  const id = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const tmp = sibling(dir, "tmp", id);
  await mkdir(tmp);
  for (const f of files) await writeSynced(path.join(tmp, f.name), f.data);
  await fsyncPath(tmp);
  const ready = sibling(dir, "new", id);
  await rename(tmp, ready);
  if (!(await exists(dir))) {
    await rename(ready, dir);
  } else {
    const old = sibling(dir, "old", id);
    await rename(dir, old);
    await rename(ready, dir);
    await fsyncPath(parent);
    await rm(old, { recursive: true, force: true });
  }
  await fsyncPath(parent);
}
