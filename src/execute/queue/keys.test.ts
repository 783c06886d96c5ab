import { describe, expect, it } from "vitest";
import { checkName, intermediateObjectKey, runObjectPrefix } from "./keys.js";

describe("keys", () => {
  it.each([
    // One prefix: stage 2, instance 7 under the run.
    { prefixes: 1, key: "sluice/r1/s2/7" },
    // Four prefixes: instance 7 → p(7 mod 4) = p3.
    { prefixes: 4, key: "sluice/r1/p3/s2/7" },
  ])("an intermediate object with $prefixes prefix(es) is $key, under the run's prefix", ({ prefixes, key }) => {
    expect(intermediateObjectKey("sluice/", "r1", 2, 7, prefixes)).toBe(key);
    expect(key.startsWith(runObjectPrefix("sluice/", "r1"))).toBe(true);
  });

  it("rejects a VM or run name that cannot be a queue or key part, naming it", () => {
    expect(() => checkName("vm", "a:b")).toThrow(/options\.vm: .*expected 1–64 characters of A–Z, a–z, 0–9, _ or -; got "a:b"/);
    expect(checkName("vm", "vm-0")).toBe("vm-0");
  });
});
