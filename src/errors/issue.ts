/**
 * An issue: one thing wrong with the input, with its catalogue code, where it is, what was
 * expected and what was given. `issue(key, fields)` builds one from the catalogue; the raise site
 * gives the path, the actual value and the template's params (typed from the template).
 */
import { CATALOGUE, type ErrorKey } from "./catalogue/index.js";
import type { ErrorCode, IssuePath } from "./entry.js";
import { show } from "./show.js";

/**
 * @deprecated Coarse codes from before the catalogue; still accepted so code written against the
 * old Issue type compiles, but every raise should go through `issue(key, …)`.
 */
export type LegacyIssueCode = "invalid_value" | "invalid_type" | "unknown_reference" | "duplicate" | "cycle" | "contradiction" | "infeasible" | "parse_error" | "unsupported";

export interface Issue {
  /** The catalogue code, e.g. "SLU2010" (see docs/errors.md). */
  readonly code: ErrorCode | LegacyIssueCode;
  /** Where the offending value sits, e.g. `["stages", 2, "instances"]` or `["file.csv", "line 14", "runtime_ms"]`. */
  readonly path: IssuePath;
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
  /** What to do about it, from the catalogue. */
  readonly hint?: string;
}

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type Templates<K extends ErrorKey> = (typeof CATALOGUE)[K]["message"] | ((typeof CATALOGUE)[K] extends { readonly expected: infer E } ? E : never);
/** The `{name}` placeholders of a key's message and expected templates. */
export type ParamsOf<K extends ErrorKey> = Placeholders<Templates<K>>;

type ParamFields<K extends ErrorKey> = [ParamsOf<K>] extends [never]
  ? { readonly params?: undefined }
  : { readonly params: Readonly<Record<ParamsOf<K>, string | number>> };

export type IssueFields<K extends ErrorKey> = {
  readonly path?: IssuePath;
  /** The offending value: a string is shown as given (pass show(x) to quote it), anything else through show(). */
  readonly actual?: unknown;
  /** Overrides the catalogue's expected text for this raise. */
  readonly expected?: string;
} & ParamFields<K>;

export function fillTemplate(template: string, params: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params !== undefined && name in params ? String(params[name]) : whole));
}

let watcher: ((code: string) => void) | undefined;

/** Calls `fn` with the code of every issue made from now on (undefined stops): how the test suite measures which codes it raises. */
export function watchIssues(fn: ((code: string) => void) | undefined): void {
  watcher = fn;
}

export function issue<K extends ErrorKey>(key: K, fields: IssueFields<K>): Issue {
  const entry = CATALOGUE[key];
  watcher?.(entry.code);
  const params = fields.params as Readonly<Record<string, string | number>> | undefined;
  const expected = fields.expected ?? ("expected" in entry ? fillTemplate(entry.expected, params) : undefined);
  return {
    code: entry.code,
    path: fields.path ?? [],
    message: fillTemplate(entry.message, params),
    ...(expected === undefined ? {} : { expected }),
    ...(fields.actual === undefined && !("actual" in fields) ? {} : { actual: typeof fields.actual === "string" ? fields.actual : show(fields.actual) }),
    hint: entry.hint,
  };
}

/** One line: `SLU2010 stages.1.id: duplicate stage id; expected unique stage ids; got "a"`. */
export function formatIssue(i: Issue): string {
  const where = i.path.length > 0 ? i.path.join(".") : "(root)";
  const parts = [`${i.code.startsWith("SLU") ? i.code + " " : ""}${where}: ${i.message}`];
  if (i.expected !== undefined) parts.push(`expected ${i.expected}`);
  if (i.actual !== undefined) parts.push(`got ${i.actual}`);
  return parts.join("; ");
}
