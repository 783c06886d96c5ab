/**
 * Columns that could give a field but not surely, so are offered, never applied: what a request log
 * calls its parts is close to a function invocation's, and only the user knows how close. Each
 * candidate says what the column is where it comes from, so the user can judge:
 * - Azure Application Insights requests (learn.microsoft.com azure-monitor/reference/tables/AppRequests:
 *   `Name` "Human-readable name of the request", `DurationMs`; the classic `requests` table: `name`,
 *   `operation_Name`, `duration` in ms, `success`): for Azure Functions the name is the function's.
 * - Google Cloud Logging's LogEntry.httpRequest (logging v2 HttpRequest: `latency` "The request
 *   processing latency on the server, from the time the request was received until the response was
 *   sent", a Duration string such as "0.123456s"; `requestSize` "The size of the HTTP request message
 *   in bytes, including the request headers and the request body"; `responseSize`) and a Cloud Run
 *   revision's `resource.labels.service_name`.
 * - OpenWhisk activation records (`name`: the action's; `response.success`).
 * A candidate matches a whole normalised header or its last words (`httpRequest.requestSize` ends
 * with `request_size`; a bare `name` only whole, as many a `…_name` names something else).
 */
import { withColumn, type MappingOrigin } from "./mapping-labels.js";
import { normaliseName } from "./names.js";
import type { TraceField } from "../trace-record.js";

interface Candidate {
  readonly stem: string;
  /** What such a column holds, for the user to judge. */
  readonly what: string;
  /** Also as the last words of a longer name (`httpRequest.latency`); a bare `name` only whole. */
  readonly trailing: boolean;
}

const CANDIDATES: Readonly<Partial<Record<TraceField, readonly Candidate[]>>> = {
  function: [
    { stem: "name", what: "a request's or an action's name", trailing: false },
    { stem: "operation_name", what: "an operation's name", trailing: true },
    { stem: "service_name", what: "a service's name", trailing: true },
  ],
  inputBytes: [
    { stem: "request_size", what: "an HTTP request's size, headers and body", trailing: true },
    { stem: "content_length", what: "a request body's length", trailing: true },
  ],
  runtimeMs: [
    { stem: "latency", what: "the server's latency from receiving a request to sending its response", trailing: true },
    { stem: "response_time", what: "a request's response time", trailing: true },
  ],
  outputBytes: [{ stem: "response_size", what: "an HTTP response's size, headers and body", trailing: true }],
};

export interface FieldCandidate {
  readonly index: number;
  readonly header: string;
  readonly what: string;
}

/** The first column that could give `field` (candidates in order, whole names before trailing ones), or undefined. */
export function fieldCandidate(field: TraceField, header: readonly string[], taken: ReadonlySet<number> = new Set()): FieldCandidate | undefined {
  const names = header.map(normaliseName);
  for (const whole of [true, false]) {
    for (const c of CANDIDATES[field] ?? []) {
      const index = names.findIndex((n, i) => !taken.has(i) && (whole ? n === c.stem : c.trailing && n.endsWith("_" + c.stem)));
      if (index >= 0) return { index, header: header[index]!, what: c.what };
    }
  }
  return undefined;
}

/** `httpRequest.latency could be it (…): --column runtimeMs=httpRequest.latency`, in the caller's words; undefined without a candidate. */
export function candidateText(origin: MappingOrigin, field: TraceField, header: readonly string[], taken?: ReadonlySet<number>): string | undefined {
  const c = fieldCandidate(field, header, taken);
  return c === undefined ? undefined : `${c.header} could be it (${c.what}): ${withColumn(origin, field, c.header)}`;
}
