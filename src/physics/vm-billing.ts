/**
 * The VM pool's bill. A self-hosted FaaS keeps its pool for the app's run: the app holds as many
 * VMs as it uses at once at its peak, from its start to its end (waiting, queueing and idle VMs
 * included), and each VM is billed for that time:
 *
 *   per-second:  max(minimumSeconds, heldMs / 1000) seconds       (EC2 Linux on-demand: 1 s steps, 60 s minimum)
 *   per-hour:    ⌈heldMs / 3,600,000⌉ hours                       (each partial hour billed as a full hour)
 *   usd = vms · billed seconds · priceUsdPerHour / 3600
 * Per-second billing is kept continuous above the minimum: the rounding up to a whole second (under
 * one second per VM) is left out, so the bill is a line in the held time that a solver encodes exactly.
 */

export type VmBilling = "per-second" | "per-hour";

export function billedVmSeconds(heldMs: number, billing: VmBilling, minimumSeconds: number): number {
  const held = Math.max(0, heldMs);
  if (billing === "per-hour") return Math.max(1, Math.ceil(held / 3.6e6 - 1e-9)) * 3600;
  return Math.max(minimumSeconds, held / 1000);
}

export function vmPoolUsd(vms: number, heldMs: number, priceUsdPerHour: number, billing: VmBilling, minimumSeconds: number): number {
  if (!(vms > 0)) return 0;
  return (vms * billedVmSeconds(heldMs, billing, minimumSeconds) * priceUsdPerHour) / 3600;
}

/**
 * The same bill as a line in the held time, for a solver: usd ≥ rate · max(minimum, held), with
 * the rounding to started hours left to the referee. Per-hour billing is the line's
 * upper envelope for runs under an hour (one hour) and a lower bound past it; per-second billing is the line exactly.
 */
export function vmPoolLine(vms: number, priceUsdPerHour: number, billing: VmBilling, minimumSeconds: number): { readonly usdPerMs: number; readonly minimumMs: number } {
  const usdPerMs = (vms * priceUsdPerHour) / 3.6e6;
  return { usdPerMs, minimumMs: billing === "per-hour" ? 3.6e6 : minimumSeconds * 1000 };
}
