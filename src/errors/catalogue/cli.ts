/** SLU1200–1299: the command line (commands, flags, their values). Category usage: exit 64. */
import type { CatalogueEntry } from "../entry.js";

export const CLI_ERRORS = {
  "cli.unknownCommand": {
    code: "SLU1201",
    category: "usage",
    message: "unknown command{suggestion}",
    expected: "one of {known}",
    hint: "Run `sluice --help` for the commands.",
  },
  "cli.badFlags": {
    code: "SLU1202",
    category: "usage",
    message: "{reason}",
    hint: "Run the command with --help for its flags.",
  },
  "cli.unknownFlag": {
    code: "SLU1206",
    category: "usage",
    message: "unknown flag{suggestion}",
    expected: "one of {known}",
    hint: "Run the command with --help for its flags.",
  },
  "cli.missingFlag": {
    code: "SLU1203",
    category: "usage",
    message: "a required flag is missing",
    hint: "Run the command with --help for an example.",
  },
  "cli.badFlagValue": {
    code: "SLU1204",
    category: "usage",
    message: "bad flag value",
    hint: "Run the command with --help for the flag's form.",
  },
  "cli.flagsConflict": {
    code: "SLU1205",
    category: "usage",
    message: "flags that go together or exclude each other",
    hint: "Run the command with --help.",
  },
} as const satisfies Record<string, CatalogueEntry>;
