/**
 * One spelling for every header and field name, whatever style a file or a user wrote it in:
 * snake (`input_bytes`), camel (`inputBytes`), dotted (`blob.download`), kebab (`max-mem-used`),
 * spaced or decorated (`Max Memory Used (MB)`) all normalise to lower snake case, so matching is
 * insensitive to case and style.
 */

/** `inputBytes` → `input_bytes`, `blob.download` → `blob_download`, `Max Memory Used (MB)` → `max_memory_used_mb`. */
export function normaliseName(name: string): string {
  return name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** A normalised name that is `words` or ends with them: `response_success` ends with `success`, `httpRequest.status` with `status`. */
export function endsWithWords(name: string, words: string): boolean {
  return name === words || name.endsWith("_" + words);
}
