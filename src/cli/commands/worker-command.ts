/** `sluice worker`: runs this process as one VM of the executor, until SIGTERM or SIGINT. */
import { parseNumberFlag } from "../flags/cli-error.js";
import { parseCliArgs } from "../flags/parse-cli-args.js";

export const WORKER_HELP = `Usage: sluice worker --vm NAME [options]

Runs one VM of the executor: registers at the Redis, serves its outputs to direct pullers over
HTTP, and runs the instance jobs of every run that lists it (\`sluice run\` lists every registered
VM). Start one per machine (or several per machine as separate VMs); stop with Ctrl-C or SIGTERM.

Options:
  --vm NAME           this VM's name (letters, digits, _ and -)
  --redis URL         the Redis the runs use (default $SLUICE_REDIS_URL or redis://127.0.0.1:6379)
  --slots N           instances run at once (default: the machine's cores)
  --host H            interface the output server listens on (default 127.0.0.1; 0.0.0.0 for other machines)
  --advertise-host H  the address other VMs reach this one by (default: --host)
  --root DIR          where this VM keeps its outputs (default: /dev/shm when present, else the temp folder)
  --nic RATE          shape this VM's NIC to RATE bytes per second when the run does not set one
  -h, --help          this help
`;

const WORKER_FLAGS = {
  vm: { type: "string" },
  redis: { type: "string" },
  slots: { type: "string" },
  host: { type: "string" },
  "advertise-host": { type: "string" },
  root: { type: "string" },
  nic: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export async function runWorkerCommand(argv: string[]): Promise<number> {
  const { values } = parseCliArgs(argv, WORKER_FLAGS);
  if (values.help) {
    process.stdout.write(WORKER_HELP);
    return 0;
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const { runWorkerProcess } = await import("../../execute/worker/worker-main.js");
  await runWorkerProcess({
    redisUrl: values.redis ?? process.env.SLUICE_REDIS_URL ?? "redis://127.0.0.1:6379",
    vm: values.vm ?? (await import("node:os")).hostname().replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 64),
    ...(values.slots !== undefined ? { slots: Math.round(parseNumberFlag("--slots", values.slots)) } : {}),
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(values["advertise-host"] !== undefined ? { advertiseHost: values["advertise-host"] } : {}),
    ...(values.root !== undefined ? { root: values.root } : {}),
    ...(values.nic !== undefined ? { nicBytesPerSecond: parseNumberFlag("--nic", values.nic) } : {}),
  });
  return 0;
}
