/**
 * The placement evaluate() sizes a DAG's open counts with (a stored plan's): checked against the
 * DAG first — an array of { stageId, instances, memoryMb? } (a Plan's other placement fields pass),
 * every stageId a stage of the DAG, and every stage whose count the DAG leaves open given one. An
 * open stage left out was evaluated at its producer's fanout (a root: 1 instance), silently.
 */
import { z } from "zod";
import type { Dag } from "../dag/types.js";
import { InputError, issue, schemaIssues, show, type Issue } from "../errors.js";
import type { StagePlacement } from "./types.js";

const placementSchema = z.array(z.looseObject({ stageId: z.string(), instances: z.number().int().positive(), memoryMb: z.number().finite().positive().optional() }));
const KEYS = { unknownKey: "decisions.unknownKey", wrongType: "decisions.wrongType", badValue: "decisions.badValue" } as const;

export function checkPlacement(dag: Dag, placement: unknown): readonly StagePlacement[] {
  const path = ["decisions", "placement"];
  const shapeIssues = schemaIssues(placementSchema, placement, KEYS, path);
  if (shapeIssues.length > 0) throw new InputError("Invalid decisions", shapeIssues);
  const entries = placement as readonly StagePlacement[];
  const issues: Issue[] = [];
  entries.forEach((p, i) => {
    if (!dag.stageById.has(p.stageId)) issues.push(issue("decisions.unknownStage", { path: [...path, i, "stageId"], actual: show(p.stageId) }));
  });
  const placed = new Set(entries.map((p) => p.stageId));
  for (const s of dag.stages) {
    if (s.instances === undefined && s.instanceRange !== undefined && !placed.has(s.id)) issues.push(issue("decisions.missingPlacement", { path, params: { stage: s.id } }));
  }
  if (issues.length > 0) throw new InputError("Invalid decisions", issues);
  return entries;
}
