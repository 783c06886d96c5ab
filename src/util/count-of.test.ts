import { describe, expect, it } from "vitest";
import { countOf } from "./count-of.js";

describe("countOf", () => {
  it.each([
    [0, "row", "0 rows"],
    [1, "row", "1 row"],
    [2, "function", "2 functions"],
    [1_000_002, "row", "1000002 rows"],
  ])("%d %s → %s", (n, noun, text) => expect(countOf(n, noun)).toBe(text));
});
