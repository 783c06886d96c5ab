import { describe, expect, it } from "vitest";
import { closestName, suggestionParams } from "./did-you-mean.js";

describe("closestName", () => {
  it.each([
    // one edit (a substitution, insertion, deletion or swap) is a typo
    { actual: "vmm", known: ["vm", "objectStore", "cache", "billing"], want: "vm" },
    { actual: "budgetUSD", known: ["budgetUsd", "deadlineMs"], want: "budgetUsd" }, // case differs only
    { actual: "instancez", known: ["id", "function", "instances", "inputFraction"], want: "instances" },
    { actual: "objetcive", known: ["objective", "modes"], want: "objective" }, // a swap
    { actual: "dealine", known: ["deadlineMs", "budgetUsd"], want: "deadlineMs" }, // 1 edit from "deadline", the name without its unit
    { actual: "budget", known: ["deadlineMs", "budgetUsd"], want: "budgetUsd" }, // the unit left out
    { actual: "--frobnicate", known: ["--budget", "--dag"], want: undefined }, // dashes do not count as likeness
    { actual: "limit", known: ["deadlineMs", "budgetUsd"], want: undefined }, // 8 edits from either
    { actual: "colour", known: ["id", "function", "instances"], want: undefined },
  ])("$actual → $want", ({ actual, known, want }) => {
    expect(closestName(actual, known)).toBe(want);
  });

  it("gives the suggestion and the known names as template params", () => {
    expect(suggestionParams("vmm", ["vm", "cache"])).toEqual({ suggestion: '; did you mean "vm"?', known: "vm, cache" });
    expect(suggestionParams("zzz", [])).toEqual({ suggestion: "", known: "(none)" });
  });
});
