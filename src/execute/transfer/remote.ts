/** `remote`: PUT (multipart above the part size) to the S3 API; receivers take ranged GETs, in parallel. */
import type { TransferModule } from "./transfer-module.js";

export const remoteTransfer: TransferModule = {
  mode: "remote",
  async send(ctx, key, bytes) {
    return (await ctx.objectStore()).put(key, bytes, ctx.nic.out, ctx.connections);
  },
  async fetch(ctx, source, offset, length) {
    const store = await ctx.objectStore();
    return store.getRange(source.name, offset, length, ctx.nic.in, ctx.connections, ctx.rangeBytes ?? store.config.partSizeBytes);
  },
};
