/**
 * Every name a run uses, derived from the run id, the stage's position in the DAG's order and the
 * instance index, so that a retried instance writes to the same places (idempotent writes) and
 * cleanup can find everything a run made:
 *   queues       sluice-<run>-vm-<vm>, sluice-<run>-stages        (BullMQ; obliterated at the end)
 *   job ids      s<stage>-i<index>-r<round>, stage-s<stage>-r<round>
 *   objects      <prefix><run>/input, <prefix><run>/[p<k>/]s<stage>/<index>, <prefix><run>/result/<stage id>/<index>
 *                (k = index mod the platform's key prefixes, when it has more than one: S3 scales request
 *                rates per prefix, so an edge's objects are spread over them)
 *   cache keys   sluice:<run>:c:s<stage>:<index>
 *   files        <vm dir>/<run>/s<stage>-<index>.out
 *   registry     sluice:vm:<vm> (a VM's address, refreshed while it lives), sluice:run:<run> (the run's record)
 */
import { randomBytes } from "node:crypto";
import { sluiceError, show } from "../../errors/index.js";

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function checkName(what: string, value: string): string {
  if (!NAME.test(value)) throw sluiceError("option.badValue", { path: ["options", what], expected: "1–64 characters of A–Z, a–z, 0–9, _ or -", actual: show(value) });
  return value;
}

/** A fresh run id: time in base 36 and 6 random hex digits. */
export function newRunId(): string {
  return `r${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

export const RUNS_CHANNEL = "sluice:runs";
export const VM_KEY_PREFIX = "sluice:vm:";

export const vmKey = (vm: string) => `${VM_KEY_PREFIX}${vm}`;
export const runKey = (run: string) => `sluice:run:${run}`;
export const runJoinedKey = (run: string) => `sluice:run:${run}:joined`;
export const vmQueue = (run: string, vm: string) => `sluice-${run}-vm-${vm}`;
export const stagesQueue = (run: string) => `sluice-${run}-stages`;
export const instanceJobId = (stage: number, index: number, round: number) => `s${stage}-i${index}-r${round}`;
export const stageJobId = (stage: number, round: number) => `stage-s${stage}-r${round}`;

export const inputObjectKey = (prefix: string, run: string) => `${prefix}${run}/input`;
export const intermediateObjectKey = (prefix: string, run: string, stage: number, index: number, prefixes = 1) =>
  prefixes > 1 ? `${prefix}${run}/p${index % prefixes}/s${stage}/${index}` : `${prefix}${run}/s${stage}/${index}`;
export const resultObjectKey = (prefix: string, run: string, stageId: string, index: number) => `${prefix}${run}/result/${encodeURIComponent(stageId)}/${index}`;
export const runObjectPrefix = (prefix: string, run: string) => `${prefix}${run}/`;
export const cacheKey = (run: string, stage: number, index: number) => `sluice:${run}:c:s${stage}:${index}`;
export const cacheKeyPattern = (run: string) => `sluice:${run}:*`;
export const outputFileName = (stage: number, index: number) => `s${stage}-${index}.out`;
