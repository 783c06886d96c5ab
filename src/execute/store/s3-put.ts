/**
 * One object written: a single PUT up to the part size, above it a multipart upload with
 * `connections` parts in flight, aborted on any failure so that no partial upload is left. Bytes
 * take tokens from the VM's outbound NIC bucket before each part is sent. Overwrites: a retried
 * write is idempotent.
 */
import { BackendError } from "../backend-error.js";
import { forEachLimited } from "./for-each-limited.js";
import type { IoCount, S3Access } from "./s3-access.js";
import type { TokenBucket } from "./token-bucket.js";

export async function putObject(a: S3Access, key: string, bytes: Uint8Array, partSizeBytes: number, nicOut?: TokenBucket, connections = 1): Promise<IoCount> {
  const part = partSizeBytes;
  const Bucket = a.bucket;
  if (bytes.length <= part) {
    await nicOut?.take(bytes.length);
    try {
      await a.s3.send(new a.sdk.PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentLength: bytes.length }));
    } catch (e) {
      throw a.fail(`PUT ${key}`, e);
    }
    return { bytes: bytes.length, requests: 1 };
  }
  let uploadId: string | undefined;
  try {
    const created = await a.s3.send(new a.sdk.CreateMultipartUploadCommand({ Bucket, Key: key }));
    uploadId = created.UploadId!;
    const count = Math.ceil(bytes.length / part);
    const etags: string[] = new Array(count);
    await forEachLimited(count, Math.max(1, connections), async (k) => {
      const body = bytes.subarray(k * part, Math.min(bytes.length, (k + 1) * part));
      await nicOut?.take(body.length);
      const r = await a.s3.send(new a.sdk.UploadPartCommand({ Bucket, Key: key, UploadId: uploadId, PartNumber: k + 1, Body: body, ContentLength: body.length }));
      etags[k] = r.ETag!;
    });
    await a.s3.send(
      new a.sdk.CompleteMultipartUploadCommand({ Bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: etags.map((ETag, k) => ({ ETag, PartNumber: k + 1 })) } }),
    );
    return { bytes: bytes.length, requests: count + 2 };
  } catch (e) {
    if (uploadId !== undefined) await a.s3.send(new a.sdk.AbortMultipartUploadCommand({ Bucket, Key: key, UploadId: uploadId })).catch(() => undefined);
    throw e instanceof BackendError ? e : a.fail(`multipart upload of ${key}`, e);
  }
}
