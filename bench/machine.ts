/** The machine, date and command a benchmark ran with, for bench/RESULTS.md. */
import os from "node:os";

export function machineLine(command: string): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const memGiB = (os.totalmem() / 2 ** 30).toFixed(0);
  return `Machine: ${cpu}, ${os.cpus().length} cores, ${memGiB} GiB, Node ${process.version}, ${os.platform()} ${os.release()}. Date: ${new Date().toISOString().slice(0, 10)}. Command: \`${command}\`.`;
}
