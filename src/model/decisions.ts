/**
 * Converts between the caller-facing Decisions (edges by endpoint names, `mode` + optional `split`)
 * and the index-aligned Assignment the model and solvers use. Unknown or missing edges, unknown
 * modes, and unknown admitted stages are InputErrors naming the field.
 */
import type { Dag } from "../dag/types.js";
import { edgeKey } from "../dag/types.js";
import { InputError, issue, schemaIssues, type Issue, show } from "../errors.js";
import { z } from "zod";
import { TRANSFER_MODES, type TransferMode } from "../platform/schema.js";
import type { Assignment, Decisions, EdgeDecision, ModeShare, ModeSplit } from "./types.js";

/**
 * The shape of caller decisions (a whole Plan may be passed: other top-level fields are ignored); modes and fractions are checked below with the DAG at hand.
 * An edge may carry its DAG `pattern` (decisions are often the DAG's edges with a mode added); the DAG's own pattern is the one used.
 */
const decisionsSchema = z.looseObject({
  edges: z.array(z.object({ from: z.string(), to: z.string(), pattern: z.string().optional(), mode: z.string().optional(), split: z.record(z.string(), z.unknown()).optional(), prefixes: z.number().int().positive().optional() })),
  admitted: z.array(z.string()).optional(),
});
const DECISION_KEYS = { unknownKey: "decisions.unknownKey", wrongType: "decisions.wrongType", badValue: "decisions.badValue" } as const;

/** A map key for an edge that two different edges never share (ids may contain "->"). */
const pairKey = (e: { readonly from: string; readonly to: string }) => JSON.stringify([e.from, e.to]);

/** Throws an InputError if `decisions` is not of the shape { edges, admitted? } (checked again, with the DAG, by toAssignment). */
export function checkDecisionsShape(decisions: unknown): void {
  const shapeIssues = schemaIssues(decisionsSchema, decisions, DECISION_KEYS, ["decisions"]);
  if (shapeIssues.length > 0) throw new InputError("Invalid decisions", shapeIssues);
}

export function toAssignment(dag: Dag, decisions: Decisions): Assignment {
  checkDecisionsShape(decisions);
  const issues: Issue[] = [];
  const byKey = new Map<string, { d: EdgeDecision; index: number }>();
  (decisions.edges ?? []).forEach((d, index) => {
    const key = pairKey(d);
    if (byKey.has(key)) issues.push(issue("decisions.duplicateEdge", { path: ["decisions", "edges", index], actual: show(edgeKey(d)) }));
    byKey.set(key, { d, index });
  });
  const edges: ModeShare[][] = dag.edges.map((e) => {
    const key = pairKey(e);
    const found = byKey.get(key);
    byKey.delete(key);
    if (found === undefined) {
      issues.push(issue("decisions.missingEdge", { path: ["decisions", "edges"], params: { edge: edgeKey(e) } }));
      return [];
    }
    const { d, index } = found;
    if (d.split === undefined) {
      if (!(TRANSFER_MODES as readonly string[]).includes(d.mode)) {
        issues.push(issue("decisions.unknownMode", { path: ["decisions", "edges", index, "mode"], expected: TRANSFER_MODES.join(" | "), actual: show(d.mode) }));
        return [];
      }
      return [{ mode: d.mode, fraction: 1 }];
    }
    const split: ModeSplit = d.split;
    const shares: ModeShare[] = [];
    for (const [mode, fraction] of Object.entries(split)) {
      if (!(TRANSFER_MODES as readonly string[]).includes(mode)) {
        issues.push(issue("decisions.unknownMode", { path: ["decisions", "edges", index, "split", mode], expected: TRANSFER_MODES.join(" | "), actual: show(mode) }));
        continue;
      }
      if (typeof fraction !== "number" || !Number.isFinite(fraction) || fraction < 0) {
        issues.push(issue("decisions.badFraction", { path: ["decisions", "edges", index, "split", mode], actual: show(fraction) }));
        continue;
      }
      if (fraction > 0) shares.push({ mode: mode as TransferMode, fraction });
    }
    return shares.sort((a, b) => TRANSFER_MODES.indexOf(a.mode) - TRANSFER_MODES.indexOf(b.mode));
  });
  for (const { index } of byKey.values()) {
    const d = decisions.edges[index]!;
    issues.push(issue("decisions.unknownEdge", { path: ["decisions", "edges", index], actual: show(edgeKey(d)) }));
  }
  (decisions.admitted ?? []).forEach((id, i) => {
    if (!dag.stageById.has(id)) issues.push(issue("decisions.unknownStage", { path: ["decisions", "admitted", i], actual: show(id) }));
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
