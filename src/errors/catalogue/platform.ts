/** SLU3000–3099: the platform (VMs, object store, cache tier, billing) and what it can run. Category data. */
import type { CatalogueEntry } from "../entry.js";

export const PLATFORM_ERRORS = {
  "platform.unknownKey": {
    code: "SLU3001",
    category: "data",
    message: "unknown platform field{suggestion}",
    expected: "one of {known}",
    hint: "Platform fields are listed in docs/platform.md; unknown fields are errors so a typo cannot pass silently.",
  },
  "platform.wrongType": {
    code: "SLU3002",
    category: "data",
    message: "platform field has the wrong type",
    hint: "Values are not coerced: a bandwidth is a number (1.25), not a string (\"1.25\").",
  },
  "platform.badValue": {
    code: "SLU3003",
    category: "data",
    message: "platform field out of range or not allowed",
    hint: "See docs/platform.md for each field's unit and range.",
  },
  "platform.memoryRange": {
    code: "SLU3004",
    category: "data",
    message: "minimum memory above maximum",
    hint: "billing.minMemoryMb must not exceed billing.maxMemoryMb.",
  },
  "platform.burstBelowBaseline": {
    code: "SLU3005",
    category: "data",
    message: "the NIC's burst rate is below its baseline",
    hint: "vm.nicBurstBytesPerSecond is the \"up to\" rate a NIC reaches while it has credit; set it at or above vm.nicBytesPerSecond (equal: a NIC that does not burst).",
  },
  "platform.stageDoesNotFit": {
    code: "SLU3010",
    category: "data",
    message: "{reason}",
    hint: "Give the platform bigger VMs (vm.memoryMb) or a higher billing.maxMemoryMb, or check the stage's profile.",
  },
} as const satisfies Record<string, CatalogueEntry>;
