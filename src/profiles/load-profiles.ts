/**
 * Loads a profile folder written by saveProfiles. Every way it can be wrong is an InputError
 * naming the file: missing, truncated or not JSON, another format or version, a shape that does
 * not match, a content or weights hash that does not match, or (when the caller says which traces
 * it expects) models trained on other traces.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import path from "node:path";
import { InputError, type Issue } from "../errors.js";
import type { TraceRecord } from "../traces/trace-record.js";
import { hashTraces } from "./hash-traces.js";
import { PROFILES_FORMAT, PROFILES_FORMAT_VERSION, type ProfileSetData } from "./profile-set-data.js";
import { createProfileSet, type ProfileSet } from "./profile-set.js";
import type { ModelArtifact } from "./regressors/types.js";
import { sha256 } from "./save-profiles.js";
import { resolveModelFolder } from "./model-folder.js";
import { PROFILES_FILE, storedMetadataSchema, storedProfilesSchema, type StoredModel, type StoredProfiles } from "./stored-profiles-schema.js";
import { convertFunctionV1, storedFunctionV1Schema, storedPoint } from "./stored-profiles-v1.js";

const storedProfilesV1Schema = z.object({ metadata: storedMetadataSchema.extend({ formatVersion: z.literal(1) }), functions: z.record(z.string(), storedFunctionV1Schema) });

export interface LoadOptions {
  /** Check the set was trained on exactly these records… */
  readonly traces?: readonly TraceRecord[];
  /** …or on records with this hash. */
  readonly expectTracesSha256?: string;
}

function fail(file: string, issue: Omit<Issue, "path"> & { path?: Issue["path"] }): never {
  throw new InputError(`Cannot load profiles from ${file}`, [{ ...issue, path: issue.path ?? [file] }]);
}

async function readOrFail(file: string, expected: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    return fail(file, { code: "invalid_value", message: (e as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (e as Error).message, expected });
  }
}

export async function loadProfiles(modelDir: string, options: LoadOptions = {}): Promise<ProfileSet> {
  // After a save interrupted between its two renames, the complete sibling holds the model.
  const dir = await resolveModelFolder(modelDir);
  const file = path.join(dir, PROFILES_FILE);
  const text = (await readOrFail(file, `a profile folder written by saveProfiles (with ${PROFILES_FILE})`)).toString("utf8");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    fail(file, { code: "parse_error", message: `truncated or not JSON (${(e as Error).message})`, expected: "complete JSON", actual: `${text.length} characters ending ${JSON.stringify(text.slice(-20))}` });
  }
  const head = raw as { metadata?: { format?: unknown; formatVersion?: unknown }; functions?: unknown };
  if (head?.metadata?.format !== PROFILES_FORMAT) fail(file, { code: "unsupported", path: [file, "metadata", "format"], message: "not a Sluice profile set", expected: PROFILES_FORMAT, actual: String(head?.metadata?.format) });
  const version = head.metadata.formatVersion;
  if (version !== PROFILES_FORMAT_VERSION && version !== 1) fail(file, { code: "unsupported", path: [file, "metadata", "formatVersion"], message: "unsupported format version; retrain with this version of sluice", expected: `${PROFILES_FORMAT_VERSION} (or 1, converted on load)`, actual: String(version) });
  const contentSha256 = sha256(JSON.stringify(head.functions));
  const parsed = version === 1 ? storedProfilesV1Schema.safeParse(raw) : storedProfilesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InputError(`Cannot load profiles from ${file}`, parsed.error.issues.slice(0, 10).map((i) => ({ code: "invalid_value" as const, path: [file, ...i.path.map(String)], message: i.message })));
  }
  const metadata = parsed.data.metadata;
  const functions: StoredProfiles["functions"] =
    version === 1
      ? Object.fromEntries(Object.entries((parsed.data as z.infer<typeof storedProfilesV1Schema>).functions).map(([n, f]) => [n, convertFunctionV1(f, storedPoint)]))
      : (parsed.data as StoredProfiles).functions;
  if (contentSha256 !== metadata.contentSha256) fail(file, { code: "contradiction", path: [file, "metadata", "contentSha256"], message: "content hash mismatch: the file was edited or damaged", expected: metadata.contentSha256, actual: contentSha256 });

  const weightsFile = path.join(dir, metadata.weights.file);
  const bytes = await readOrFail(weightsFile, `${metadata.weights.byteLength} bytes of weights`);
  if (bytes.byteLength !== metadata.weights.byteLength) fail(weightsFile, { code: "invalid_value", message: "weights file truncated or too long", expected: `${metadata.weights.byteLength} bytes`, actual: `${bytes.byteLength} bytes` });
  if (sha256(bytes) !== metadata.weights.sha256) fail(weightsFile, { code: "contradiction", message: "weights hash mismatch", expected: metadata.weights.sha256, actual: sha256(bytes) });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const floatCount = bytes.byteLength / 4;

  const expected = options.expectTracesSha256 ?? (options.traces === undefined ? undefined : hashTraces(options.traces));
  if (expected !== undefined && expected !== metadata.tracesSha256) fail(file, { code: "contradiction", path: [file, "metadata", "tracesSha256"], message: "trace hash mismatch: these profiles were trained on other traces", expected, actual: metadata.tracesSha256 });

  const restore = (m: StoredModel, where: string): ModelArtifact => {
    if (m.family !== "mlp") return m;
    const { offset, count } = m.weights;
    if (offset + count > floatCount) fail(weightsFile, { code: "invalid_value", path: [weightsFile, where], message: "weights out of range", expected: `≤ ${floatCount} floats`, actual: `${offset + count}` });
    return { ...m, weights: Array.from({ length: count }, (_, i) => view.getFloat32((offset + i) * 4, true)) };
  };
  const restoreSegment = <S extends { targets: StoredProfiles["functions"][string]["targets"] }>(s: S, name: string): S => ({
    ...s,
    targets: Object.fromEntries(Object.entries(s.targets).map(([t, d]) => [t, { ...d!, model: restore(d!.model, `${name}.${t}`) }])),
  });
  const out = Object.entries(functions).map(([name, f]) => [name, { ...restoreSegment(f, name), ...(f.cold === undefined ? {} : { cold: restoreSegment(f.cold, `${name}.cold`) }) }] as const);
  const { weights: _w, contentSha256: _c, ...rest } = metadata;
  const data: ProfileSetData = { metadata: { ...rest, formatVersion: PROFILES_FORMAT_VERSION } as ProfileSetData["metadata"], functions: Object.fromEntries(out) as unknown as ProfileSetData["functions"] };
  return createProfileSet(data);
}
