/**
 * Plain profile functions from options.profiles, each call guarded: an exception a hand-written
 * function throws becomes an InputError naming the function, the target and the input size, with
 * the thrown error as its cause (it escaped as itself, a bare Error or TypeError from deep in the
 * estimate, with no word of which profile threw). Trained profile sets pass unchanged.
 */
import { InputError, issue, show } from "../errors.js";
import { isProfileProvider, PROFILE_TARGETS, type FunctionProfile, type ProfileFunctions, type Profiles } from "../profiles/types.js";

function guarded(name: string, profile: FunctionProfile): FunctionProfile {
  // own fields as they are; runtimeIncludesIo read through the object, so a class's getter counts too
  const out: Record<string, unknown> = { ...profile, ...(profile.runtimeIncludesIo === undefined ? {} : { runtimeIncludesIo: profile.runtimeIncludesIo }) };
  for (const target of PROFILE_TARGETS) {
    const fn = profile[target] as (...args: number[]) => number;
    out[target] = (...args: number[]): number => {
      try {
        return fn.apply(profile, args);
      } catch (cause) {
        const actual = show(cause instanceof Error ? `${cause.name}: ${cause.message}` : cause);
        throw new InputError("Cannot estimate the DAG's stages", [issue("profiles.functionThrew", { path: ["profiles", name, target], actual, params: { atBytes: args[0] ?? 0 } })], { cause });
      }
    };
  }
  return out as unknown as FunctionProfile;
}

export function guardProfiles(profiles: Profiles): Profiles {
  if (isProfileProvider(profiles)) return profiles;
  const out: Record<string, FunctionProfile> = {};
  for (const [name, profile] of Object.entries(profiles)) out[name] = guarded(name, profile);
  return out satisfies ProfileFunctions;
}
