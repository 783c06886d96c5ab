/** `direct`: the producer's VM keeps the output as a file and serves it; receivers pull it over HTTP. */
import { pullDirect } from "../store/direct-server.js";
import { InputLostError, type TransferModule } from "./transfer-module.js";

export const directTransfer: TransferModule = {
  mode: "direct",
  async send(ctx, name, bytes) {
    await ctx.storage.write(ctx.runId, name, bytes);
    return { bytes: bytes.length, requests: 0 };
  },
  async fetch(ctx, source, offset, length) {
    if (source.vm === undefined) throw new RangeError(`direct fetch of ${source.name}: expected the producer's VM`);
    let address: string;
    try {
      address = await ctx.addressOf(source.vm);
    } catch (e) {
      throw new InputLostError(`VM ${source.vm} that holds ${source.name} is gone: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      const bytes = await pullDirect(address, ctx.runId, source.name, offset, length, ctx.nic.in);
      return { bytes, io: { bytes: length, requests: 1 } };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ECONNREFUSED" || code === "ECONNRESET" || code === "ENOENT") throw new InputLostError(`${source.name} on VM ${source.vm} (${address}): ${(e as Error).message}`);
      throw e;
    }
  },
};
