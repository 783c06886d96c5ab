/**
 * `sluice plan` whole: the command and its error report, in one module graph. `npm run build`
 * also bundles this file with its imports into one ESM file (tools/bundle-cli.ts →
 * dist/cli-bundle/), which dist/cli/main.js runs for `sluice plan` when present: loading ~240
 * modules one by one was about a quarter of a plan's start-up. Errors are reported inside, so the
 * bundle's own error classes are the ones checked.
 */
import { reportError } from "../io/exit-code.js";
import { runPlanCommand } from "./plan-command.js";

export async function runPlanMain(argv: string[]): Promise<number> {
  try {
    return await runPlanCommand(argv);
  } catch (err) {
    return reportError(err, "sluice plan");
  }
}
