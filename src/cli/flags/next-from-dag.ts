/** `sluice train --dag FILE`: each function's next stages, from a DAG JSON's edges (for counting fanout per workflow run). */
import { readFile } from "node:fs/promises";
import { dagInputSchema } from "../../dag/schema.js";
import { show, sluiceError } from "../../errors.js";

/** Next stages by function from a DAG file's edges. */
export async function nextFromDag(file: string): Promise<Record<string, string[]>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (e) {
    throw sluiceError("cli.badFlagValue", { path: ["--dag"], expected: "a DAG JSON file", actual: `${show(file)} (${(e as Error).message})` });
  }
  const dag = dagInputSchema.safeParse(raw);
  if (!dag.success) throw sluiceError("cli.badFlagValue", { path: ["--dag"], expected: "a DAG JSON file", actual: `${show(file)}: ${dag.error.issues[0]?.path.join(".")}: ${dag.error.issues[0]?.message}` });
  const fnOf = new Map(dag.data.stages.map((s) => [s.id, s.function]));
  const next: Record<string, string[]> = {};
  for (const e of dag.data.edges) {
    const from = fnOf.get(e.from), to = fnOf.get(e.to);
    if (from === undefined || to === undefined) throw sluiceError("cli.badFlagValue", { path: ["--dag"], expected: "edges between the DAG's stages", actual: show(`${e.from}->${e.to}`) });
    const list = (next[from] ??= []);
    if (!list.includes(to)) list.push(to);
  }
  return next;
}
