/**
 * Loads a profile folder written by saveProfiles. Every way it can be wrong is an InputError
 * naming the file: missing, truncated or not JSON, another format or version, a shape that does
 * not match, a content or weights hash that does not match, or (when the caller says which traces
 * it expects) models trained on other traces.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import path from "node:path";
import { InputError, issue, show, type Issue } from "../../errors.js";
import type { TraceRecord } from "../../traces/trace-record.js";
import { PROFILES_FORMAT, PROFILES_FORMAT_VERSION, type ProfileSetData } from "../set/profile-set-data.js";
import { createProfileSet, type ProfileSet } from "../set/profile-set.js";
import type { ModelArtifact } from "../regressors/types.js";
import { sha256 } from "./save-profiles.js";
import { resolveModelFolder } from "./model-folder.js";
import { PROFILES_FILE, storedMetadataSchema, storedProfilesSchema, type StoredModel, type StoredProfiles } from "./stored-profiles-schema.js";
import { convertFunctionV1, storedFunctionV1Schema, storedPoint } from "./stored-profiles-v1.js";


export interface LoadOptions {
  /** Check the set was trained on exactly these records… */
  readonly traces?: readonly TraceRecord[];
  /** …or on records with this hash. */
  readonly expectTracesSha256?: string;
}

function fail(file: string, found: Issue): never {
  throw new InputError(`Cannot load profiles from ${file}`, [found]);
}

async function readOrFail(file: string, key: "profiles.folderMissing" | "profiles.weightsMissing", expected?: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (e as Error).message.replace(/^[A-Z]+: /, "");
    return fail(file, issue(key, { path: [file], params: { reason }, ...(expected === undefined ? {} : { expected }) }));
  }
}

/**
 * Each function entry parsed on its own and gathered with Object.fromEntries, so a function named
 * `__proto__` or `constructor` stays an ordinary key (zod's record output would drop `__proto__`).
 */
function checkFunctionsObject(file: string, functions: unknown): asserts functions is object {
  if (typeof functions !== "object" || functions === null || Array.isArray(functions)) fail(file, issue("profiles.badShape", { path: [file, "functions"], expected: "an object of functions", actual: show(functions), params: { reason: "functions is not an object" } }));
}

function parseFunctions<S extends z.ZodType>(file: string, functions: unknown, schema: S): Record<string, z.output<S>> {
  checkFunctionsObject(file, functions);
  const issues: Issue[] = [];
  const entries: [string, z.output<S>][] = [];
  for (const [name, value] of Object.entries(functions)) {
    const parsed = schema.safeParse(value);
    if (parsed.success) entries.push([name, parsed.data]);
    else for (const i of parsed.error.issues.slice(0, 3)) issues.push(issue("profiles.badShape", { path: [file, "functions", name, ...i.path.map(String)], params: { reason: i.message } }));
  }
  if (issues.length > 0) throw new InputError(`Cannot load profiles from ${file}`, issues.slice(0, 10));
  return Object.fromEntries(entries);
}

export async function loadProfiles(modelDir: string, options: LoadOptions = {}): Promise<ProfileSet> {
  // After a save interrupted between its two renames, the complete sibling holds the model.
  const dir = await resolveModelFolder(modelDir);
  const file = path.join(dir, PROFILES_FILE);
  const text = (await readOrFail(file, "profiles.folderMissing")).toString("utf8");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    fail(file, issue("profiles.notJson", { path: [file], actual: `${text.length} characters ending ${JSON.stringify(text.slice(-20))}`, params: { reason: (e as Error).message } }));
  }
  const head = raw as { metadata?: { format?: unknown; formatVersion?: unknown }; functions?: unknown };
  if (head?.metadata?.format !== PROFILES_FORMAT) fail(file, issue("profiles.wrongFormat", { path: [file, "metadata", "format"], expected: PROFILES_FORMAT, actual: show(head?.metadata?.format) }));
  const version = head.metadata.formatVersion;
  if (version !== PROFILES_FORMAT_VERSION && version !== 1) fail(file, issue("profiles.wrongVersion", { path: [file, "metadata", "formatVersion"], expected: `${PROFILES_FORMAT_VERSION} (or 1, converted on load)`, actual: show(version) }));
  // Before hashing: a file without its functions (or with them not an object) hashes nothing.
  checkFunctionsObject(file, head.functions);
  const contentSha256 = sha256(JSON.stringify(head.functions));
  const metadataSchema = version === 1 ? storedMetadataSchema.extend({ formatVersion: z.literal(1) }) : storedProfilesSchema.shape.metadata;
  const parsedMetadata = metadataSchema.safeParse(head.metadata);
  if (!parsedMetadata.success) {
    throw new InputError(`Cannot load profiles from ${file}`, parsedMetadata.error.issues.slice(0, 10).map((i) => issue("profiles.badShape", { path: [file, "metadata", ...i.path.map(String)], params: { reason: i.message } })));
  }
  const metadata = parsedMetadata.data;
  const functions: StoredProfiles["functions"] =
    version === 1
      ? Object.fromEntries(Object.entries(parseFunctions(file, head.functions, storedFunctionV1Schema)).map(([n, f]) => [n, convertFunctionV1(f, storedPoint)]))
      : parseFunctions(file, head.functions, storedProfilesSchema.shape.functions.valueType);
  if (contentSha256 !== metadata.contentSha256) fail(file, issue("profiles.contentHash", { path: [file, "metadata", "contentSha256"], expected: metadata.contentSha256, actual: contentSha256 }));

  const weightsFile = path.join(dir, metadata.weights.file);
  const bytes = await readOrFail(weightsFile, "profiles.weightsMissing", `${metadata.weights.byteLength} bytes of weights`);
  if (bytes.byteLength !== metadata.weights.byteLength) fail(weightsFile, issue("profiles.weightsLength", { path: [weightsFile], expected: `${metadata.weights.byteLength} bytes`, actual: `${bytes.byteLength} bytes` }));
  if (sha256(bytes) !== metadata.weights.sha256) fail(weightsFile, issue("profiles.weightsHash", { path: [weightsFile], expected: metadata.weights.sha256, actual: sha256(bytes) }));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const floatCount = bytes.byteLength / 4;

  // hashing traces needs the trace table: imported only when traces are given
  const expected = options.expectTracesSha256 ?? (options.traces === undefined ? undefined : (await import("./hash-traces.js")).hashTraces(options.traces));
  if (expected !== undefined && expected !== metadata.tracesSha256) fail(file, issue("profiles.tracesHash", { path: [file, "metadata", "tracesSha256"], expected, actual: metadata.tracesSha256 }));

  const restore = (m: StoredModel, where: string): ModelArtifact => {
    if (m.family !== "mlp") return m;
    const { offset, count } = m.weights;
    if (offset + count > floatCount) fail(weightsFile, issue("profiles.weightsRange", { path: [weightsFile, where], expected: `≤ ${floatCount} floats`, actual: `${offset + count}` }));
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
