import { describe, expect, it } from "vitest";
import { codeOf, InputError, type ErrorKey } from "../../errors.js";
import { analyticProfiles, analyticProfilesSchema, withLawDefaults } from "./analytic.js";

const law = (scale: number, offset = 0, exponent = 1) => ({ offset, scale, exponent });
const sort = { runtimeMs: law(0.001, 50), memoryMb: law(0, 128), outputBytes: law(1), fanout: law(0, 1) };

describe("withLawDefaults", () => {
  it.each([
    // nothing given: offset 0, exponent 1 (the schema's defaults)
    { label: "scale only", given: { scale: 2 }, expected: { offset: 0, scale: 2, exponent: 1 } },
    // given values are kept as they are
    { label: "all three", given: { offset: 5, scale: 0, exponent: 0.5 }, expected: { offset: 5, scale: 0, exponent: 0.5 } },
    { label: "offset only", given: { offset: 1, scale: 3 }, expected: { offset: 1, scale: 3, exponent: 1 } },
  ])("$label: the law the schema parses", ({ given, expected }) => {
    const spec = { f: { runtimeMs: given, memoryMb: given, outputBytes: given, fanout: given, note: "n" } };
    const filled = withLawDefaults(spec);
    expect(filled.f!.runtimeMs).toStrictEqual(expected);
    expect(filled).toStrictEqual(analyticProfilesSchema.parse(spec));
  });
});

describe("analyticProfiles", () => {
  it.each([
    // runtime 50 + 0.001 · 1e6 = 1050 ms; memory 128; output 1 · 1e6; fanout 1
    { target: "runtimeMs", bytes: 1e6, expected: 1050 },
    { target: "memoryMb", bytes: 1e6, expected: 128 },
    { target: "outputBytes", bytes: 1e6, expected: 1e6 },
    { target: "fanout", bytes: 1e6, expected: 1 },
    // √-rule: 0 + 2 · 1e4^0.5 = 200
    { target: "fanout", bytes: 1e4, expected: 200, fanout: law(2, 0, 0.5) },
  ] as const)("$target at $bytes B is $expected", ({ target, bytes, expected, ...rest }) => {
    const fns = analyticProfiles({ sort: { ...sort, ...("fanout" in rest ? { fanout: rest.fanout } : {}) } });
    expect(fns.sort![target](bytes)).toBeCloseTo(expected, 9);
  });

  it.each<{ label: string; spec: unknown; key: ErrorKey; path: (string | number)[] }>([
    // scale must be a number
    { label: "a scale given as text", spec: { sort: { ...sort, runtimeMs: { offset: 0, scale: "0.001" } } }, key: "profiles.analyticWrongType", path: ["sort", "runtimeMs", "scale"] },
    // a whole law missing
    { label: "a missing target", spec: { sort: { runtimeMs: sort.runtimeMs, memoryMb: sort.memoryMb, outputBytes: sort.outputBytes } }, key: "profiles.analyticWrongType", path: ["sort", "fanout"] },
    // scale ≥ 0
    { label: "a negative scale", spec: { sort: { ...sort, outputBytes: law(-1) } }, key: "profiles.analyticBadValue", path: ["sort", "outputBytes", "scale"] },
    // finite numbers only: zod 4 reads ±Infinity as not a number at all
    { label: "an infinite exponent", spec: { sort: { ...sort, runtimeMs: law(1, 0, Infinity) } }, key: "profiles.analyticWrongType", path: ["sort", "runtimeMs", "exponent"] },
    // a typo of "exponent" (was dropped silently before: the law ran with exponent 1)
    { label: "a misspelt field", spec: { sort: { ...sort, runtimeMs: { offset: 0, scale: 1, exponnent: 2 } } }, key: "profiles.analyticUnknownKey", path: ["sort", "runtimeMs", "exponnent"] },
    // "runtime" is not a target name
    { label: "an unknown target", spec: { sort: { ...sort, runtime: law(1) } }, key: "profiles.analyticUnknownKey", path: ["sort", "runtime"] },
  ])("$label is $key naming the field", ({ spec, key, path }) => {
    let err: unknown;
    try {
      analyticProfiles(spec);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).issues[0]).toMatchObject({ code: codeOf(key), path });
  });
});
