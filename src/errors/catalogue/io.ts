/** SLU8000–8099: reading inputs and writing outputs (files, folders, streams). */
import type { CatalogueEntry } from "../entry.js";

export const IO_ERRORS = {
  "io.cannotRead": {
    code: "SLU8001",
    category: "no-input",
    message: "cannot read the file: {reason}",
    hint: "Check the path and its permissions.",
  },
  "io.notJson": {
    code: "SLU8002",
    category: "data",
    message: "not valid JSON: {reason}",
    expected: "a JSON document",
    hint: "Check the file with a JSON linter; trailing commas and comments are not JSON.",
  },
  "io.cannotWrite": {
    code: "SLU8003",
    category: "io",
    message: "cannot write: {reason}",
    hint: "Check that the folder exists, is writable and the disk has room.",
  },
  "io.notWritableTarget": {
    code: "SLU8004",
    category: "io",
    message: "not a place for an output: {reason}",
    expected: "a regular file or a new path in a writable folder",
    hint: "Write to a path on a normal file system, not a device, /proc or /sys entry, or an existing folder.",
  },
  "io.inputTooLarge": {
    code: "SLU8005",
    category: "data",
    message: "input file too large",
    expected: "≤ {limit} bytes",
    hint: "A DAG, platform or workflow file this large is rarely meant: check the path; from code, pass the parsed object to the API instead.",
  },
} as const satisfies Record<string, CatalogueEntry>;
