/** SLU9000–9099: broken invariants — bugs in Sluice, never the caller's fault. Category internal: exit 70. */
import type { CatalogueEntry } from "../entry.js";

const REPORT = "This is a bug in Sluice: please report it with the command or call that raised it.";

export const INTERNAL_ERRORS = {
  "internal.invariant": { code: "SLU9001", category: "internal", message: "{detail}", hint: REPORT },
  "internal.unknownLpVariable": { code: "SLU9002", category: "internal", message: "unknown variable {name}: the model was not validated", hint: REPORT },
  "internal.milpServesNoReceiver": { code: "SLU9003", category: "internal", message: "MILP solution serves no receiver of edge {edge}", hint: REPORT },
  "internal.milpPlanBreaksModel": { code: "SLU9004", category: "internal", message: "the MILP's plan breaks the model: {violations}", hint: REPORT },
  "internal.simulationStalled": { code: "SLU9005", category: "internal", message: "{detail}", hint: REPORT },
  "internal.noCandidatePlan": { code: "SLU9006", category: "internal", message: "{detail}", hint: REPORT },
  "internal.unexpectedPackageShape": { code: "SLU9007", category: "unavailable", message: "package {package} has an unexpected shape", hint: "Reinstall dependencies with npm ci; a different major version may be installed." },
} as const satisfies Record<string, CatalogueEntry>;
