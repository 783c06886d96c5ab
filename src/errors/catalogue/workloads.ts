/**
 * SLU7900–7999: the bundled workloads (src/workloads): the benchmark apps' stage functions, their
 * byte formats, and trace collection. `sluice run` and `npm run traces` call them.
 */
import type { CatalogueEntry } from "../entry.js";

export const WORKLOAD_ERRORS = {
  "workloads.unknownApp": {
    code: "SLU7901",
    category: "usage",
    message: "unknown workload app {name}{suggestion}",
    expected: "one of {known}",
    hint: "The bundled apps are listed in datasets/README.md.",
  },
  "workloads.unknownFunction": {
    code: "SLU7902",
    category: "usage",
    message: "unknown stage function {name}{suggestion}",
    expected: "one of {known}",
    hint: "Stage functions are named as in the example DAGs (sort-map, wc-reduce, q-scan, …).",
  },
  "workloads.badArgument": {
    code: "SLU7903",
    category: "usage",
    message: "{what} out of range",
    hint: "Give a finite positive number in the unit the name says.",
  },
  "workloads.malformedInput": {
    code: "SLU7904",
    category: "data",
    message: "{what} is malformed",
    hint: "The bytes were not written by the stage before this one (or were cut short); regenerate the input or rerun the producer.",
  },
  "workloads.shuffleShape": {
    code: "SLU7905",
    category: "data",
    message: "producers of a {pattern} wrote different numbers of partitions",
    hint: "Every producer of a shuffle or scatter writes one partition per receiver: give them the same partition count.",
  },
  "workloads.stageWithoutInput": {
    code: "SLU7906",
    category: "usage",
    message: "app {app} stage {index} ({function}) says nothing of its input",
    expected: "an inputPattern for every stage after the first",
    hint: "Name how the stage reads its producers' outputs: one-to-one, shuffle, scatter or broadcast.",
  },
  "workloads.badTraceRow": {
    code: "SLU7907",
    category: "data",
    message: "measured trace row field {field} out of range",
    hint: "A measurement gave a value no trace row can hold; check the stage function and the memory probe.",
  },
} as const satisfies Record<string, CatalogueEntry>;
