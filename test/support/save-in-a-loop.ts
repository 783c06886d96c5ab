/**
 * Child process for the model-folder kill test: loads two profile sets, says "ready", then saves
 * them alternately into the target folder until it is killed. Usage: save-in-a-loop.ts A_DIR B_DIR TARGET
 */
import { loadProfiles } from "../../src/profiles/store/load-profiles.js";
import { saveProfiles } from "../../src/profiles/store/save-profiles.js";

const [aDir, bDir, target] = process.argv.slice(2) as [string, string, string];
const sets = [await loadProfiles(bDir), await loadProfiles(aDir)];
process.stdout.write("ready\n");
for (let i = 0; ; i++) await saveProfiles(sets[i % 2]!, target);
