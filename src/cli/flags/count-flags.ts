/** `NAME=N` flags (`--fanout Map=40`, `--repeat Poll=5`) as a table of positive integers; a bad one is a usage error naming the flag. */
import { show, sluiceError } from "../../errors.js";

export function parseCountFlags(flag: string, raw: readonly string[] | string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of typeof raw === "string" ? [raw] : raw ?? []) {
    const at = item.lastIndexOf("=");
    const name = item.slice(0, at);
    const n = Number(item.slice(at + 1));
    if (at <= 0 || !Number.isInteger(n) || n < 1) throw sluiceError("cli.badFlagValue", { path: [flag], expected: "NAME=N with N a positive integer", actual: show(item) });
    out[name] = n;
  }
  return out;
}

export function parseNameFlags(flag: string, raw: readonly string[] | string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of typeof raw === "string" ? [raw] : raw ?? []) {
    const at = item.lastIndexOf("=");
    if (at <= 0 || at === item.length - 1) throw sluiceError("cli.badFlagValue", { path: [flag], expected: "NAME=VALUE", actual: show(item) });
    out[item.slice(0, at)] = item.slice(at + 1);
  }
  return out;
}
