/** SLU7000–7099: the simulator (its options and the plan it is handed). */
import type { CatalogueEntry } from "../entry.js";

export const SIMULATE_ERRORS = {
  "simulate.badSeed": {
    code: "SLU7001",
    category: "usage",
    message: "seed must be a finite number",
    hint: "Any integer ≥ 0; the same seed gives the same run.",
  },
  "simulate.badNoise": {
    code: "SLU7002",
    category: "usage",
    message: "noise CV must be a finite number ≥ 0",
    expected: "a number in [0, {max}]",
    hint: "0.1 draws runtimes and sizes with a 10% coefficient of variation; 0 turns noise off.",
  },
  "simulate.missingPlacement": {
    code: "SLU7003",
    category: "usage",
    message: "no placement for stage {stage}",
    expected: "one placement per stage",
    hint: "Simulate the plan that plan() returned for the same DAG.",
  },
  "simulate.badPlacement": {
    code: "SLU7004",
    category: "usage",
    message: "instances and vms must be positive integers",
    hint: "Simulate the plan that plan() returned for the same DAG.",
  },
  "simulate.tooManyEvents": {
    code: "SLU7005",
    category: "data",
    message: "simulation exceeded its event limit",
    expected: "≤ {limit} events",
    hint: "The run is too large to simulate instance by instance; raise options.limits.maxEvents if you mean it.",
  },
  "simulate.clockResolution": {
    code: "SLU7009",
    category: "data",
    message: "the simulated clock reached {nowMs} ms, where its smallest step no longer moves it",
    expected: "a simulated run the clock resolves: below about 9e9 ms (about 100 days), where a microsecond still counts",
    hint: "A platform value such as objectStore.getLatencyMs = 1e300 puts every event past what a double can tell apart; use physical values (docs/platform.md).",
  },
  "simulate.tooManyInstances": {
    code: "SLU7007",
    category: "data",
    message: "too many instances to simulate one by one",
    expected: "≤ {limit} instances",
    hint: "Raise options.limits.maxInstances (--max-sim-instances) if you can wait: the simulator takes about 0.2–0.5 ms per instance.",
  },
  "simulate.tooManyTransfers": {
    code: "SLU7008",
    category: "data",
    message: "too many transfers to simulate one by one",
    expected: "≤ {limit} transfers (a shuffle of n × m instances is n · m of them)",
    hint: "Raise options.limits.maxTransfers if you can wait, or simulate a smaller input.",
  },
  "simulate.unknownFunction": {
    code: "SLU7006",
    category: "usage",
    message: "no profile for function {function}",
    hint: "Simulate with the same profiles the plan was made with.",
  },
} as const satisfies Record<string, CatalogueEntry>;
