/**
 * Merges caller overrides over a base platform (the AWS-like default) and validates the result:
 * every field's type and range (zod), then the fields that contradict each other — a burst rate
 * below the baseline, a minimum memory above the maximum. Every problem is one issue naming the
 * field, the expected and the actual value.
 */
import { InputError, type Issue } from "../errors.js";
import { AWS_DEFAULT_PLATFORM } from "./aws-default.js";
import { platformSchema, type Platform, type PlatformOverrides } from "./schema.js";

export function resolvePlatform(overrides: PlatformOverrides | undefined, base: Platform = AWS_DEFAULT_PLATFORM): Platform {
  const merged = {
    name: overrides?.name ?? base.name,
    modes: overrides?.modes ?? base.modes,
    vm: { ...base.vm, ...overrides?.vm },
    invocation: { ...base.invocation, ...overrides?.invocation },
    objectStore: { ...base.objectStore, ...overrides?.objectStore },
    cache: { ...base.cache, ...overrides?.cache },
    billing: { ...base.billing, ...overrides?.billing },
  };
  const parsed = platformSchema.safeParse(merged);
  if (!parsed.success) {
    throw new InputError(
      "Invalid platform",
      parsed.error.issues.map((i) => ({
        code: "invalid_value" as const,
        path: ["platform", ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
        message: i.message,
        ...("input" in i && i.input !== undefined ? { actual: String(i.input) } : {}),
      })),
    );
  }
  const issues = contradictions(parsed.data);
  if (issues.length > 0) throw new InputError("Invalid platform", issues);
  return parsed.data;
}

function contradictions(p: Platform): Issue[] {
  const issues: Issue[] = [];
  if (p.billing.minMemoryMb > p.billing.maxMemoryMb) {
    issues.push({ code: "contradiction", path: ["platform", "billing", "minMemoryMb"], message: "minimum memory above maximum", expected: `≤ ${p.billing.maxMemoryMb} MB`, actual: `${p.billing.minMemoryMb} MB` });
  }
  if (p.vm.nicBurstBytesPerSecond < p.vm.nicBytesPerSecond) {
    issues.push({ code: "contradiction", path: ["platform", "vm", "nicBurstBytesPerSecond"], message: "the NIC's burst rate is below its baseline", expected: `≥ nicBytesPerSecond (${p.vm.nicBytesPerSecond} B/s)`, actual: `${p.vm.nicBurstBytesPerSecond} B/s` });
  }
  return issues;
}
