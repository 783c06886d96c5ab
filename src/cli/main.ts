#!/usr/bin/env node
/** The `sluice` command: dispatches to plan, train and simulate; maps errors to one line and an exit code. */
import { InputError, SluiceError } from "../errors.js";
import { CliUsageError } from "./cli-error.js";
import { PLAN_HELP, runPlanCommand } from "./plan-command.js";
import { runSimulateCommand } from "./simulate-command.js";
import { runTrainCommand } from "./train-command.js";
import { runImportCommand } from "./import-command.js";
import { runExportCommand } from "./export-command.js";
import { runHistoryCommand } from "./history-command.js";

const HELP = `Usage: sluice <command> [options]

Commands:
  plan       plan how data moves between a DAG's stages (sluice plan --help)
  train      train profiles from trace CSVs or Lambda logs (sluice train --help)
  simulate   plan, then simulate the plan instance by instance (sluice simulate --help)
  import     read a Step Functions, SeBS-Flow or Serverless Workflow definition as a DAG (sluice import --help)
  export     write a plan as a Step Functions state machine (sluice export --help)
  history    read a Step Functions execution history as trace rows (sluice history --help)

Run "sluice <command> --help" for a command's options.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "plan":
        return await runPlanCommand(rest);
      case "train":
        return await runTrainCommand(rest);
      case "simulate":
        return await runSimulateCommand(rest);
      case "import":
        return await runImportCommand(rest);
      case "export":
        return await runExportCommand(rest);
      case "history":
        return await runHistoryCommand(rest);
      case undefined:
      case "-h":
      case "--help":
      case "help":
        process.stdout.write(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new CliUsageError(`unknown command "${command}" (expected plan, train, simulate, import, export or history)`);
    }
  } catch (err) {
    if (err instanceof CliUsageError || (err instanceof TypeError && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS"))) {
      process.stderr.write(`sluice: ${err.message}\n`);
      return 2;
    }
    if (err instanceof InputError) {
      process.stderr.write(`sluice: ${err.message}\n`);
      return 1;
    }
    if (err instanceof SluiceError || (err instanceof Error && "code" in err && (err.code === "ENOENT" || err.code === "EISDIR"))) {
      process.stderr.write(`sluice: ${err.message}\n`);
      return 1;
    }
    if (err instanceof SyntaxError) {
      process.stderr.write(`sluice: invalid JSON: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

void PLAN_HELP;
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`sluice: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
