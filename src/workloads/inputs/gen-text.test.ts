import { describe, expect, it } from "vitest";
import { generateText, generateVocabulary } from "./gen-text.js";

describe("generateText", () => {
  it("has exactly the requested size and is deterministic per seed", () => {
    const a = generateText(5_000, 1, 500);
    expect(a.length).toBe(5_000);
    expect(generateText(5_000, 1, 500)).toEqual(a);
    expect(generateText(5_000, 2, 500)).not.toEqual(a);
  });

  it("is ASCII words separated by spaces, punctuation and newlines", () => {
    const text = Buffer.from(generateText(20_000, 3, 1000)).toString("latin1");
    expect(text).toMatch(/^[A-Za-z0-9 ,.\n]*$/);
    expect(text.split("\n").length).toBeGreaterThan(20);
  });

  it("draws distinct vocabulary words", () => {
    const vocab = generateVocabulary(2000, 5);
    expect(new Set(vocab).size).toBe(2000);
  });
});
