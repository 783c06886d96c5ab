/** The transfer modules by mode, in TRANSFER_MODES order (like src/model/modes/registry.ts for the model). */
import type { TransferMode } from "../../platform/schema.js";
import { cacheTransfer } from "./cache.js";
import { directTransfer } from "./direct.js";
import { remoteTransfer } from "./remote.js";
import type { TransferModule } from "./transfer-module.js";
import { vmLocalTransfer } from "./vm-local.js";

export const TRANSFER_REGISTRY: Readonly<Record<TransferMode, TransferModule>> = Object.freeze({
  "vm-local": vmLocalTransfer,
  direct: directTransfer,
  remote: remoteTransfer,
  cache: cacheTransfer,
});
