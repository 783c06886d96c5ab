/** SLU6000–6199: planning — input sizes, estimates, candidate options, decisions, solvers, results. */
import type { CatalogueEntry } from "../entry.js";

export const PLAN_ERRORS = {
  "size.notASize": {
    code: "SLU6001",
    category: "usage",
    message: "not a size",
    expected: "a positive number of bytes or a string such as \"10 GiB\", \"1.5 GB\", \"200 MB\"",
    hint: "Units: B, KB, MB, GB, TB (powers of 1000) and KiB, MiB, GiB, TiB (powers of 1024).",
  },
  "size.wrongType": {
    code: "SLU6002",
    category: "usage",
    message: "not a size",
    expected: "a number of bytes or a size string",
    hint: "Pass 1073741824 or \"1 GiB\".",
  },
  "size.notPositive": {
    code: "SLU6003",
    category: "usage",
    message: "size must be positive and finite",
    expected: "> 0 bytes",
    hint: "An empty input needs no plan.",
  },
  "plan.patternCountsPredicted": {
    code: "SLU6010",
    category: "data",
    message: "{pattern} edge does not fit the predicted instance counts",
    hint: "The profile's fanout gives the consumer an instance count the pattern forbids; fix instances in the DAG or use shuffle.",
  },
  "plan.noFeasibleMode": {
    code: "SLU6011",
    category: "data",
    message: "no transfer mode can serve this edge: {reasons}",
    expected: "at least one feasible mode",
    hint: "Allow more modes (options.modes), or give the platform more capacity (cache nodes, VM memory).",
  },
  "plan.nonFinite": {
    code: "SLU6012",
    category: "data",
    message: "{quantity} is not a finite number",
    expected: "a finite number",
    hint: "An input value is so extreme that the arithmetic overflows (e.g. a NIC of 1e-300 Gbit/s, a noise CV of 1e300); check the field named in the path.",
  },
  "decisions.unknownMode": {
    code: "SLU6020",
    category: "usage",
    message: "unknown transfer mode",
    hint: "Modes are vm-local, direct, remote and cache.",
  },
  "decisions.badFraction": {
    code: "SLU6021",
    category: "usage",
    message: "fraction must be a finite number ≥ 0",
    hint: "A split gives each mode a share of the receivers; shares are normalised to sum to 1.",
  },
  "decisions.unknownEdge": {
    code: "SLU6022",
    category: "usage",
    message: "no such edge in the DAG",
    hint: "Decisions name edges by from and to, as in the DAG.",
  },
  "decisions.unknownStage": {
    code: "SLU6023",
    category: "usage",
    message: "no such stage",
    hint: "admitted lists stage ids from the DAG.",
  },
  "decisions.missingEdge": {
    code: "SLU6024",
    category: "usage",
    message: "no decision for this edge",
    hint: "Give every edge of the DAG a mode or a split.",
  },
  "decisions.badShape": {
    code: "SLU6025",
    category: "usage",
    message: "{reason}",
    hint: "Decisions are { edges: [{ from, to, mode, split? }], admitted: [stage ids] }.",
  },
  "solve.tooLargeForBruteForce": {
    code: "SLU6030",
    category: "usage",
    message: "too many whole-mode combinations to enumerate",
    hint: "Brute force is the tests' referee for small DAGs; use solver \"auto\".",
  },
  "solve.tooLargeForOracle": {
    code: "SLU6031",
    category: "usage",
    message: "the oracle searches exhaustively and is for small DAGs",
    hint: "Compare against another baseline, or shrink the DAG.",
  },
  "solve.notAChain": {
    code: "SLU6032",
    category: "usage",
    message: "the chain DP needs a chain DAG: every stage with at most one input and one output edge",
    hint: "Use solver \"auto\", which picks the DP only for chains.",
  },
} as const satisfies Record<string, CatalogueEntry>;
