/**
 * A byte range of one object read as ranged GETs of at most `rangeBytes`, `connections` at once,
 * each chunk taking tokens from the VM's inbound NIC bucket as it arrives. A body that ends or
 * breaks before its range is complete (s3rver under load was seen to end a 64 KiB range 864 bytes
 * short) is resumed from the first missing byte, up to SHORT_READ_RESUMES more GETs per range,
 * before the read fails naming the store.
 */
import { BackendError } from "../backend-error.js";
import { forEachLimited } from "./for-each-limited.js";
import type { IoCount, S3Access } from "./s3-access.js";
import type { TokenBucket } from "./token-bucket.js";

/** More GETs a ranged read may make for the rest of a range whose body ended short. */
export const SHORT_READ_RESUMES = 3;

export async function getObjectRange(a: S3Access, key: string, offset: number, length: number, rangeBytes: number, nicIn?: TokenBucket, connections = 1): Promise<{ bytes: Uint8Array; io: IoCount }> {
  const out = new Uint8Array(length);
  if (length === 0) return { bytes: out, io: { bytes: 0, requests: 0 } };
  const part = Math.max(1, Math.floor(rangeBytes));
  const count = Math.ceil(length / part);
  let requests = 0;
  await forEachLimited(count, Math.max(1, connections), async (k) => {
    const from = k * part;
    const to = Math.min(length, from + part);
    let at = from;
    for (let resumes = 0; ; resumes++) {
      let r;
      requests++;
      try {
        r = await a.s3.send(new a.sdk.GetObjectCommand({ Bucket: a.bucket, Key: key, Range: `bytes=${offset + at}-${offset + to - 1}` }));
      } catch (e) {
        throw a.fail(`GET ${key} bytes ${offset + at}-${offset + to - 1}`, e);
      }
      let broken: unknown;
      try {
        for await (const chunk of r.Body as AsyncIterable<Uint8Array>) {
          if (at + chunk.length > to) throw a.fail(`GET ${key}`, new Error(`the store returned more than the ${to - from} bytes asked for`));
          out.set(chunk, at);
          at += chunk.length;
          await nicIn?.take(chunk.length);
        }
      } catch (e) {
        if (e instanceof BackendError) throw e;
        broken = e;
      }
      if (at === to) return;
      if (resumes >= SHORT_READ_RESUMES) {
        const cause = broken ?? new Error(`expected ${to - from} bytes, got ${at - from}`);
        throw a.fail(`GET ${key} (after ${resumes + 1} requests for bytes ${offset + from}-${offset + to - 1})`, cause);
      }
    }
  });
  return { bytes: out, io: { bytes: length, requests } };
}
