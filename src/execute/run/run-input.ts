/**
 * Puts the app input in the object store for the run: given bytes are uploaded under the run's
 * prefix (and deleted with it), an existing key is used as it is, and `{ generate }` runs the root
 * workload's own generator (workloads/apps.ts) at that size.
 */
import type { Dag } from "../../dag/types.js";
import { sluiceError } from "../../errors/index.js";
import { parseSizeBytes } from "../../units/size.js";
import { APPS } from "../../workloads/apps.js";
import type { RunInput } from "../execute-options.js";
import { inputCuts } from "../routing/input-split.js";
import { inputObjectKey } from "../queue/keys.js";
import type { ObjectStoreClient } from "../store/object-store-client.js";

export interface StagedInput {
  readonly key: string;
  readonly bytes: number;
  /** Per root stage, where each instance's range starts and ends (input-split.ts). */
  readonly cuts: ReadonlyMap<string, readonly number[]>;
}

export async function stageInput(dag: Dag, input: RunInput, store: ObjectStoreClient, runId: string): Promise<StagedInput> {
  if (!(input instanceof Uint8Array) && "key" in input) return { key: input.key, bytes: input.bytes, cuts: rootCuts(dag, undefined, input.bytes) };
  let bytes: Uint8Array;
  if (input instanceof Uint8Array) bytes = input;
  else {
    const root = dag.stages.find((s) => dag.incoming.get(s.id)!.length === 0)!;
    const app = APPS.find((a) => a.stages[0]!.function === root.function);
    if (app === undefined) {
      throw sluiceError("execute.noInputGenerator", { path: ["options", "input"], params: { function: JSON.stringify(root.function), roots: APPS.map((a) => a.stages[0]!.function).join(", ") } }, { what: "Cannot generate the input" });
    }
    bytes = app.generate(parseSizeBytes(input.generate, "input"), input.seed ?? 1);
  }
  const key = inputObjectKey(store.config.prefix, runId);
  await store.put(key, bytes, undefined, 4);
  return { key, bytes: bytes.length, cuts: rootCuts(dag, bytes, bytes.length) };
}

function rootCuts(dag: Dag, bytes: Uint8Array | undefined, totalBytes: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const s of dag.stages) {
    if (dag.incoming.get(s.id)!.length > 0) continue;
    const share = Math.floor(totalBytes * (s.inputFraction ?? 1));
    out.set(s.id, inputCuts(s.function, bytes, share, s.instances ?? 1));
  }
  return out;
}
