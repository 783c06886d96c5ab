import { describe, expect, it } from "vitest";
import { main } from "../cli/main.js";
import { validateMilpModel } from "../lp/validate-model.js";
import type { MilpModel } from "../lp/model.js";
import { plan } from "../plan/plan.js";
import { generateTraces, SYNTHETIC_SORT } from "../../test/support/synthetic-traces.js";
import { trainProfiles } from "../profiles/train/train-profiles.js";
import { simulate } from "../simulate/simulate.js";
import { randomDag, randomDagProfiles } from "../../test/support/random-dag.js";
import { codeOf, type ErrorKey } from "./catalogue/index.js";

// Codes `npm run errors:coverage` found no test raising, each raised here through the public call
// a user makes. Other codes are raised by the tests next to their source.
const profiles = randomDagProfiles();
const twoStages = randomDag(2, 1, 1);

describe("catalogue codes raised through the API", () => {
  it.each<{ key: ErrorKey; run: () => Promise<unknown> | unknown }>([
    // cross-validation needs 2 folds at least
    { key: "option.foldCount", run: () => trainProfiles(generateTraces(SYNTHETIC_SORT.slice(0, 1), { inputBytes: [1e6, 2e6, 4e6, 8e6] }), { folds: 1 }) },
    { key: "lp.noVariables", run: () => validateMilpModel({ direction: "minimize", objective: {}, constraints: [], variables: [] }) },
    { key: "lp.badName", run: () => validateMilpModel({ direction: "minimize", objective: {}, constraints: [], variables: [{ name: "", kind: "continuous" }] } as unknown as MilpModel) },
    // a 12-stage DAG has more than 8 edges, each with several modes: over 4^8 combinations
    { key: "solve.tooLargeForBruteForce", run: () => plan(randomDag(12, 6, 3), "2 GB", { profiles, solver: "brute-force" }) },
    {
      key: "simulate.missingPlacement",
      run: async () => {
        const p = await plan(twoStages, "1 GB", { profiles, solver: "heuristic" });
        return simulate(twoStages, { ...p, placement: p.placement.slice(1) }, { profiles });
      },
    },
  ])("$key", async ({ key, run }) => {
    const err = await Promise.resolve().then(run).then(() => undefined, (e: unknown) => e);
    expect(err).toMatchObject({ code: codeOf(key) });
  });

  it("cli.unknownCommand: exit 64 (usage)", async () => {
    const write = process.stderr.write;
    let text = "";
    process.stderr.write = ((chunk: string) => ((text += chunk), true)) as typeof process.stderr.write;
    try {
      expect(await main(["plna"])).toBe(64);
    } finally {
      process.stderr.write = write;
    }
    expect(text).toContain(codeOf("cli.unknownCommand"));
  });
});
