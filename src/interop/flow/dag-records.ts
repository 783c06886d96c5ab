/**
 * The stages and edges a walk has made so far, with unique stage ids and one edge per stage pair.
 * An edge's pattern follows from the instance counts at its ends: equal counts read one-to-one,
 * a whole multiple scatters, a single consumer gathers, and counts that do not nest shuffle.
 */
import type { Pattern } from "../../dag/types.js";
import type { Carrier, ReportedEdge, ReportedStage } from "../import-report.js";

export interface FrontierItem {
  readonly stageId: string;
  /** How the bytes leave this stage towards whatever comes next, and why. */
  readonly carrier: Carrier;
  readonly why: string;
}

export function patternFor(producerInstances: number, consumerInstances: number): { pattern: Pattern; note?: string } {
  if (producerInstances === consumerInstances) return { pattern: "one-to-one" };
  if (consumerInstances > producerInstances && consumerInstances % producerInstances === 0) return { pattern: "scatter" };
  if (consumerInstances === 1) return { pattern: "gather" };
  return { pattern: "shuffle", note: `counts ${producerInstances} → ${consumerInstances} do not nest; planned as a shuffle` };
}

export class DagRecords {
  readonly stages: ReportedStage[] = [];
  readonly edges: ReportedEdge[] = [];
  private readonly byId = new Map<string, ReportedStage>();
  private readonly edgeKeys = new Set<string>();
  private readonly readsObjectStore = new Set<string>();

  /** A unique id for a stage named `name` inside `scopeLabels` (outermost first). */
  uniqueId(name: string, scopeLabels: readonly string[]): string {
    if (!this.byId.has(name)) return name;
    const qualified = [...scopeLabels, name].join("/");
    if (!this.byId.has(qualified)) return qualified;
    for (let i = 2; ; i++) if (!this.byId.has(`${qualified}#${i}`)) return `${qualified}#${i}`;
  }

  addStage(stage: ReportedStage, readsObjectStore: boolean): void {
    this.stages.push(stage);
    this.byId.set(stage.id, stage);
    if (readsObjectStore) this.readsObjectStore.add(stage.id);
  }

  stage(id: string): ReportedStage {
    return this.byId.get(id)!;
  }

  connect(from: FrontierItem, to: string): void {
    const key = `${from.stageId}\u0000${to}`;
    if (this.edgeKeys.has(key) || from.stageId === to) return;
    this.edgeKeys.add(key);
    const { pattern, note } = patternFor(this.byId.get(from.stageId)!.instances, this.byId.get(to)!.instances);
    const viaStore = from.carrier === "object-store" || this.readsObjectStore.has(to);
    const why = from.carrier === "object-store" ? from.why : this.readsObjectStore.has(to) ? `${to} reads its input from the object store (bucket/key parameters)` : from.why;
    this.edges.push({ from: from.stageId, to, pattern, carrier: viaStore ? "object-store" : "inline", why: note === undefined ? why : `${why}; ${note}` });
  }
}
