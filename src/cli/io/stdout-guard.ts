/**
 * stdout and stderr that fail cleanly: a reader that goes away (`sluice plan | head -c 10`, EPIPE)
 * ends the process quietly with exit 0 — the reader chose to stop — and any other write failure
 * (a full disk: `> /dev/full`) is an I/O error, exit 74, with one line on stderr.
 */
import { issue } from "../../errors.js";
import { IoError } from "../../errors.js";

export function guardStdStreams(prog: string): void {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    const failure = new IoError("Cannot write the output", [issue("io.cannotWrite", { path: ["stdout"], params: { reason: err.message } })]);
    try {
      process.stderr.write(`${prog}: ${failure.message}\n`);
    } finally {
      process.exit(failure.exitCode);
    }
  });
  process.stderr.on("error", () => process.exit(process.exitCode === undefined || process.exitCode === 0 ? 74 : Number(process.exitCode)));
}
