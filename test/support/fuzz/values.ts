/** The awkward values fuzzing mixes into every field: extreme and non-finite numbers, prototype names, odd strings, wrong types. */
import fc from "fast-check";

export const PROTO_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"] as const;

export const weirdString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTO_NAMES, "a->b", "", " ", "ünï", "x".repeat(300), "1e309", "NaN", "10 GiB", "-1") },
);

export const weirdNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: 1e-3, max: 1e6, noNaN: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 200 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -1, 1e-300, 1e300, Number.NaN, Infinity, -Infinity, 1e9, 2 ** 53, Number.MIN_VALUE, Number.MAX_VALUE) },
  { weight: 1, arbitrary: fc.double() },
);

export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: weirdNumber },
  { weight: 2, arbitrary: weirdString },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: -2, max: 5 }), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(weirdString, fc.integer(), { maxKeys: 2 }) },
);

/** Mostly `good`, sometimes any value at all. */
export function mostly<T>(good: fc.Arbitrary<T>, badWeight = 1): fc.Arbitrary<T | unknown> {
  return fc.oneof({ weight: 12, arbitrary: good }, { weight: badWeight, arbitrary: anyValue });
}
