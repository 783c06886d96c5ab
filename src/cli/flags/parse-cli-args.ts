/** node:util parseArgs with unknown or malformed flags as catalogued usage errors (with a "did you mean"). */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { show, sluiceError, suggestionParams } from "../../errors.js";

/** The values parseArgs gives for these options: strings and booleans, absent when not passed. */
export type ParsedValues<O extends NonNullable<ParseArgsConfig["options"]>> = { [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : O[K] extends { multiple: true } ? string[] : string };

export function parseCliArgs<O extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: O, allowPositionals = false): { values: ParsedValues<O>; positionals: string[] } {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals }) as unknown as { values: ParsedValues<O>; positionals: string[] };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const unknown = /^Unknown option '(-{1,2}[^']*)'/.exec(message);
    if (unknown !== null) {
      const known = Object.keys(options).map((k) => `--${k}`);
      throw sluiceError("cli.unknownFlag", { path: [unknown[1]!], actual: show(unknown[1]!), params: suggestionParams(unknown[1]!, known) });
    }
    throw sluiceError("cli.badFlags", { params: { reason: message.split(/\. To specify|\n/)[0]!.replace(/\.$/, "") } });
  }
}
