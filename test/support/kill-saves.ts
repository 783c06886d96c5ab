/**
 * The model-folder kill test, shared by the quick run in npm test and the full benchmark: a child
 * process saves set B over set A (then A over B, …) in a loop and is killed (SIGKILL) after a
 * random delay; the folder must then load as A or B. After every kill a normal save of A must
 * leave no temporary sibling behind and load as A.
 */
import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { loadProfiles } from "../../src/profiles/store/load-profiles.js";
import { saveProfiles } from "../../src/profiles/store/save-profiles.js";
import type { ProfileSet } from "../../src/profiles/set/profile-set.js";
import { mulberry32 } from "../../src/util/mulberry32.js";

export interface KillOutcome {
  readonly kills: number;
  readonly loadedOld: number;
  readonly loadedNew: number;
  /** Kills after which the folder itself was missing (between the two renames): loaded from a sibling. */
  readonly midSwap: number;
  /** Kills that left a temporary sibling behind (removed by the next save). */
  readonly leftTemps: number;
  readonly failures: readonly string[];
}

const key = (s: ProfileSet) => JSON.stringify(s.data.functions);

/** How to start the saving child: from source through tsx (tests) or a built script (the benchmark, faster to start). */
export const SAVE_LOOP_FROM_SOURCE: readonly string[] = ["--import", "tsx", "test/support/save-in-a-loop.ts"];

function runUntilKilled(child0: readonly string[], aDir: string, bDir: string, target: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...child0, aDir, bDir, target], { stdio: ["ignore", "pipe", "inherit"] });
    child.stdout.once("data", () => setTimeout(() => child.kill("SIGKILL"), delayMs));
    child.on("error", reject);
    child.on("exit", () => resolve());
  });
}

export async function killSaves(options: { root: string; a: ProfileSet; b: ProfileSet; kills: number; seed: number; maxDelayMs: number; child?: readonly string[] }): Promise<KillOutcome> {
  const { root, kills } = options;
  const aDir = path.join(root, "a"), bDir = path.join(root, "b"), target = path.join(root, "model");
  await saveProfiles(options.a, aDir);
  await saveProfiles(options.b, bDir);
  const aKey = key(await loadProfiles(aDir)), bKey = key(await loadProfiles(bDir));
  await saveProfiles(options.a, target);
  const random = mulberry32(options.seed);
  const failures: string[] = [];
  let loadedOld = 0, loadedNew = 0, midSwap = 0, leftTemps = 0;
  for (let k = 0; k < kills; k++) {
    await runUntilKilled(options.child ?? SAVE_LOOP_FROM_SOURCE, aDir, bDir, target, random() * options.maxDelayMs);
    const names = await readdir(root);
    if (!names.includes("model")) midSwap++;
    if (names.some((n) => n.startsWith(".model.sluice-"))) leftTemps++;
    try {
      const got = key(await loadProfiles(target));
      if (got === aKey) loadedOld++;
      else if (got === bKey) loadedNew++;
      else failures.push(`kill ${k}: the folder loads as neither set`);
    } catch (err) {
      failures.push(`kill ${k}: ${(err as Error).message.split("\n").slice(0, 2).join(" ")}`);
    }
    await saveProfiles(options.a, target);
    const after = await readdir(root);
    if (after.some((n) => n.startsWith(".model.sluice-"))) failures.push(`kill ${k}: a temporary survived the next save: ${after.join(", ")}`);
    if (key(await loadProfiles(target)) !== aKey) failures.push(`kill ${k}: the next save did not load back`);
  }
  return { kills, loadedOld, loadedNew, midSwap, leftTemps, failures };
}
