#!/usr/bin/env node
/**
 * The `sluice` command: dispatches to plan, train, predict, simulate, run, worker and calibrate, each loaded only when called so
 * `sluice --version` and `sluice plan` do not pay for the others' dependencies. Every error becomes
 * its catalogue text on stderr and a sysexits code (usage 64, data 65, no input 66, I/O 74,
 * internal 70 only for a bug); 3 means no plan meets the limits.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { sluiceError, show, suggestionParams } from "../errors.js";
import { reportError } from "./io/exit-code.js";
import { guardStdStreams } from "./io/stdout-guard.js";

const HELP = `Usage: sluice <command> [options]

Commands:
  plan       plan how data moves between a DAG's stages (sluice plan --help)
  train      train profiles from traces (CSV, JSON, Parquet) or Lambda logs (sluice train --help)
  predict    a function's runtime, memory, output and fanout at a size, from trained profiles (sluice predict --help)
  simulate   plan, then simulate the plan instance by instance (sluice simulate --help)
  run        plan, then run the plan on real backends and measure it (sluice run --help)
  worker     run one VM of the executor (sluice worker --help)
  calibrate  measure the backends and write a platform JSON (sluice calibrate --help)
  import     read a Step Functions, SeBS-Flow or Serverless Workflow definition as a DAG (sluice import --help)
  export     write a plan as a Step Functions state machine (sluice export --help)
  history    read a Step Functions execution history as trace rows (sluice history --help)

Run "sluice <command> --help" for a command's options; "sluice --version" for the version.
Exit codes: 0 done; 3 no plan meets the limits (simulate: or the run went over them); 64 bad usage;
65 bad data; 66 missing input; 69 a backend unavailable; 74 output cannot be written; 70 a bug in
Sluice. Error codes are listed in docs/errors.md.
`;

const COMMANDS = ["plan", "train", "predict", "simulate", "run", "worker", "calibrate", "import", "export", "history"] as const;

export function version(): string {
  return (createRequire(import.meta.url)("../../package.json") as { version: string }).version;
}

/** `sluice plan` from the one-file bundle `npm run build` makes (tools/bundle-cli.ts), else from its modules. */
const PLAN_BUNDLE = new URL("../cli-bundle/plan-main.js", import.meta.url);

async function runPlan(rest: string[]): Promise<number> {
  const { runPlanMain } = (existsSync(PLAN_BUNDLE) ? await import(PLAN_BUNDLE.href) : await import("./commands/plan-main.js")) as typeof import("./commands/plan-main.js");
  return runPlanMain(rest);
}

async function dispatch(command: string | undefined, rest: string[]): Promise<number> {
  switch (command) {
    case "plan":
      return runPlan(rest);
    case "train":
      return (await import("./commands/train-command.js")).runTrainCommand(rest);
    case "predict":
      return (await import("./commands/predict-command.js")).runPredictCommand(rest);
    case "simulate":
      return (await import("./commands/simulate-command.js")).runSimulateCommand(rest);
    case "run":
      return (await import("./commands/run-command.js")).runRunCommand(rest);
    case "worker":
      return (await import("./commands/worker-command.js")).runWorkerCommand(rest);
    case "calibrate":
      return (await import("./commands/calibrate-command.js")).runCalibrateCommand(rest);
    case "import":
      return (await import("./commands/import-command.js")).runImportCommand(rest);
    case "export":
      return (await import("./commands/export-command.js")).runExportCommand(rest);
    case "history":
      return (await import("./commands/history-command.js")).runHistoryCommand(rest);
    case "-v":
    case "--version":
    case "version":
      process.stdout.write(`sluice ${version()}\n`);
      return 0;
    case undefined:
    case "-h":
    case "--help":
    case "help":
      (command === undefined ? process.stderr : process.stdout).write(HELP);
      return command === undefined ? 64 : 0;
    default:
      throw sluiceError("cli.unknownCommand", { path: [command], actual: show(command), params: suggestionParams(command, COMMANDS) });
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    return await dispatch(command, rest);
  } catch (err) {
    return reportError(err, COMMANDS.includes(command as (typeof COMMANDS)[number]) ? `sluice ${command}` : "sluice");
  }
}

guardStdStreams("sluice");
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = reportError(err, "sluice");
  },
);
