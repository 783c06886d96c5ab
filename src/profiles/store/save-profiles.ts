/**
 * Saves a profile set to a folder: profiles.json (metadata, models, metrics, residuals) and
 * weights.bin (MLP weights, float32 little-endian). The folder is written whole or not at all
 * (model-folder.ts): a reader, or a save killed at any point, sees the old set or the new one.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type { ProfileSetData, SegmentProfileData } from "../set/profile-set-data.js";
import type { ProfileSet } from "../set/profile-set.js";
import { writeModelFolder } from "./model-folder.js";
import { PROFILES_FILE, WEIGHTS_FILE, type StoredModel, type StoredProfiles } from "./stored-profiles-schema.js";
import type { ModelArtifact } from "../regressors/types.js";

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}


/** Splits MLP weights out into one float32 buffer; other models pass through. */
export function toStored(data: ProfileSetData): { functions: StoredProfiles["functions"]; weights: Uint8Array } {
  const floats: number[] = [];
  const store = (m: ModelArtifact): StoredModel => {
    if (m.family !== "mlp") return { ...m, ...("coefficients" in m ? { coefficients: [...m.coefficients] } : {}) } as StoredModel;
    const ref = { offset: floats.length, count: m.weights.length };
    floats.push(...m.weights);
    return { ...m, weights: ref };
  };
  const storeSegment = <S extends SegmentProfileData>(s: S) => ({
    ...s,
    targets: Object.fromEntries(Object.entries(s.targets).map(([t, d]) => [t, { ...d!, model: store(d!.model), residuals: { quantiles: [...d!.residuals.quantiles], rows: d!.residuals.rows }, candidates: d!.candidates.map((c) => ({ ...c })) }])),
  });
  const functions = Object.fromEntries(
    Object.keys(data.functions).sort().map((name) => {
      const f = data.functions[name]!;
      return [name, { ...storeSegment(f), ...(f.cold === undefined ? {} : { cold: storeSegment(f.cold) }) }];
    }),
  ) as unknown as StoredProfiles["functions"];
  const buf = new Float32Array(floats);
  const weights = new Uint8Array(buf.byteLength);
  const view = new DataView(weights.buffer);
  buf.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return { functions, weights };
}

/** Writes `profiles` into `dir` (created if missing); returns the two file paths. */
export async function saveProfiles(profiles: ProfileSet, dir: string): Promise<{ profilesFile: string; weightsFile: string }> {
  const { functions, weights } = toStored(profiles.data);
  const stored: StoredProfiles = {
    metadata: {
      ...profiles.data.metadata,
      apps: [...profiles.data.metadata.apps],
      options: { ...profiles.data.metadata.options, model: profiles.data.metadata.options.model as StoredProfiles["metadata"]["options"]["model"] },
      weights: { file: WEIGHTS_FILE, byteLength: weights.byteLength, sha256: sha256(weights) },
      contentSha256: sha256(JSON.stringify(functions)),
    },
    functions,
  };
  const profilesFile = path.join(dir, PROFILES_FILE);
  const weightsFile = path.join(dir, WEIGHTS_FILE);
  await writeModelFolder(dir, [
    { name: WEIGHTS_FILE, data: weights },
    { name: PROFILES_FILE, data: JSON.stringify(stored, null, 1) + "\n" },
  ]);
  return { profilesFile, weightsFile };
}
