/**
 * Merges caller overrides over a base platform (the AWS-like default) and validates the result
 * strictly: an unknown field (a typo such as `vmm` or `nicGbps`) is an error with a "did you mean",
 * a section that is not an object is a type error, and no value is coerced. Then the fields that
 * contradict each other — a minimum memory above the maximum, a NIC's burst rate below its
 * baseline — each an issue naming the field, the expected and the actual value.
 */
import { InputError, issue, parseStrict, show, suggestionParams, findUnknownKeys, type Issue } from "../errors.js";
import { AWS_DEFAULT_PLATFORM } from "./aws-default.js";
import { platformSchema, type Platform, type PlatformOverrides } from "./schema.js";

const KEYS = { unknownKey: "platform.unknownKey", wrongType: "platform.wrongType", badValue: "platform.badValue" } as const;
const SECTIONS = ["vm", "invocation", "objectStore", "cache", "billing"] as const;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function overrideIssues(overrides: unknown): Issue[] {
  if (overrides === undefined) return [];
  if (!isPlainObject(overrides)) return [issue(KEYS.wrongType, { path: ["platform"], expected: "an object of overrides", actual: show(overrides) })];
  const issues: Issue[] = findUnknownKeys(platformSchema, overrides).map((u) =>
    issue(KEYS.unknownKey, { path: ["platform", ...u.path], actual: show(u.key), params: suggestionParams(u.key, u.known) }),
  );
  for (const section of SECTIONS) {
    const value = overrides[section];
    if (value !== undefined && !isPlainObject(value)) issues.push(issue(KEYS.wrongType, { path: ["platform", section], expected: "an object", actual: show(value) }));
  }
  return issues;
}

export function resolvePlatform(overrides: PlatformOverrides | undefined, base: Platform = AWS_DEFAULT_PLATFORM): Platform {
  const shapeIssues = overrideIssues(overrides);
  if (shapeIssues.length > 0) throw new InputError("Invalid platform", shapeIssues);
  const merged = {
    name: overrides?.name ?? base.name,
    modes: overrides?.modes ?? base.modes,
    vm: { ...base.vm, ...overrides?.vm },
    invocation: { ...base.invocation, ...overrides?.invocation },
    objectStore: { ...base.objectStore, ...overrides?.objectStore },
    cache: { ...base.cache, ...overrides?.cache },
    billing: { ...base.billing, ...overrides?.billing },
  };
  const parsed = parseStrict(platformSchema, merged, KEYS, "Invalid platform", ["platform"]);
  const contradictions = contradictionIssues(parsed);
  if (contradictions.length > 0) throw new InputError("Invalid platform", contradictions);
  return parsed;
}

function contradictionIssues(p: Platform): Issue[] {
  const issues: Issue[] = [];
  if (p.billing.minMemoryMb > p.billing.maxMemoryMb) {
    issues.push(issue("platform.memoryRange", { path: ["platform", "billing", "minMemoryMb"], expected: `≤ ${p.billing.maxMemoryMb} MB`, actual: `${p.billing.minMemoryMb} MB` }));
  }
  if (p.vm.nicBurstBytesPerSecond < p.vm.nicBytesPerSecond) {
    issues.push(issue("platform.burstBelowBaseline", { path: ["platform", "vm", "nicBurstBytesPerSecond"], expected: `≥ vm.nicBytesPerSecond (${p.vm.nicBytesPerSecond} B/s)`, actual: `${p.vm.nicBurstBytesPerSecond} B/s` }));
  }
  return issues;
}
