/**
 * The planning MILP, index-aligned with problem.dag.edges. Times are in units of horizon/1000 and
 * costs in units of (cost ceiling − constant)/1000, so every coefficient is O(1) for the engine.
 *
 *   Σ_m f[i,m] = 1;  f ≤ y  (f = y when the option is not splittable or splits are off)
 *   t_i ≥ fixedMs·y + perFractionMs·f                     for every piece of every option
 *   t_i ≥ offset_j + Σ_m (senderNic_j.fixedMs·y + senderNic_j.perFractionMs·f)   per line j of the sender NIC's token bucket (a split's shares share it)
 *   t_i ≥ besideDirect piece(y, f) − M·(1 − y[i,direct])   (an upload beside direct pulls)
 *   F_v ≥ F_u + t_i + baseMs(v) per edge;  baseMs(v) ≤ F_v ≤ horizon;  M ≥ F_v (sinks)
 *   stages with several inputs read once every input is written (one edge's write, another's read):
 *     w_i ≥ write piece(y, f) (beside-direct write pieces under big-M),  rd_i ≥ read piece(y, f),
 *     F_v ≥ F_u1 + w_i1 + rd_i2 + baseMs(v) for every ordered pair of its edges i1 ≠ i2
 *   y[i,cache] ≤ a_u;  Σ cacheBytes·a ≤ capacity;  Σ_{i into v} y[i,vm-local] ≤ 1
 *   y[i,vm-local] + y[j,vm-local] ≤ 1 for i into v, j out of v, unless v's chain is priced right
 *   r_u ≥ F_v − F_u − horizon·(1 − y[(u,v),cache]) for each consumer v reading u from the cache
 *   V ≥ M − minimumMs, V ≥ 0                               (VM-pool billing: the reserved pool held past its minimum)
 *   C = const + Σ (fixedUsd·y + perFractionUsd·f) + Σ (admissionFixedUsd·a + admissionUsdPerMs·r) + vmPool.usdPerMs·V
 *       (const includes the pool's minimum bill, vmPool.usdPerMs · minimumMs)
 *   minimise M + ε·C (latency) or C + ε·M (cost), with C ≤ budgetUsd and M ≤ deadlineMs when finite.
 * The residency rows let F float above the earliest finish times, so the MILP's C can be below the
 * evaluated cost of the same decisions (the solver re-scores and repairs). `conservativeResidency`
 * replaces F_u there by a constant lower bound on u's earliest finish: C then bounds it from above.
 */
import type { MilpConstraint, MilpModel, MilpVariable } from "../../lp/model.js";
import type { AffinePiece, ModeOption, Problem } from "../../model/types.js";
import { reducedColumns } from "./reduced-columns.js";
import { undominatedPieces } from "./dominated-pieces.js";
import { computeEarliestFinishBoundMs, computeSlowestEdgeMs } from "./safe-bounds.js";
import { computeMilpScale, type MilpScale } from "./scale.js";
import { edgeTradeoffWithout } from "../edge/edge-tradeoff.js";
import { addTerm } from "./terms.js";
import { RELAX_SLACK, tradeoffRows, withoutModeRows } from "./relaxation-rows.js";
import { mayHostWhenBeside } from "../../model/vm-local-chain.js";
import { MAKESPAN_NAME, VM_HELD_NAME, admitName, finishName, fractionName, readName, residencyName, transferName, useName, writeName } from "./names.js";

/** Weight of the secondary term: breaks ties without trading the primary. */
export const TIE_WEIGHT = 1e-6;

export interface MilpSpec {
  readonly minimize: "latency" | "cost";
  /** Cost ceiling, USD (Infinity: none). */
  readonly budgetUsd: number;
  /** Makespan ceiling, ms (Infinity: none). */
  readonly deadlineMs: number;
  /**
   * Measure residency from a finish time no plan can beat instead of the floating F_u: the MILP
   * then over-counts residency, so its cost bounds the evaluated cost from above (every plan it
   * finds keeps the budget under the model) at the price of optimality.
   */
  readonly conservativeResidency?: boolean;
  /**
   * The continuous relaxation: binaries become continuous in [0, 1] and the objective is the
   * primary alone (no ε term), so the LP optimum, unscaled, is a lower bound on the primary.
   */
  readonly relax?: boolean;
  /**
   * With `relax`: merge columns the relaxation's optimum does not need apart (milp/reduced-columns.ts);
   * default true. False builds every column, for tests that compare both.
   */
  readonly reduceColumns?: boolean;
}

export interface PlanMilp {
  readonly model: MilpModel;
  readonly scale: MilpScale;
  /** Scaled variable cost C − constant, as terms. */
  readonly costTerms: Readonly<Record<string, number>>;
}


export function buildPlanMilp(problem: Problem, spec: MilpSpec, scale: MilpScale = computeMilpScale(problem)): PlanMilp {
  const { dag } = problem;
  const ms = (x: number) => x / scale.msPerUnit;
  const usd = (x: number) => x / scale.usdPerUnit;
  const horizon = ms(scale.horizonMs) * (1 + 1e-9) + 1e-9;
  const variables: MilpVariable[] = [];
  const constraints: MilpConstraint[] = [];
  const cost: Record<string, number> = {};
  const admitted = new Set<string>();
  const earliestMs = spec.conservativeResidency === true ? computeEarliestFinishBoundMs(problem) : undefined;
  const relax = spec.relax === true;
  const binary = (name: string): MilpVariable => (relax ? { name, kind: "continuous", lower: 0, upper: 1 } : { name, kind: "binary" });
  const reduced = relax && spec.reduceColumns !== false ? reducedColumns(problem) : undefined;
  const fractionOf = (i: number, o: ModeOption) => reduced?.fractionAsUse.has(o) === true ? useName(i, o.mode) : fractionName(i, o.mode);

  problem.edges.forEach((cands, i) => {
    const edge = dag.edges[i]!;
    const t = transferName(i);
    // Beside a direct share (y_direct = 1) an uploading mode's time follows its besideDirect pieces.
    const direct = cands.options.some((d) => d.mode === "direct") ? useName(i, "direct") : undefined;
    const share: Record<string, number> = {};
    const edgeCost: Record<string, number> = {};
    // The shares of a split leave through the same sender NIC, per line j of its token bucket:
    // t ≥ offset_j + Σ_m (nic_j.fixed · y + nic_j.perFraction · f).
    const nic: Record<string, number>[] = cands.nicOffsetsMs.map(() => ({ [t]: 1 }));
    const scan = relax ? edgeTradeoffWithout(cands, problem.allowSplits) : undefined;
    const fastestMs = scan?.vertices[0]?.timeMs ?? 0;
    variables.push({ name: t, kind: "continuous", lower: ms(fastestMs) * (1 - RELAX_SLACK), upper: ms(computeSlowestEdgeMs(cands)) * (1 + 1e-9) + 1e-9 });
    for (const o of cands.options) {
      const y = useName(i, o.mode);
      const f = fractionOf(i, o);
      variables.push(binary(y));
      share[f] = 1;
      const whole = !o.splittable || !problem.allowSplits;
      if (f !== y) {
        variables.push({ name: f, kind: "continuous", lower: 0, upper: 1 });
        constraints.push(whole ? { name: `whole[${i}][${o.mode}]`, terms: { [f]: 1, [y]: -1 }, lower: 0, upper: 0 } : { name: `split[${i}][${o.mode}]`, terms: { [f]: 1, [y]: -1 }, upper: 0 });
      }
      keptPieces(relax, o.timePieces).forEach((p, k) => {
        const terms: Record<string, number> = { [t]: 1 };
        addTerm(terms, y, -ms(p.fixedMs));
        addTerm(terms, f, -ms(p.perFractionMs));
        if (Object.keys(terms).length > 1) constraints.push({ name: `time[${i}][${o.mode}][${k}]`, terms, lower: 0 });
      });
      if (direct !== undefined && o.besideDirect !== undefined) {
        keptPieces(relax, o.besideDirect, besideBigMs, o.timePieces).forEach((p, k) => {
          const bigM = ms(besideBigMs(p));
          const terms: Record<string, number> = { [t]: 1 };
          addTerm(terms, y, -ms(p.fixedMs));
          addTerm(terms, f, -ms(p.perFractionMs));
          addTerm(terms, direct, -bigM);
          if (bigM > 0) constraints.push({ name: `beside[${i}][${o.mode}][${k}]`, terms, lower: -bigM });
        });
      }
      o.senderNic.forEach((line, j) => {
        if (nic[j] === undefined) return;
        addTerm(nic[j]!, y, -ms(line.fixedMs));
        addTerm(nic[j]!, f, -ms(line.perFractionMs));
      });
      addTerm(edgeCost, y, usd(o.fixedUsd));
      addTerm(edgeCost, f, usd(o.perFractionUsd));
      if (o.requiresAdmission) {
        admitted.add(edge.from);
        if (reduced?.admissionAsUse.has(edge.from) !== true) constraints.push({ name: `admitted[${i}]`, terms: { [y]: 1, [admitName(edge.from)]: -1 }, upper: 0 });
      }
    }
    nic.forEach((terms, j) => {
      if (Object.keys(terms).length > 1) constraints.push({ name: j === 0 ? `nic[${i}]` : `nic[${i}][${j}]`, terms, lower: ms(cands.nicOffsetsMs[j]!) });
    });
    for (const [name, coef] of Object.entries(edgeCost)) addTerm(cost, name, coef);
    if (scan !== undefined) constraints.push(...tradeoffRows(i, scan.vertices, edgeCost, scale), ...withoutModeRows(i, cands, scan.fastestWithoutMs, fastestMs, scale));
    constraints.push({ name: `shares[${i}]`, terms: share, lower: 1, upper: 1 });
    const base = ms(problem.stages.get(edge.to)!.baseMs);
    constraints.push({ name: `flow[${i}]`, terms: { [finishName(edge.to)]: 1, [finishName(edge.from)]: -1, [t]: -1 }, lower: base });
  });

  for (const id of dag.order) {
    const terms = problem.stages.get(id)!;
    variables.push({ name: finishName(id), kind: "continuous", lower: ms(terms.baseMs), upper: horizon });
    if (dag.incoming.get(id)!.length > 1) constraints.push(...phaseRows(problem, id, ms, horizon, variables, relax, fractionOf));
    if (dag.outgoing.get(id)!.length === 0) constraints.push({ name: `makespan[${id}]`, terms: { [MAKESPAN_NAME]: 1, [finishName(id)]: -1 }, lower: 0 });
    const locals = dag.incoming.get(id)!.filter((i) => problem.edges[i]!.options.some((o) => o.mode === "vm-local"));
    if (locals.length > 1) constraints.push({ name: `colocate[${id}]`, terms: Object.fromEntries(locals.map((i) => [useName(i, "vm-local"), 1])), upper: 1 });
    // No vm-local chains: a stage beside its producer cannot host a vm-local consumer.
    const hosted = dag.outgoing.get(id)!.filter((j) => problem.edges[j]!.options.some((o) => o.mode === "vm-local"));
    for (const i of locals) if (!mayHostWhenBeside(problem, i)) for (const j of hosted) constraints.push({ name: `chain[${i}][${j}]`, terms: { [useName(i, "vm-local")]: 1, [useName(j, "vm-local")]: 1 }, upper: 1 });
  }
  variables.push({ name: MAKESPAN_NAME, kind: "continuous", lower: 0, upper: horizon });
  // VM-pool billing: the reserved VMs are billed for max(minimum, makespan); the minimum is in the constant.
  const pool = problem.platform.billing.compute === "vm-pool" ? problem.vmPool : undefined;
  if (pool !== undefined && pool.usdPerMs > 0) {
    const floor = ms(pool.minimumMs);
    variables.push({ name: VM_HELD_NAME, kind: "continuous", lower: 0, upper: Math.max(0, horizon - floor) + 1e-9 });
    constraints.push({ name: "vmHeld", terms: { [VM_HELD_NAME]: 1, [MAKESPAN_NAME]: -1 }, lower: -floor });
    addTerm(cost, VM_HELD_NAME, usd(pool.usdPerMs * scale.msPerUnit));
  }

  const capacity: Record<string, number> = {};
  for (const id of [...admitted].sort()) {
    const terms = problem.stages.get(id)!;
    const a = reduced?.admissionAsUse.get(id) ?? admitName(id);
    if (a === admitName(id)) variables.push(binary(a));
    addTerm(capacity, a, terms.cacheBytes / problem.cacheCapacityBytes);
    addTerm(cost, a, usd(terms.admissionFixedUsd));
    if (terms.admissionUsdPerMs > 0) {
      const r = residencyName(id);
      variables.push({ name: r, kind: "continuous", lower: 0, upper: horizon });
      addTerm(cost, r, usd(terms.admissionUsdPerMs * scale.msPerUnit));
      // The output stays until the last consumer that reads it from the cache has finished.
      for (const i of dag.outgoing.get(id)!) {
        if (!problem.edges[i]!.options.some((o) => o.mode === "cache")) continue;
        const v = dag.edges[i]!.to;
        const y = useName(i, "cache");
        const terms = earliestMs === undefined ? { [r]: 1, [finishName(v)]: -1, [finishName(id)]: 1, [y]: -horizon } : { [r]: 1, [finishName(v)]: -1, [y]: -horizon };
        constraints.push({ name: `residency[${i}]`, terms, lower: -horizon - (earliestMs === undefined ? 0 : ms(earliestMs.get(id)!)) });
      }
    }
  }
  if (Object.keys(capacity).length > 0) constraints.push({ name: "capacity", terms: capacity, upper: 1 });
  // the relaxation loosens the limits by a hair too: a limit set exactly at a plan's figure stays feasible for the engine
  const loosen = (x: number) => (relax ? x + RELAX_SLACK * Math.abs(x) : x);
  // within the referee's relative tolerance (evaluate-assignment.ts): a budget equal to the constant part leaves no room to round below it
  if (Number.isFinite(spec.budgetUsd) && Object.keys(cost).length > 0) constraints.push({ name: "budget", terms: cost, upper: loosen(usd(spec.budgetUsd * (1 + 1e-9) - scale.constantUsd)) });
  if (Number.isFinite(spec.deadlineMs)) constraints.push({ name: "deadline", terms: { [MAKESPAN_NAME]: 1 }, upper: loosen(ms(spec.deadlineMs)) });

  const objective: Record<string, number> = {};
  const tie = relax ? 0 : TIE_WEIGHT;
  const [primaryWeight, secondaryWeight] = spec.minimize === "latency" ? [1, tie] : [tie, 1];
  addTerm(objective, MAKESPAN_NAME, primaryWeight);
  for (const [name, coef] of Object.entries(cost)) addTerm(objective, name, secondaryWeight * coef);
  return { model: { direction: "minimize", objective, constraints, variables }, scale, costTerms: cost };
}

/** The big-M of a piece's row beside a direct share: its largest value, so the row is void when y_direct = 0. */
const besideBigMs = (p: AffinePiece) => p.fixedMs + Math.max(0, p.perFractionMs);

/** Every piece for the MILP; for the relaxation, those no other row of the option implies (dominated-pieces.ts). */
function keptPieces(relax: boolean, pieces: readonly AffinePiece[], bigMs?: (p: AffinePiece) => number, plain?: readonly AffinePiece[]): readonly AffinePiece[] {
  return relax ? undominatedPieces(pieces, bigMs, plain) : pieces;
}

/**
 * A stage with several inputs reads them once it runs, after the last is written (evaluate's
 * schedule, model/pool-schedule.ts): F_v ≥ F_u1 + w_i1 + rd_i2 + baseMs for each ordered pair of its
 * edges, w_i and rd_i above every piece of the shares edge i uses (a piece with y = 0 is at most 0).
 */
function phaseRows(problem: Problem, v: string, ms: (x: number) => number, horizon: number, variables: MilpVariable[], relax: boolean, fractionOf: (i: number, o: ModeOption) => string): MilpConstraint[] {
  const { dag } = problem;
  const inputs = dag.incoming.get(v)!;
  const rows: MilpConstraint[] = [];
  for (const i of inputs) {
    const w = writeName(i);
    const rd = readName(i);
    variables.push({ name: w, kind: "continuous", lower: 0, upper: horizon }, { name: rd, kind: "continuous", lower: 0, upper: horizon });
    const cands = problem.edges[i]!;
    const direct = cands.options.some((d) => d.mode === "direct") ? useName(i, "direct") : undefined;
    for (const o of cands.options) {
      const y = useName(i, o.mode);
      const f = fractionOf(i, o);
      const piece = (name: string, on: string, p: { fixedMs: number; perFractionMs: number }) => {
        const terms: Record<string, number> = { [on]: 1 };
        addTerm(terms, y, -ms(p.fixedMs));
        addTerm(terms, f, -ms(p.perFractionMs));
        if (Object.keys(terms).length > 1) rows.push({ name, terms, lower: 0 });
      };
      keptPieces(relax, o.writePieces).forEach((p, k) => piece(`write[${i}][${o.mode}][${k}]`, w, p));
      keptPieces(relax, o.readPieces).forEach((p, k) => piece(`read[${i}][${o.mode}][${k}]`, rd, p));
      if (direct !== undefined && o.besideDirectWrite !== undefined) {
        keptPieces(relax, o.besideDirectWrite, besideBigMs, o.writePieces).forEach((p, k) => {
          const bigM = ms(besideBigMs(p));
          if (!(bigM > 0)) return;
          const terms: Record<string, number> = { [w]: 1 };
          addTerm(terms, y, -ms(p.fixedMs));
          addTerm(terms, f, -ms(p.perFractionMs));
          addTerm(terms, direct, -bigM);
          rows.push({ name: `writeBeside[${i}][${o.mode}][${k}]`, terms, lower: -bigM });
        });
      }
    }
  }
  const base = ms(problem.stages.get(v)!.baseMs);
  for (const i1 of inputs) {
    for (const i2 of inputs) {
      if (i1 === i2) continue;
      rows.push({ name: `phases[${i1}][${i2}]`, terms: { [finishName(v)]: 1, [finishName(dag.edges[i1]!.from)]: -1, [writeName(i1)]: -1, [readName(i2)]: -1 }, lower: base });
    }
  }
  return rows;
}
