/**
 * ISO 8601 date-times as seconds since the Unix epoch, so a runtime derived as `(end - start) * 1000`
 * works the same whether a trace stores its times as epoch seconds or as text such as
 * `2024-05-01T12:00:10.023Z` (CloudWatch and Step Functions exports, Python's `isoformat()`,
 * OpenTelemetry spans with nanoseconds). Accepted: `YYYY-MM-DD`, `T` or a space, `HH:MM`, optional
 * `:SS` and a fraction of any length, then `Z`, an offset (`+02:00`, `+0200`, `+02`) or nothing. A
 * time without an offset is read as UTC: the difference of two times in one zone is right either
 * way. The fraction is added apart from the whole seconds, so microseconds survive.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Seconds since 1970-01-01T00:00:00Z, or undefined when `text` is not such a date-time (or names no real date). */
export function timestampSeconds(text: string): number | undefined {
  const m = ISO.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, 0);
  if (new Date(ms).getUTCDate() !== day) return undefined; // 2024-02-30 rolls over: not a date
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone !== undefined && zone.toUpperCase() !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    const hours = Number(digits.slice(0, 2)), minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (hours > 23 || minutes > 59) return undefined;
    offsetMinutes = (zone[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
  }
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  return ms / 1000 - offsetMinutes * 60 + second + fraction;
}
