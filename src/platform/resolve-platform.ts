/** Merges caller overrides over a base platform (the AWS-like default) and validates the result. */
import { InputError } from "../errors.js";
import { AWS_DEFAULT_PLATFORM } from "./aws-default.js";
import { platformSchema, type Platform, type PlatformOverrides } from "./schema.js";

export function resolvePlatform(overrides: PlatformOverrides | undefined, base: Platform = AWS_DEFAULT_PLATFORM): Platform {
  const merged = {
    name: overrides?.name ?? base.name,
    modes: overrides?.modes ?? base.modes,
    vm: { ...base.vm, ...overrides?.vm },
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
  if (parsed.data.billing.minMemoryMb > parsed.data.billing.maxMemoryMb) {
    throw new InputError("Invalid platform", [
      { code: "contradiction", path: ["platform", "billing", "minMemoryMb"], message: "minimum memory above maximum", expected: `≤ ${parsed.data.billing.maxMemoryMb} MB`, actual: `${parsed.data.billing.minMemoryMb} MB` },
    ]);
  }
  return parsed.data;
}
