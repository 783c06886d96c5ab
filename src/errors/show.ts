/** Renders any value compactly for an issue's `actual` field. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 200 ? value.slice(0, 197) + "..." : value);
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined || typeof value === "bigint") return String(value);
  if (typeof value === "function") return "a function";
  try {
    const s = JSON.stringify(value);
    if (s === undefined) return String(value);
    return s.length > 80 ? s.slice(0, 77) + "..." : s;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
