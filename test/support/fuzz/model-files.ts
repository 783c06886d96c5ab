/** Damaged model folders: a valid saved profile set with one mutation applied to its files. */
import fc from "fast-check";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { anyValue } from "./values.js";

export type ModelMutation =
  | { readonly kind: "none" }
  | { readonly kind: "truncate-json"; readonly at: number }
  | { readonly kind: "version"; readonly value: unknown }
  | { readonly kind: "format"; readonly value: unknown }
  | { readonly kind: "replace"; readonly pick: number; readonly value: unknown }
  | { readonly kind: "truncate-weights"; readonly at: number }
  | { readonly kind: "flip-weights"; readonly at: number }
  | { readonly kind: "drop-weights" }
  | { readonly kind: "not-json"; readonly text: string };

export const modelMutationArb: fc.Arbitrary<ModelMutation> = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ kind: "truncate-json" as const, at })),
  anyValue.map((value) => ({ kind: "version" as const, value })),
  anyValue.map((value) => ({ kind: "format" as const, value })),
  fc.tuple(fc.nat(), anyValue).map(([pick, value]) => ({ kind: "replace" as const, pick, value })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ kind: "truncate-weights" as const, at })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ kind: "flip-weights" as const, at })),
  fc.constant({ kind: "drop-weights" as const }),
  fc.string({ maxLength: 40 }).map((text) => ({ kind: "not-json" as const, text })),
);

/** Every [object, key] in a JSON value, in document order, for picking a spot to replace. */
function spots(value: unknown): [Record<string, unknown>, string][] {
  const out: [Record<string, unknown>, string][] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    for (const k of Object.keys(v)) {
      out.push([v as Record<string, unknown>, k]);
      stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return out;
}

/** Copies the model in `source` to `target` with `m` applied. */
export async function writeMutatedModel(source: string, target: string, m: ModelMutation): Promise<void> {
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  let json = await readFile(path.join(source, "profiles.json"), "utf8");
  let weights: Uint8Array | undefined = new Uint8Array(await readFile(path.join(source, "weights.bin")));
  const doc = JSON.parse(json) as { metadata: Record<string, unknown> };
  switch (m.kind) {
    case "truncate-json":
      json = json.slice(0, Math.floor(m.at * json.length));
      break;
    case "version":
      doc.metadata.formatVersion = m.value;
      json = JSON.stringify(doc);
      break;
    case "format":
      doc.metadata.format = m.value;
      json = JSON.stringify(doc);
      break;
    case "replace": {
      const all = spots(doc);
      const [obj, key] = all[m.pick % all.length]!;
      obj[key] = m.value;
      json = JSON.stringify(doc);
      break;
    }
    case "truncate-weights":
      weights = weights.subarray(0, Math.floor(m.at * weights.length));
      break;
    case "flip-weights":
      if (weights.length > 0) {
        const i = Math.min(weights.length - 1, Math.floor(m.at * weights.length));
        weights[i] = weights[i]! ^ 0xff;
      }
      break;
    case "drop-weights":
      weights = undefined;
      break;
    case "not-json":
      json = m.text;
      break;
    case "none":
      break;
  }
  await writeFile(path.join(target, "profiles.json"), json);
  if (weights !== undefined) await writeFile(path.join(target, "weights.bin"), weights);
}
