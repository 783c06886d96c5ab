import { describe, expect, it } from "vitest";
import { codeOf } from "../errors.js";
import { routeOutputs } from "./route-outputs.js";

const b = (...xs: number[]) => Uint8Array.from(xs);
const asArrays = (xs: Uint8Array[]) => xs.map((x) => Array.from(x));

describe("routeOutputs", () => {
  // Two producers, each with two outputs: producer i output j holds [10·i + j].
  const outputs = [[b(0), b(1)], [b(10), b(11)]];

  it.each([
    ["one-to-one", [[0, 1], [10, 11]]], // consumer i reads all of producer i
    ["scatter", [[0], [1], [10], [11]]], // producer i output j → consumer 2i + j
    ["shuffle", [[0, 10], [1, 11]]], // consumer j reads output j of every producer
    ["gather", [[0, 1, 10, 11]]], // one consumer reads everything
    ["broadcast", [[0, 1, 10, 11], [0, 1, 10, 11]]], // each of 2 consumers reads everything
  ] as const)("%s", (pattern, expected) => {
    expect(asArrays(routeOutputs(pattern, outputs))).toEqual(expected);
  });

  it("rejects a shuffle whose producers disagree on the partition count", () => {
    expect(() => routeOutputs("shuffle", [[b(1), b(2)], [b(3)]])).toThrow(expect.objectContaining({ code: codeOf("workloads.shuffleShape"), issues: [expect.objectContaining({ path: ["shuffle", "producer 1"], expected: "2 partitions (as producer 0)", actual: "1 partitions" })] }));
  });
});
