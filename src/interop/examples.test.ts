/**
 * Every workflow under examples/asl, examples/sebs-flow and examples/serverless-workflow imports,
 * plans (unprofiled functions on the default fallback, each listed in the plan's warnings), and
 * exports to a state machine that asl-validator accepts. The table says what each import must
 * hold, with the reasoning from the document.
 */
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { plan } from "../plan/plan.js";
import { planToAsl } from "./export/plan-to-asl.js";
import type { ImportFormat } from "./import-report.js";
import { importWorkflow } from "./import-workflow.js";

const aslValidator = createRequire(import.meta.url)("asl-validator") as (d: unknown) => { isValid: boolean; errorsText: (sep?: string) => string };

interface Expected {
  readonly stages: number;
  readonly edges: number;
  /** Instances per stage id, where they matter. */
  readonly instances?: Readonly<Record<string, number>>;
  readonly repeat?: Readonly<Record<string, number>>;
  readonly loops?: number;
  readonly objectStoreEdges?: number;
  readonly conditional?: readonly string[];
}

const CASES: Readonly<Record<ImportFormat, Readonly<Record<string, Expected>>>> = {
  asl: {
    // Validate → distributed Map (Extract frames → Tag frames, MaxConcurrency 200) → Summarise; the
    // Catch path (Notify failure → Failed) is dropped. ItemReader, S3 frame keys and ResultWriter put all 3 edges through S3.
    "video-frames-distributed-map.asl.json": { stages: 4, edges: 3, instances: { "Extract frames": 200, "Tag frames": 200, Summarise: 1 }, objectStoreEdges: 3 },
    // Glue → start query → poll (Wait/Get/Choice loop) → read pages (Choice loop) → report → SNS: a chain of 6, two loops.
    "athena-etl-jsonata.asl.json": { stages: 6, edges: 5, loops: 2, repeat: { "Get query state": 1, "Read results": 1 } },
    // List → Map(40) of [Parallel(Moderate, Thumbnail) → Choice → Quarantine | Save] → event: 2 scatter + 2×2 into the
    // Choice's targets + 2 gathers = 8 edges; Quarantine and Save entry sit on Choice branches.
    "image-catalog-parallel-in-map.asl.json": { stages: 6, edges: 8, instances: { Moderate: 40, Quarantine: 40 }, conditional: ["Quarantine", "Save entry"] },
    // Prepare → Parallel[ Map(8)[Split → Map(default 10)[Align] → Call variants], index build + polled describe ] → Merge.
    // Align chunk runs 8 × 10 = 80 instances.
    "genomics-map-in-parallel.asl.yaml": { stages: 7, edges: 7, instances: { "Split sample": 8, "Align chunk": 80, "Call variants": 8 }, loops: 1 },
  },
  "sebs-flow": {
    // split → map(count → combine) → shuffle → map(reduce) → report: 6 stages in a chain.
    "wordcount-mapreduce.definition.json": { stages: 6, edges: 5, instances: { count: 10, combine: 10, reduce: 10, report: 1 } },
    // probe → switch(extract_frames | split_pages | single_thumbnail) → thumbnail_each (map) / publish: 7 edges.
    "thumbnails-switch.definition.json": { stages: 6, edges: 7, conditional: ["extract_frames", "split_pages", "single_thumbnail"] },
    // prepare → parallel[tabular → normalise, text] → map(train ×5 repeats → score) → loop(evaluate) → select.
    "model-training-repeat-loop.definition.json": { stages: 8, edges: 8, repeat: { train: 5, evaluate: 10 }, instances: { train: 10, score: 10 } },
    // fetch → map(individuals) → parallel{merge, sift} → parallel{frequency, overlap}: 1 + 2 + 4 edges; cleanup is the failure path.
    "genome-parallel-maps.definition.json": { stages: 6, edges: 7, instances: { individuals: 10, frequency: 10 } },
  },
  "serverless-workflow": {
    // export → fork{geocode, scoreFraud} → for(aggregate) → emit: 2 + 2 + 1 edges; the for-each repeats 10 times (default items).
    "order-analytics-fork.sw.yaml": { stages: 5, edges: 5, repeat: { aggregate: 10 } },
    // submit → (wait → check → switch) loop → transform → notify; the failure branch raises.
    "ingest-poll-switch.sw.yaml": { stages: 4, edges: 3, loops: 1, repeat: { checkLoad: 1 } },
    // listen → try[split → for(ocr) → assemble] → if store: a chain of 5; the catch branch is dropped.
    "document-ocr-try.sw.yaml": { stages: 5, edges: 4, repeat: { ocr: 10 }, conditional: ["store"] },
    // while(fetch → stage) → do[render → deliver]: a chain of 4.
    "nightly-report-while.sw.json": { stages: 4, edges: 3, loops: 1 },
  },
};

const FOLDERS: Readonly<Record<ImportFormat, string>> = { asl: "examples/asl", "sebs-flow": "examples/sebs-flow", "serverless-workflow": "examples/serverless-workflow" };

describe.each(Object.keys(CASES) as ImportFormat[])("examples of %s", (format) => {
  it("lists every file of the folder, at least four", () => {
    const files = readdirSync(FOLDERS[format]).sort();
    expect(files).toEqual(Object.keys(CASES[format]).sort());
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(Object.entries(CASES[format]))("%s imports, plans and exports", async (file, want) => {
    const { dag, report } = await importWorkflow(format, readFileSync(`${FOLDERS[format]}/${file}`, "utf8"), { source: file });
    expect(dag.stages).toHaveLength(want.stages);
    expect(dag.edges).toHaveLength(want.edges);
    for (const [id, n] of Object.entries(want.instances ?? {})) expect(dag.stages.find((s) => s.id === id)?.instances, id).toBe(n);
    for (const [id, n] of Object.entries(want.repeat ?? {})) expect(dag.stages.find((s) => s.id === id)?.repeat ?? 1, id).toBe(n);
    if (want.loops !== undefined) expect(report.loops).toHaveLength(want.loops);
    if (want.objectStoreEdges !== undefined) expect(report.edges.filter((e) => e.carrier === "object-store")).toHaveLength(want.objectStoreEdges);
    for (const id of want.conditional ?? []) expect(report.stages.find((s) => s.id === id)?.conditional, id).toBe(true);

    const p = await plan(dag, "256 MiB", { fallbackProfile: "default" });
    expect(p.placement).toHaveLength(want.stages);
    expect(Number.isFinite(p.predicted.makespanMs) && Number.isFinite(p.predicted.costUsd)).toBe(true);
    // Every function without a profile is named in the warnings.
    for (const fn of new Set(dag.stages.map((s) => s.function))) expect(p.warnings.some((w) => w.startsWith(`${fn} (stage`)), fn).toBe(true);

    const machine = planToAsl(dag, p);
    const verdict = aslValidator(machine);
    expect(verdict.isValid, verdict.isValid ? "" : verdict.errorsText("\n")).toBe(true);
  });
});
