/**
 * Outputs the CLI writes (a model folder, a plot): checked before any long work, written whole or
 * not at all. `checkOutputTarget` fails fast on a path that cannot take the output: a folder where a
 * file goes (or a file where a folder goes), a device or FIFO, a pseudo file system (/proc, /sys),
 * a missing or read-only parent. `writeOutputFile` writes a temporary file beside the target,
 * fsyncs it and renames it into place; any failure removes the temporary and is an I/O error (74)
 * naming the flag and the path.
 */
import { constants, statfsSync, type Stats } from "node:fs";
import { access, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { sluiceError } from "../../errors.js";

// statfs magic numbers of pseudo file systems, where a write hangs, fails late or means something else.
const PSEUDO_FS = new Map<number, string>([
  [0x9fa0, "procfs"],
  [0x62656572, "sysfs"],
  [0x64626720, "debugfs"],
  [0x74726163, "tracefs"],
  [0x27e0eb, "cgroupfs"],
  [0x63677270, "cgroup2fs"],
  [0x73636673, "securityfs"],
  [0x1cd1, "devpts"],
  [0xcafe4a11, "bpffs"],
]);

export type OutputKind = "file" | "folder";

async function statOrUndefined(p: string): Promise<Stats | undefined> {
  try {
    return await stat(p);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

function notATarget(flag: string, file: string, reason: string): never {
  throw sluiceError("io.notWritableTarget", { path: [file], params: { reason } }, { what: `Cannot write ${flag}` });
}

/** Throws an IoError naming `flag` if `target` cannot take an output of this kind. */
export async function checkOutputTarget(target: string, flag: string, kind: OutputKind): Promise<void> {
  const abs = path.resolve(target);
  const existing = await statOrUndefined(abs);
  if (existing !== undefined) {
    if (kind === "file" && abs === "/dev/null") return;
    if (kind === "file" && existing.isDirectory()) notATarget(flag, target, "it is a folder");
    if (kind === "folder" && !existing.isDirectory()) notATarget(flag, target, "it exists and is not a folder");
    if (kind === "file" && !existing.isFile()) notATarget(flag, target, "it is a device, FIFO or socket, not a regular file");
  }
  // The nearest folder that exists: it must be a folder, on a real file system, and writable.
  let dir = existing?.isDirectory() && kind === "folder" ? abs : path.dirname(abs);
  let dirStat = await statOrUndefined(dir);
  while (dirStat === undefined && path.dirname(dir) !== dir) {
    if (kind === "file") notATarget(flag, target, `its folder ${dir} does not exist`);
    dir = path.dirname(dir);
    dirStat = await statOrUndefined(dir);
  }
  if (dirStat === undefined || !dirStat.isDirectory()) notATarget(flag, target, `${dir} is not a folder`);
  const fsName = PSEUDO_FS.get(Number(statfsSync(dir).type));
  if (fsName !== undefined) notATarget(flag, target, `${dir} is on ${fsName}, a pseudo file system`);
  try {
    await access(dir, constants.W_OK);
  } catch {
    notATarget(flag, target, `${dir} is not writable`);
  }
}

/** Writes `data` to `file` whole or not at all (temporary file, fsync, rename); failures are I/O errors naming `flag`. */
export async function writeOutputFile(file: string, data: string | Uint8Array, flag: string): Promise<void> {
  if (path.resolve(file) === "/dev/null") return;
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  try {
    const handle = await open(tmp, "wx");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const reason = err instanceof Error ? err.message.replace(/^[A-Z]+: /, "") : String(err);
    throw sluiceError("io.cannotWrite", { path: [file], params: { reason } }, { what: `Cannot write ${flag}`, cause: err });
  }
}
