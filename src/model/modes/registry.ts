/** The transfer-mode plugins by name, in TRANSFER_MODES order. */
import type { TransferMode } from "../../platform/schema.js";
import { cacheMode } from "./cache.js";
import { directMode } from "./direct.js";
import type { ModeModule } from "./mode-module.js";
import { remoteMode } from "./remote.js";
import { vmLocalMode } from "./vm-local.js";

export const MODE_REGISTRY: Readonly<Record<TransferMode, ModeModule>> = Object.freeze({
  "vm-local": vmLocalMode,
  direct: directMode,
  remote: remoteMode,
  cache: cacheMode,
});
