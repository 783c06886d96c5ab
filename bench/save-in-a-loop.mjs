// The kill benchmark's saving child, run from the built package (dist/) so it starts fast: loads
// two profile sets, says "ready", then saves them alternately into the target until killed.
import { loadProfiles, saveProfiles } from "../dist/index.js";

const [aDir, bDir, target] = process.argv.slice(2);
const sets = [await loadProfiles(bDir), await loadProfiles(aDir)];
process.stdout.write("ready\n");
for (let i = 0; ; i++) await saveProfiles(sets[i % 2], target);
