/**
 * Text → JSON value, for JSON and YAML documents. A syntax error is an InputError naming the file,
 * line and column. YAML (the `yaml` package) loads on first use; JSON needs nothing.
 */
import { InputError, issue } from "../errors.js";

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** Whether to read the text as JSON: a `.json` file, or text whose first character opens a JSON value. */
export function looksLikeJson(text: string, source: string): boolean {
  if (/\.json$/i.test(source)) return true;
  if (/\.ya?ml$/i.test(source)) return false;
  return /^\s*[[{]/.test(text);
}

export async function parseDocument(text: string, source: string): Promise<unknown> {
  if (looksLikeJson(text, source)) {
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const at = /position (\d+)/.exec(message);
      const where = at !== null ? lineColumn(text, Number(at[1])) : undefined;
      throw new InputError(`Cannot read ${source}`, [
        issue("interop.malformedDocument", { path: [source, ...(where !== undefined ? [`line ${where.line}`, `column ${where.column}`] : [])], params: { format: "JSON", reason: message } }),
      ]);
    }
  }
  const YAML = await import("yaml");
  const doc = YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(
      `Cannot read ${source}`,
      doc.errors.map((err) => {
        const where = lineColumn(text, err.pos[0]);
        return issue("interop.malformedDocument", { path: [source, `line ${where.line}`, `column ${where.column}`], params: { format: "YAML", reason: err.message.split("\n")[0]! } });
      }),
    );
  }
  return doc.toJS({ maxAliasCount: 1000 }) as unknown;
}
