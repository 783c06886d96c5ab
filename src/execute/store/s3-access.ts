/**
 * What the object store's requests share: the loaded SDK, its client, the bucket, and how a failure
 * becomes a BackendError naming the store (object-store-client.ts builds it; s3-put.ts and
 * s3-ranged-get.ts use it).
 */
import type { S3Client } from "@aws-sdk/client-s3";
import type { BackendError } from "../backend-error.js";

export type S3Module = typeof import("@aws-sdk/client-s3");

export interface S3Access {
  readonly s3: S3Client;
  readonly sdk: S3Module;
  readonly bucket: string;
  /** A BackendError naming the store: `what` failed because of `err`. */
  fail(what: string, err: unknown): BackendError;
}

/** Bytes moved and requests made by one read or write. */
export interface IoCount {
  readonly bytes: number;
  readonly requests: number;
}
