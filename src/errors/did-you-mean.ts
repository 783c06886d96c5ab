/**
 * "Did you mean" for unknown keys and names: the closest known name by edit distance (optimal
 * string alignment, case-insensitive, leading dashes ignored, a camel-case unit suffix optional),
 * when it is close enough to be a likely typo: within a third of the shorter name's length.
 */

function distance(a: string, b: string): number {
  const m = a.length, n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

/** The closest known name to `actual`, if within about a third of its length; undefined otherwise. */
export function closestName(actual: string, known: readonly string[]): string | undefined {
  if (actual.length > 200) return undefined;
  const bare = (s: string) => s.toLowerCase().replace(/^-+/, "");
  const a = bare(actual);
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    // "budget" for "budgetUsd": a camel-case name is also compared without its last word (the unit).
    const stem = name.replace(/(?<=[a-z0-9])[A-Z][a-z]*$/, "");
    const d = Math.min(distance(a, bare(name)), stem === name ? Infinity : distance(a, bare(stem)));
    if (best === undefined || d < best.d || (d === best.d && name < best.name)) best = { name, d };
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.min(a.length, bare(best.name).length) / 3));
  return best.d <= limit ? best.name : undefined;
}

/** The `{suggestion}` and `{known}` params of an unknown-name entry. */
export function suggestionParams(actual: string, known: readonly string[]): { suggestion: string; known: string } {
  const close = closestName(actual, known);
  return { suggestion: close === undefined ? "" : `; did you mean "${close}"?`, known: known.length === 0 ? "(none)" : known.join(", ") };
}
