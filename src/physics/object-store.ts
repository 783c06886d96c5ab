/**
 * Object-store request laws.
 *
 * Request-rate limits are per key prefix (AWS S3: 3,500 PUT and 5,500 GET per second per
 * partitioned prefix; a bucket scales out to more prefixes over tens of minutes to hours, Bodner et
 * al. 2025). An edge whose objects are spread over p prefixes gets p times the rate:
 *
 *   requestBoundMs = requests / (perPrefixPerSecond · prefixes) · 1000
 *
 * Ranged GETs: a reader with c > 1 connections splits each object into ranges of `rangeBytes`
 * (the AWS SDK transfer manager's default part size is 8 MiB) and keeps c requests in flight; with
 * one connection it streams each object with one GET. Each range is a request: it pays first-byte
 * latency (c at a time) and is priced and rate-limited like any GET.
 *
 *   gets   = c > 1 ? objects · max(1, ⌈objectBytes / rangeBytes⌉) : objects
 *   rounds = ⌈gets / c⌉                     (latencies paid one after another)
 */

export function requestBoundMs(requests: number, perPrefixPerSecond: number, prefixes: number): number {
  if (!(requests > 0)) return 0;
  return (requests / (perPrefixPerSecond * Math.max(1, prefixes))) * 1000;
}

/** GET requests one reader issues for `objects` objects of `objectBytes` each. */
export function rangedGets(objects: number, objectBytes: number, rangeBytes: number, connections: number): number {
  if (!(objects > 0)) return 0;
  if (connections <= 1 || !(objectBytes > rangeBytes)) return objects;
  return objects * Math.ceil(objectBytes / rangeBytes);
}

/** Request latencies a reader pays one after another with `connections` in flight. */
export function requestRounds(requests: number, connections: number): number {
  return requests > 0 ? Math.ceil(requests / Math.max(1, connections)) : 0;
}

/** Sizes of the ranged GETs a reader issues for one object (all of it when it streams with one GET). */
export function rangeSizes(objectBytes: number, rangeBytes: number, connections: number): number[] {
  if (connections <= 1 || !(objectBytes > rangeBytes)) return [objectBytes];
  const out: number[] = [];
  for (let left = objectBytes; left > 0; left -= rangeBytes) out.push(Math.min(rangeBytes, left));
  return out;
}
