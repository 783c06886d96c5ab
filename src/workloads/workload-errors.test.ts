import { describe, expect, it } from "vitest";
import { codeOf, SluiceError, type ErrorKey } from "../errors.js";
import { findApp } from "./apps.js";
import { decodeCentroids } from "./functions/centroids-codec.js";
import { sortReduce } from "./functions/sort-reduce.js";
import { stageFunction } from "./functions/stage-functions.js";
import { decodeWordCounts } from "./functions/word-counts-codec.js";

// Every way the bundled workloads refuse their input: a catalogue error (code, path, expected,
// actual) instead of a plain RangeError. Single-site checks sit beside their sources' tests; the
// trace collector's own (an unknown function measured, a stage without input) in tools/traces.
describe("workload errors carry catalogue codes", () => {
  it.each<{ label: string; run: () => unknown; key: ErrorKey; path: (string | number)[]; actual?: string }>([
    // "wordcont" is one edit from "wordcount"
    { label: "an unknown app", run: () => findApp("wordcont"), key: "workloads.unknownApp", path: ["app"], actual: '"wordcont"' },
    { label: "an unknown stage function", run: () => stageFunction("sort-mapp"), key: "workloads.unknownFunction", path: ["function"], actual: '"sort-mapp"' },
    // 2 dimensions: a centroid is 8 · (2 + 1) = 24 bytes; 25 is not whole centroids
    { label: "centroids cut short", run: () => decodeCentroids(new Uint8Array(25), 2), key: "workloads.malformedInput", path: ["centroids"], actual: "25 bytes" },
    // records are 100 bytes: 250 is two and a half
    { label: "sort-reduce input of half a record", run: () => sortReduce(new Uint8Array(250)), key: "workloads.malformedInput", path: ["sort-reduce", "input"], actual: "250 bytes" },
    // a word without its tab and count
    { label: "a word-count line without a tab", run: () => decodeWordCounts(new TextEncoder().encode("apple\t3\npear\n")), key: "workloads.malformedInput", path: ["word counts", "byte 8"], actual: '"pear\\n"' },
  ])("$label is $key", ({ run, key, path, actual }) => {
    let err: unknown;
    try {
      run();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SluiceError);
    expect((err as SluiceError).issues[0]).toMatchObject({ code: codeOf(key), path, ...(actual === undefined ? {} : { actual }) });
  });

  it("suggests the app meant", () => {
    expect(() => findApp("wordcont")).toThrow(/did you mean "wordcount"/);
  });
});
