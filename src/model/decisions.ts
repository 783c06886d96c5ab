/**
 * Converts between the caller-facing Decisions (edges by endpoint names, `mode` + optional `split`)
 * and the index-aligned Assignment the model and solvers use. Unknown or missing edges, unknown
 * modes, and unknown admitted stages are InputErrors naming the field.
 */
import type { Dag } from "../dag/types.js";
import { edgeKey } from "../dag/types.js";
import { InputError, type Issue, show } from "../errors.js";
import { TRANSFER_MODES, type TransferMode } from "../platform/schema.js";
import type { Assignment, Decisions, EdgeDecision, ModeShare, ModeSplit } from "./types.js";

export function toAssignment(dag: Dag, decisions: Decisions): Assignment {
  const issues: Issue[] = [];
  const byKey = new Map<string, { d: EdgeDecision; index: number }>();
  (decisions.edges ?? []).forEach((d, index) => {
    const key = edgeKey(d);
    if (byKey.has(key)) issues.push({ code: "duplicate", path: ["decisions", "edges", index], message: "edge decided twice", actual: key });
    byKey.set(key, { d, index });
  });
  const edges: ModeShare[][] = dag.edges.map((e) => {
    const key = edgeKey(e);
    const found = byKey.get(key);
    byKey.delete(key);
    if (found === undefined) {
      issues.push({ code: "invalid_value", path: ["decisions", "edges"], message: `no decision for edge ${key}`, expected: "one decision per DAG edge" });
      return [];
    }
    const { d, index } = found;
    if (d.split === undefined) {
      if (!(TRANSFER_MODES as readonly string[]).includes(d.mode)) {
        issues.push({ code: "invalid_value", path: ["decisions", "edges", index, "mode"], message: "unknown transfer mode", expected: TRANSFER_MODES.join(" | "), actual: show(d.mode) });
        return [];
      }
      return [{ mode: d.mode, fraction: 1 }];
    }
    const split: ModeSplit = d.split;
    const shares: ModeShare[] = [];
    for (const [mode, fraction] of Object.entries(split)) {
      if (!(TRANSFER_MODES as readonly string[]).includes(mode)) {
        issues.push({ code: "invalid_value", path: ["decisions", "edges", index, "split", mode], message: "unknown transfer mode", expected: TRANSFER_MODES.join(" | "), actual: show(mode) });
        continue;
      }
      if (typeof fraction !== "number" || !Number.isFinite(fraction) || fraction < 0) {
        issues.push({ code: "invalid_value", path: ["decisions", "edges", index, "split", mode], message: "fraction must be a finite number ≥ 0", actual: show(fraction) });
        continue;
      }
      if (fraction > 0) shares.push({ mode: mode as TransferMode, fraction });
    }
    return shares.sort((a, b) => TRANSFER_MODES.indexOf(a.mode) - TRANSFER_MODES.indexOf(b.mode));
  });
  for (const { index } of byKey.values()) {
    const d = decisions.edges[index]!;
    issues.push({ code: "unknown_reference", path: ["decisions", "edges", index], message: "no such edge in the DAG", actual: edgeKey(d) });
  }
  (decisions.admitted ?? []).forEach((id, i) => {
    if (!dag.stageById.has(id)) issues.push({ code: "unknown_reference", path: ["decisions", "admitted", i], message: "no such stage", actual: show(id) });
  });
  if (issues.length > 0) throw new InputError("Invalid decisions", issues);
  return { edges, admitted: new Set(decisions.admitted ?? []) };
}

export function toDecisions(dag: Dag, assignment: Assignment): Decisions {
  return {
    edges: dag.edges.map((e, i) => {
      const shares = assignment.edges[i] ?? [];
      const main = [...shares].sort((a, b) => b.fraction - a.fraction || TRANSFER_MODES.indexOf(a.mode) - TRANSFER_MODES.indexOf(b.mode))[0];
      const mode = main?.mode ?? "remote";
      if (shares.length <= 1) return { from: e.from, to: e.to, mode };
      const split: ModeSplit = {};
      for (const s of shares) split[s.mode] = s.fraction;
      return { from: e.from, to: e.to, mode, split };
    }),
    admitted: [...assignment.admitted].sort(),
  };
}
