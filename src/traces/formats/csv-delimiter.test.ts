import { describe, expect, it } from "vitest";
import { sniffDelimiter } from "./csv-delimiter.js";

describe("sniffDelimiter", () => {
  it.each([
    ["comma", "func,start,end\n1,2,3\n", ","],
    ["tab (pandas sep='\\t')", "func\tstart\tend\nmap\t1.5\t2.5\n", "\t"],
    ["semicolon (a spreadsheet in a decimal-comma locale)", "func;start;end\nmap;1,5;2,5\n", ";"],
    ["vertical bar", "func|start|end\n", "|"],
    ["the header only, no newline", "a\tb", "\t"],
    ["a quoted header name holding commas, tab-delimited", '"size, bytes"\t"runtime, ms"\tfunc\n', "\t"],
    ["a byte-order mark and blank lines before the header", "\ufeff\n\r\n a;b;c\n", ";"],
    ["CRLF line ends: only the first line counts", "a\tb\r\n1,2,3,4,5\r\n", "\t"],
    ["one column: a comma", "runtime_ms\n12\n", ","],
    ["a tie: a comma", "a,b;c\n", ","],
    ["empty text: a comma", "", ","],
  ])("%s", (_label, text, expected) => {
    expect(sniffDelimiter(text)).toBe(expected);
  });
});
