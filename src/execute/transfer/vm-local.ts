/** `vm-local`: the output stays in the producer VM's folder and its receivers run on that VM and read it there. */
import { directTransfer } from "./direct.js";
import { InputLostError, type TransferModule } from "./transfer-module.js";

export const vmLocalTransfer: TransferModule = {
  mode: "vm-local",
  async send(ctx, name, bytes) {
    await ctx.storage.write(ctx.runId, name, bytes);
    return { bytes: bytes.length, requests: 0 };
  },
  async fetch(ctx, source, offset, length) {
    if (source.vm !== undefined && source.vm !== ctx.vm) {
      // The receiver did not land beside its input (its VM was lost and it runs elsewhere): pull it.
      const pulled = await directTransfer.fetch(ctx, source, offset, length);
      return { ...pulled, fallback: true };
    }
    try {
      return { bytes: await ctx.storage.readRange(ctx.runId, source.name, offset, length), io: { bytes: length, requests: 0 } };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new InputLostError(`${source.name} is not on VM ${ctx.vm}`);
      throw e;
    }
  },
};
