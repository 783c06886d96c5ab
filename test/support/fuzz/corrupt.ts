/**
 * One corruption of a valid input: a leaf replaced by an awkward value, a key misspelt, a key
 * dropped, an unknown key or `__proto__` added. Fuzzing draws most cases valid (to reach deep
 * into planning) and the rest with exactly one of these (to reach each error path).
 */
import fc from "fast-check";
import { anyValue } from "./values.js";

export type Corruption = { readonly how: "replace" | "misspell" | "drop" | "extra" | "proto"; readonly pick: number; readonly value: unknown };

export const corruptionArb: fc.Arbitrary<Corruption> = fc.record({ how: fc.constantFrom("replace", "replace", "replace", "misspell", "drop", "extra", "proto"), pick: fc.nat(), value: anyValue });

function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
  return v;
}

/** The value with the corruption applied at one of its spots (a copy; the input is left alone). */
export function applyCorruption(input: unknown, c: Corruption): unknown {
  if (typeof input !== "object" || input === null) return c.how === "replace" ? c.value : input;
  const root = clone(input) as Record<string, unknown>;
  const spots: [Record<string, unknown> | unknown[], string | number][] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) v.forEach((x, i) => (spots.push([v, i]), stack.push(x)));
    else if (typeof v === "object" && v !== null) for (const k of Object.keys(v)) (spots.push([v as Record<string, unknown>, k]), stack.push((v as Record<string, unknown>)[k]));
  }
  if (spots.length === 0) return root;
  const [holder, key] = spots[c.pick % spots.length]!;
  if (Array.isArray(holder) || typeof key === "number") {
    if (c.how === "drop") (holder as unknown[]).splice(key as number, 1);
    else (holder as unknown[])[key as number] = c.value;
    return root;
  }
  const obj = holder as Record<string, unknown>;
  switch (c.how) {
    case "replace":
      obj[key] = c.value;
      break;
    case "misspell":
      obj[key.length > 3 ? key.slice(0, -2) + key.slice(-1) + key.slice(-2, -1) : key + "s"] = obj[key];
      delete obj[key];
      break;
    case "drop":
      delete obj[key];
      break;
    case "extra":
      obj["colour"] = c.value;
      break;
    case "proto":
      Object.defineProperty(obj, "__proto__", { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
      break;
  }
  return root;
}

/** Mostly the valid value, else it with one corruption. */
export function sometimesCorrupt(valid: fc.Arbitrary<unknown>, corruptShare = 0.35): fc.Arbitrary<unknown> {
  // A uniform percentage: fc.double is biased towards its bounds, which would corrupt far more often.
  return fc.tuple(valid, fc.integer({ min: 0, max: 99 }), corruptionArb).map(([v, r, c]) => (r < corruptShare * 100 ? applyCorruption(v, c) : v));
}
