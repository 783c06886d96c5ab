/** `--detail`: a run's stages, predicted vs measured, with each stage's mean runtime against its profile. */
import type { RunReport } from "../../src/execute/report/run-report-types.js";
import type { ProfileSet } from "../../src/profiles/set/profile-set.js";
import { formatBytes } from "../../src/units/size.js";
import type { TraceDag } from "./calibrate-profiles.js";

/** Per stage: predicted vs measured start and finish, and the measured mean instance runtime against the profile's at the same input bytes. */
export function stageDetail(report: RunReport, dag: TraceDag, profiles: ProfileSet | undefined): string {
  const fnOf = new Map(dag.stages.map((s) => [s.id, s.function]));
  return report.comparison.stages.map((c) => {
    const inst = report.instances.filter((i) => i.stageId === c.stageId);
    const mean = (f: (i: (typeof inst)[number]) => number) => inst.reduce((a, i) => a + f(i), 0) / Math.max(1, inst.length);
    const profile = profiles?.profileFor(fnOf.get(c.stageId)!, {});
    const modelled = profile === undefined ? NaN : mean((i) => profile.runtimeMs(i.inputBytes));
    return `  ${c.stageId}: ${inst.length} inst, start ${c.predictedStartMs.toFixed(0)}/${c.measuredStartMs?.toFixed(0) ?? "—"} finish ${c.predictedFinishMs.toFixed(0)}/${c.measuredFinishMs?.toFixed(0) ?? "—"} ms (pred/meas); mean input ${formatBytes(mean((i) => i.inputBytes))}, runtime ${mean((i) => i.runtimeMs).toFixed(0)} ms measured, ${modelled.toFixed(0)} ms by the profile; mean ready→start ${mean((i) => i.startMs - i.readyMs).toFixed(0)}, read ${mean((i) => i.computeStartMs - i.startMs).toFixed(0)}, write ${mean((i) => i.finishMs - i.computeEndMs).toFixed(0)} ms; ready ${Math.min(...inst.map((i) => i.readyMs)).toFixed(0)} ms\n`;
  }).join("");
}
