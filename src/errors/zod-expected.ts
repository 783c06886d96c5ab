/** The "expected" text of a catalogue issue for one zod issue: "an integer", "≥ 1", "one of …", "number or object". */
import type { z } from "zod";
import { show } from "./show.js";

type ZodIssue = z.core.$ZodIssue;

export function expectedOf(i: ZodIssue): string | undefined {
  switch (i.code) {
    case "invalid_type":
      return i.expected === "int" ? "an integer" : i.expected;
    case "too_small":
      return i.origin === "array" ? `at least ${i.minimum} item(s)` : i.origin === "string" ? `at least ${i.minimum} character(s)` : `${i.inclusive ? "≥" : ">"} ${i.minimum}`;
    case "too_big":
      return i.origin === "array" ? `at most ${i.maximum} item(s)` : i.origin === "string" ? `at most ${i.maximum} character(s)` : `${i.inclusive ? "≤" : "<"} ${i.maximum}`;
    case "invalid_value":
      return `one of ${i.values.map((x) => show(x)).join(", ")}`;
    case "not_multiple_of":
      return `a multiple of ${String(i.divisor)}`;
    case "invalid_union": {
      const forms = [...new Set(i.errors.map((branch) => (branch[0] === undefined ? undefined : expectedOf(branch[0]))).filter((x): x is string => x !== undefined))];
      return forms.length > 0 ? forms.join(" or ") : "one of the allowed forms";
    }
    case "invalid_format":
      return `a ${i.format}`;
    default:
      return i.message;
  }
}
