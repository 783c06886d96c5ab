/**
 * Test fixtures for the solvers: small Problems built through the real pipeline (validateDag →
 * estimateStages with plain profile functions → buildProblem), from a compact spec, plus
 * fast-check arbitraries for random DAGs and chains whose patterns fit their instance counts.
 */
import fc from "fast-check";
import { validateDag } from "../../src/dag/validate-dag.js";
import type { Pattern } from "../../src/dag/types.js";
import { estimateStages } from "../../src/estimate/estimate-stages.js";
import { buildProblem, type ProblemLimits } from "../../src/model/build-problem.js";
import type { Problem } from "../../src/model/types.js";
import { AWS_DEFAULT_PLATFORM } from "../../src/platform/aws-default.js";
import type { Platform } from "../../src/platform/schema.js";
import type { FunctionProfile } from "../../src/profiles/types.js";
import { toProfileProvider } from "../../src/profiles/types.js";

export interface StageSpec {
  readonly instances: number;
  /** Runtime = fixedMs + msPerMb · input MB. */
  readonly fixedMs: number;
  readonly msPerMb: number;
  /** Output bytes = outputRatio · input bytes. */
  readonly outputRatio: number;
  readonly memoryMb: number;
}

export interface EdgeSpec {
  readonly from: number;
  readonly to: number;
  readonly pattern: Pattern;
}

export interface ProblemSpec {
  readonly stages: readonly StageSpec[];
  readonly edges: readonly EdgeSpec[];
  readonly inputBytes: number;
}

function profileOf(s: StageSpec): FunctionProfile {
  return {
    runtimeMs: (bytes) => s.fixedMs + (s.msPerMb * bytes) / 1e6,
    memoryMb: () => s.memoryMb,
    outputBytes: (bytes) => s.outputRatio * bytes,
    fanout: () => 1,
  };
}

export function buildTestProblem(spec: ProblemSpec, limits: ProblemLimits = {}, platform: Platform = AWS_DEFAULT_PLATFORM): Problem {
  const dag = validateDag({
    name: "test",
    stages: spec.stages.map((s, i) => ({ id: `s${i}`, function: `f${i}`, instances: s.instances })),
    edges: spec.edges.map((e) => ({ from: `s${e.from}`, to: `s${e.to}`, pattern: e.pattern })),
  });
  const profiles = Object.fromEntries(spec.stages.map((s, i) => [`f${i}`, profileOf(s)]));
  const estimates = estimateStages(dag, spec.inputBytes, toProfileProvider(profiles));
  return buildProblem(dag, estimates, platform, limits);
}

/** Patterns an edge may take between these instance counts. */
export function fittingPatterns(producerInstances: number, consumerInstances: number): Pattern[] {
  const out: Pattern[] = ["broadcast", "shuffle"];
  if (producerInstances === consumerInstances) out.push("one-to-one");
  if (consumerInstances >= producerInstances && consumerInstances % producerInstances === 0) out.push("scatter");
  if (consumerInstances === 1) out.push("gather");
  return out;
}

const stageArb: fc.Arbitrary<StageSpec> = fc.record({
  instances: fc.constantFrom(1, 1, 2, 4, 8, 16, 32),
  fixedMs: fc.integer({ min: 10, max: 3000 }),
  msPerMb: fc.double({ min: 0, max: 50, noNaN: true }),
  outputRatio: fc.double({ min: 0.05, max: 3, noNaN: true }),
  memoryMb: fc.integer({ min: 128, max: 3000 }),
});

/**
 * Random DAGs with 1..maxEdges edges over 2..maxEdges + 1 stages (edges go from a lower to a higher
 * index, so the graph is acyclic; instance counts are fixed, so each pattern only has to fit its own
 * two ends). `chainOnly`: one edge from each stage to the next.
 */
export function problemSpecArb(maxEdges: number, chainOnly = false): fc.Arbitrary<ProblemSpec> {
  return fc
    .record({
      stages: fc.array(stageArb, { minLength: 2, maxLength: maxEdges + 1 }),
      inputBytes: fc.double({ min: 1e5, max: 4e9, noNaN: true }),
      picks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: maxEdges, maxLength: maxEdges }),
      edgeCount: fc.integer({ min: 1, max: maxEdges }),
    })
    .map(({ stages, inputBytes, picks, edgeCount }) => {
      const edges: EdgeSpec[] = [];
      const seen = new Set<string>();
      const n = stages.length;
      const wanted = chainOnly ? n - 1 : Math.min(edgeCount, (n * (n - 1)) / 2);
      for (let k = 0; edges.length < wanted && k < 4 * maxEdges; k++) {
        const [a, b, p] = picks[k % picks.length]!;
        const salt = Math.floor(k / picks.length);
        const from = chainOnly ? k : (a + salt) % (n - 1);
        const to = chainOnly ? k + 1 : from + 1 + ((b + salt) % (n - 1 - from));
        if (seen.has(`${from}-${to}`)) continue;
        seen.add(`${from}-${to}`);
        const patterns = fittingPatterns(stages[from]!.instances, stages[to]!.instances);
        edges.push({ from, to, pattern: patterns[p % patterns.length]! });
      }
      return { stages, edges, inputBytes };
    });
}

/** s0 (1 instance) → s1 (scatter) → s2 (gather), plus a skip edge s0 → s2 (broadcast): the tests' diamond. */
export function diamondSpec(middleInstances: number, middleMemoryMb: number): ProblemSpec {
  return {
    inputBytes: 512e6,
    stages: [
      { instances: 1, fixedMs: 200, msPerMb: 2, outputRatio: 1, memoryMb: 1024 },
      { instances: middleInstances, fixedMs: 500, msPerMb: 5, outputRatio: 0.5, memoryMb: middleMemoryMb },
      { instances: 1, fixedMs: 100, msPerMb: 1, outputRatio: 0.1, memoryMb: 2048 },
    ],
    edges: [
      { from: 0, to: 1, pattern: "scatter" },
      { from: 1, to: 2, pattern: "gather" },
      { from: 0, to: 2, pattern: "broadcast" },
    ],
  };
}
