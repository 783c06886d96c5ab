/** `cache`: SET in the cache tier (Redis protocol); receivers GETRANGE their part. */
import type { TransferModule } from "./transfer-module.js";

export const cacheTransfer: TransferModule = {
  mode: "cache",
  async send(ctx, key, bytes) {
    return (await ctx.cache()).put(key, bytes, ctx.nic.out);
  },
  async fetch(ctx, source, offset, length) {
    return (await ctx.cache()).getRange(source.name, offset, length, ctx.nic.in);
  },
};
