/**
 * What an import did: every stage with where it came from and how its counts were chosen, every
 * edge with its pattern and whether its bytes travel inline (in the orchestrator's payload) or
 * through the object store, every part of the document that was dropped, every loop, and every
 * default taken. Plain data (JSON-serialisable); `formatImportReport` renders it for people.
 */
import type { Pattern } from "../dag/types.js";
import type { CountSource, StageKind } from "./flow/flow-graph.js";

export const IMPORT_FORMATS = ["asl", "sebs-flow", "serverless-workflow"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type Carrier = "inline" | "object-store";

export interface ReportedStage {
  readonly id: string;
  readonly function: string;
  readonly kind: StageKind;
  /** JSON path of the state or task in the source document. */
  readonly path: string;
  readonly instances: number;
  readonly instancesSource: CountSource | "enclosing";
  readonly repeat: number;
  readonly repeatSource?: CountSource;
  /** On a branch of a Choice/switch (or behind an `if`): planned as if it runs. */
  readonly conditional: boolean;
  readonly notes: readonly string[];
}

export interface ReportedEdge {
  readonly from: string;
  readonly to: string;
  readonly pattern: Pattern;
  readonly carrier: Carrier;
  readonly why: string;
}

export interface ReportedLoop {
  /** The states on the loop, in document order. */
  readonly states: readonly string[];
  /** The state that closes the loop (a Choice, a switch, a loop task). */
  readonly via: string;
  readonly repeat: number;
  readonly repeatSource: CountSource;
  /** Stages that carry the repeat count. */
  readonly stages: readonly string[];
}

export interface ReportedItem {
  readonly path: string;
  readonly what: string;
  readonly reason: string;
}

export interface ImportReport {
  readonly format: ImportFormat;
  readonly source: string;
  readonly workflow: string;
  readonly stages: readonly ReportedStage[];
  readonly edges: readonly ReportedEdge[];
  readonly loops: readonly ReportedLoop[];
  readonly dropped: readonly ReportedItem[];
  /** Every default taken where the document did not say (fanout, loop counts), one line each. */
  readonly defaults: readonly string[];
  readonly notes: readonly string[];
}

/** `$.States["Map"].ItemProcessor…`: a JSON path people can paste into jq-like tools. */
export function formatJsonPath(path: readonly (string | number)[]): string {
  return "$" + path.map((p) => (typeof p === "number" ? `[${p}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join("");
}

export function formatImportReport(r: ImportReport): string {
  const out: string[] = [`Imported ${r.source} (${r.format}) as "${r.workflow}": ${r.stages.length} stages, ${r.edges.length} edges`];
  for (const n of r.notes) out.push(`  note: ${n}`);
  out.push("Stages:");
  for (const s of r.stages) {
    const extra = [
      `${s.instances} instance${s.instances === 1 ? "" : "s"} (${s.instancesSource})`,
      ...(s.repeat > 1 || s.repeatSource !== undefined ? [`repeat ${s.repeat} (${s.repeatSource ?? "document"})`] : []),
      ...(s.conditional ? ["conditional"] : []),
      ...s.notes,
    ];
    out.push(`  ${s.id} ← ${s.path}: ${s.kind} ${s.function}; ${extra.join("; ")}`);
  }
  if (r.edges.length > 0) out.push("Edges:");
  for (const e of r.edges) out.push(`  ${e.from} -> ${e.to}: ${e.pattern}, ${e.carrier} (${e.why})`);
  if (r.loops.length > 0) out.push("Loops:");
  for (const l of r.loops) out.push(`  ${l.states.join(" -> ")} (closed by ${l.via}): repeat ${l.repeat} (${l.repeatSource}) on ${l.stages.length > 0 ? l.stages.join(", ") : "no stage"}`);
  if (r.dropped.length > 0) out.push("Dropped:");
  for (const d of r.dropped) out.push(`  ${d.path}: ${d.what} — ${d.reason}`);
  if (r.defaults.length > 0) out.push("Defaults taken:");
  for (const d of r.defaults) out.push(`  ${d}`);
  return out.join("\n");
}
