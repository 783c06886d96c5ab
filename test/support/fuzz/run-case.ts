/**
 * One fuzz case, classified: "result" (only finite numbers in it), "error" (a catalogued
 * SluiceError that is not an internal one), "nonFinite" (a result holding NaN or ±Infinity) or
 * "crash" (any other throw, or an internal error: a bug). Each case is timed.
 */
import { keyOfCode, SluiceError } from "../../../src/errors.js";
import { nonFinitePaths } from "../../../src/plan/check-finite.js";

export type FuzzKind = "result" | "error" | "nonFinite" | "crash";

export interface FuzzOutcome {
  readonly kind: FuzzKind;
  readonly ms: number;
  /** The error code for "error", else a short description of what went wrong. */
  readonly detail?: string;
}

export async function classify(run: () => Promise<unknown>): Promise<FuzzOutcome> {
  const t0 = performance.now();
  try {
    const result = await run();
    const ms = performance.now() - t0;
    const bad = nonFinitePaths(result, 1);
    return bad.length === 0 ? { kind: "result", ms } : { kind: "nonFinite", ms, detail: bad[0]!.join(".") };
  } catch (err) {
    const ms = performance.now() - t0;
    if (err instanceof SluiceError && keyOfCode(err.code) !== undefined && err.category !== "internal") return { kind: "error", ms, detail: err.code };
    const text = err instanceof Error ? `${err.name}: ${err.message.split("\n").slice(0, 3).join(" | ")}` : String(err);
    return { kind: "crash", ms, detail: text.slice(0, 400) };
  }
}
