/** Loads `--profiles DIR`: a trained profile set saved under models/. */
import { loadProfiles } from "../../profiles/store/load-profiles.js";
import type { Profiles } from "../../profiles/types.js";

export async function loadProfilesOption(dir: string): Promise<Profiles> {
  return loadProfiles(dir);
}
