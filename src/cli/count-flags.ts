/** `NAME=N` flags (`--fanout Map=40`, `--repeat Poll=5`) as a table of positive integers; a bad one is a usage error naming the flag. */
import { CliUsageError } from "./cli-error.js";

export function parseCountFlags(flag: string, raw: readonly string[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of raw ?? []) {
    const at = item.lastIndexOf("=");
    const name = item.slice(0, at);
    const n = Number(item.slice(at + 1));
    if (at <= 0 || !Number.isInteger(n) || n < 1) throw new CliUsageError(`${flag} expects NAME=N with N a positive integer, got "${item}"`);
    out[name] = n;
  }
  return out;
}

export function parseNameFlags(flag: string, raw: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of raw ?? []) {
    const at = item.lastIndexOf("=");
    if (at <= 0 || at === item.length - 1) throw new CliUsageError(`${flag} expects NAME=VALUE, got "${item}"`);
    out[item.slice(0, at)] = item.slice(at + 1);
  }
  return out;
}
