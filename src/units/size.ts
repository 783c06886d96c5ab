/**
 * Byte sizes: parse "10 GiB", "1.5GB", "200 MB", "512KiB", or a plain byte count; format for display.
 * Decimal units (kB, MB, GB, TB) are powers of 1000; binary units (KiB, MiB, GiB, TiB) powers of 1024.
 */
import { show, sluiceError } from "../errors.js";

const UNIT_BYTES: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

/** Parses a size given as bytes (number) or a string with an optional unit. Throws InputError on anything else. */
export function parseSizeBytes(size: number | string, field = "inputSize"): number {
  let bytes: number;
  if (typeof size === "number") {
    bytes = size;
  } else if (typeof size === "string") {
    const m = /^\s*([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*([a-z]*)\s*$/i.exec(size);
    const unit = m?.[2]?.toLowerCase() ?? "";
    const factor = unit === "" ? 1 : UNIT_BYTES[unit];
    if (m === null || factor === undefined) {
      throw sluiceError("size.notASize", { path: [field], actual: show(size) });
    }
    bytes = Number(m[1]) * factor;
  } else {
    throw sluiceError("size.wrongType", { path: [field], actual: show(size) });
  }
  if (!Number.isFinite(bytes) || bytes <= 0) {
    throw sluiceError("size.notPositive", { path: [field], actual: show(size) });
  }
  return bytes;
}

/** Formats bytes with a binary unit, e.g. 1610612736 → "1.50 GiB". */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = bytes;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${Math.round(v)} B` : `${v.toFixed(2)} ${units[i]}`;
}
