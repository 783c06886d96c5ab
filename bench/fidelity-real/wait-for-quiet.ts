/** `--quiet-below L`: waits, at most 20 minutes, until the 1-minute load average is below L; returns the seconds waited. */
import os from "node:os";

export async function waitForQuiet(threshold: number): Promise<number> {
  const t0 = Date.now();
  while (os.loadavg()[0]! >= threshold && Date.now() - t0 < 20 * 60_000) {
    process.stderr.write(`load ${os.loadavg()[0]!.toFixed(2)} ≥ ${threshold}: waiting…\n`);
    await new Promise((r) => setTimeout(r, 30_000));
  }
  return (Date.now() - t0) / 1000;
}
