/**
 * Analytic profiles: closed-form size laws written as data, `offset + scale · x^exponent`, so
 * example DAGs can ship profiles as JSON before trained ones replace them.
 */
import { z } from "zod";
import { parseStrict } from "../../errors.js";

const ANALYTIC_KEYS = { unknownKey: "profiles.analyticUnknownKey", wrongType: "profiles.analyticWrongType", badValue: "profiles.analyticBadValue" } as const;
import type { FunctionProfile, ProfileFunctions } from "../types.js";

export const sizeLawSchema = z.object({
  offset: z.number().finite().default(0),
  scale: z.number().finite().nonnegative(),
  exponent: z.number().finite().default(1),
});
export type SizeLaw = z.input<typeof sizeLawSchema>;

export const analyticProfileSchema = z.object({
  runtimeMs: sizeLawSchema,
  memoryMb: sizeLawSchema,
  outputBytes: sizeLawSchema,
  fanout: sizeLawSchema,
  note: z.string().optional(),
});
export type AnalyticProfile = z.input<typeof analyticProfileSchema>;

export const analyticProfilesSchema = z.record(z.string(), analyticProfileSchema);

export function evalSizeLaw(law: z.output<typeof sizeLawSchema>, x: number): number {
  return law.offset + law.scale * Math.pow(Math.max(x, 0), law.exponent);
}

type Laws = Readonly<Record<string, z.output<typeof analyticProfileSchema>>>;

function profilesFromLaws(laws: Laws): ProfileFunctions {
  const out: Record<string, FunctionProfile> = {};
  for (const [name, p] of Object.entries(laws)) {
    out[name] = {
      runtimeMs: (b) => evalSizeLaw(p.runtimeMs, b),
      memoryMb: (b) => evalSizeLaw(p.memoryMb, b),
      outputBytes: (b) => evalSizeLaw(p.outputBytes, b),
      fanout: (b) => evalSizeLaw(p.fanout, b),
    };
  }
  return out;
}

/** Builds plain profile functions from analytic laws. Throws InputError naming the bad or unknown field. */
export function analyticProfiles(spec: unknown): ProfileFunctions {
  // Strict: an unknown field (a typo of "exponent", a target that is no target) is an error, not dropped.
  return profilesFromLaws(parseStrict(analyticProfilesSchema, spec, ANALYTIC_KEYS, "Invalid analytic profiles"));
}

const lawOf = (law: SizeLaw): z.output<typeof sizeLawSchema> => ({ offset: law.offset ?? 0, scale: law.scale, exponent: law.exponent ?? 1 });

/** A spec with the schema's defaults filled in (offset 0, exponent 1) — what parsing gives for a valid spec, without checking it. */
export function withLawDefaults(spec: Readonly<Record<string, AnalyticProfile>>): Laws {
  return Object.fromEntries(
    Object.entries(spec).map(([name, p]) => [name, { runtimeMs: lawOf(p.runtimeMs), memoryMb: lawOf(p.memoryMb), outputBytes: lawOf(p.outputBytes), fanout: lawOf(p.fanout), ...(p.note === undefined ? {} : { note: p.note }) }]),
  );
}

/**
 * Profile functions from a spec that ships with the package and is checked against the schema by a
 * test (bundled-analytic.test.ts), not at every start: the same laws analyticProfiles builds.
 */
export function trustedAnalyticProfiles(spec: Readonly<Record<string, AnalyticProfile>>): ProfileFunctions {
  return profilesFromLaws(withLawDefaults(spec));
}
