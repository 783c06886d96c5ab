import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { plan } from "./plan.js";

const DAG = { name: "d", stages: [{ id: "map", function: "f", instances: 4 }, { id: "reduce", function: "f", instances: 4 }], edges: [{ from: "map", to: "reduce", pattern: "shuffle" }] };
const profile = { runtimeMs: () => 100, memoryMb: () => 10, outputBytes: (x: number) => x, fanout: () => 4 };

describe("a hand-written profile that throws", () => {
  // It escaped as the bare Error it threw, with no word of which profile, target or size.
  it("is an InputError naming the function, the target and the input size, with the thrown error as its cause", async () => {
    const boom = new Error("boom");
    const err = await plan(DAG, "1 GiB", { profiles: { f: { ...profile, memoryMb: () => { throw boom; } } } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.cause).toBe(boom);
    // 1 GiB over 4 map instances: 268,435,456 bytes each
    expect(e.issues.map((i) => [i.code, i.path.join("."), i.actual, i.message])).toEqual([["SLU4025", "profiles.f.memoryMb", '"Error: boom"', "profile function threw at 268435456 input bytes"]]);
  });

  it("keeps `this` for a profile written as a class", async () => {
    class Linear {
      readonly perByteMs = 1e-6;
      runtimeMs(x: number) { return x * this.perByteMs; }
      memoryMb() { return 10; }
      outputBytes(x: number) { return x; }
      fanout() { return 4; }
    }
    const p = await plan(DAG, "1 GiB", { profiles: { f: new Linear() } });
    expect(p.status).toBe("ok");
  });

  it("keeps runtimeIncludesIo where a class gives it by a getter", async () => {
    class Traced {
      get runtimeIncludesIo() { return true; }
      runtimeMs() { return 100; }
      memoryMb() { return 10; }
      outputBytes(x: number) { return x; }
      fanout() { return 4; }
    }
    const plain = { ...profile, runtimeIncludesIo: true };
    const viaClass = await plan(DAG, "1 GiB", { profiles: { f: new Traced() } });
    const viaObject = await plan(DAG, "1 GiB", { profiles: { f: plain } });
    const without = await plan(DAG, "1 GiB", { profiles: { f: profile } });
    expect(viaClass.predicted.makespanMs).toBe(viaObject.predicted.makespanMs);
    expect(viaClass.predicted.makespanMs).not.toBe(without.predicted.makespanMs);
  });
});
