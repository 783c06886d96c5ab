/**
 * A VM's own storage: one folder per VM (on tmpfs, /dev/shm, where present), a subfolder per run.
 * Writes go to a temporary name and are renamed into place, so a retried or killed writer never
 * leaves a half-written output under the real name.
 */
import { existsSync } from "node:fs";
import { mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export function defaultVmRoot(vm: string): string {
  const base = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
  return path.join(base, `sluice-vm-${vm}-${process.pid}`);
}

export class VmStorage {
  constructor(readonly root: string) {}

  runDir(run: string): string {
    return path.join(this.root, run);
  }

  fileOf(run: string, name: string): string {
    return path.join(this.runDir(run), name);
  }

  async write(run: string, name: string, bytes: Uint8Array): Promise<void> {
    const dir = this.runDir(run);
    await mkdir(dir, { recursive: true });
    const tmp = path.join(dir, `.${name}.${process.pid}.${Math.random().toString(36).slice(2)}`);
    await writeFile(tmp, bytes);
    await rename(tmp, path.join(dir, name));
  }

  /** Reads `length` bytes at `offset`; a missing file is an Error with code ENOENT. */
  async readRange(run: string, name: string, offset: number, length: number): Promise<Uint8Array> {
    const out = new Uint8Array(length);
    const handle = await open(this.fileOf(run, name), "r");
    try {
      let at = 0;
      while (at < length) {
        const { bytesRead } = await handle.read(out, at, length - at, offset + at);
        if (bytesRead === 0) throw Object.assign(new Error(`${name}: expected ${length} bytes at ${offset}, the file ends after ${at}`), { code: "ESHORT" });
        at += bytesRead;
      }
    } finally {
      await handle.close();
    }
    return out;
  }

  async removeRun(run: string): Promise<void> {
    await rm(this.runDir(run), { recursive: true, force: true });
  }

  async removeAll(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}
