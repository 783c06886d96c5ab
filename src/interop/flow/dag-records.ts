/**
 * The stages and edges a walk has made so far, with unique stage ids and one edge per stage pair.
 * An edge's pattern follows from the instance counts at its ends: equal counts read one-to-one,
 * a whole multiple scatters, a single consumer gathers, and counts that do not nest shuffle.
 */
import { PATTERNS, type Pattern } from "../../dag/types.js";
import type { DeclaredStage } from "./flow-graph.js";
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
  private readonly declared = new Map<string, DeclaredStage>();

  declare(id: string, d: DeclaredStage): void {
    this.declared.set(id, d);
  }

  declaredInputFraction(id: string): number | undefined {
    return this.declared.size === this.stages.length ? this.declared.get(id)?.inputFraction : undefined;
  }

  /**
   * When every stage carries a route from a Sluice export, its declared inputs replace the edges
   * control flow implied (an export runs stages level by level, which says less than the DAG),
   * and its declared repeat counts replace the stages' own. Returns whether it did.
   */
  useDeclaredEdges(): boolean {
    if (this.stages.length === 0 || this.declared.size !== this.stages.length) return false;
    const ids = new Set(this.stages.map((s) => s.id));
    this.edges.length = 0;
    this.edgeKeys.clear();
    this.stages.forEach((s, i) => {
      const d = this.declared.get(s.id)!;
      if (d.repeat !== undefined) this.stages[i] = { ...s, repeat: d.repeat, repeatSource: "document" };
      for (const input of d.inputs) {
        if (!ids.has(input.from) || this.edgeKeys.has(`${input.from}\u0000${s.id}`)) continue;
        this.edgeKeys.add(`${input.from}\u0000${s.id}`);
        const declaredPattern = (PATTERNS as readonly string[]).includes(input.pattern) ? (input.pattern as Pattern) : patternFor(this.byId.get(input.from)!.instances, s.instances).pattern;
        this.edges.push({ from: input.from, to: s.id, pattern: declaredPattern, carrier: "inline", why: "declared by the exporting plan (its route names the mode)" });
      }
    });
    for (const s of this.stages) this.byId.set(s.id, s);
    return true;
  }

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
