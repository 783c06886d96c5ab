import { describe, expect, it } from "vitest";
import { codeOf } from "../../errors.js";
import { rejectedInputError } from "../../../test/support/input-error.js";
import { parseJsonlTraces } from "../parse-jsonl-traces.js";
import { parseCsvTraces } from "../parse-csv-traces.js";
import { candidateText, fieldCandidate } from "./field-candidates.js";
import type { TraceField } from "../trace-record.js";

// A Cloud Run request log entry (`gcloud logging read --format=json`): LogEntry.httpRequest, sizes as strings, latency a Duration string.
const CLOUD_RUN = JSON.stringify({
  httpRequest: { requestMethod: "POST", requestSize: "1048912", status: 200, responseSize: "52341", latency: "0.123456s" },
  resource: { type: "cloud_run_revision", labels: { configuration_name: "resize", revision_name: "resize-00001-abc", service_name: "resize" } },
  timestamp: "2024-05-01T12:00:00.100Z",
});

describe("fieldCandidate: a column that could give a field", () => {
  it.each<[TraceField, readonly string[], string | undefined]>([
    // a whole `name` (App Insights requests, OpenWhisk activations), never the last word of another name
    ["function", ["timestamp", "name", "cloud_RoleName"], "name"],
    ["function", ["resource.labels.configuration_name", "resource.labels.service_name"], "resource.labels.service_name"],
    ["function", ["app_name", "user_name"], undefined],
    ["inputBytes", ["httpRequest.requestSize", "httpRequest.responseSize"], "httpRequest.requestSize"],
    ["runtimeMs", ["httpRequest.latency"], "httpRequest.latency"],
    ["outputBytes", ["httpRequest.responseSize"], "httpRequest.responseSize"],
    ["memoryMb", ["httpRequest.latency"], undefined],
  ])("%s among %j: %s", (field, header, expected) => expect(fieldCandidate(field, header)?.header).toBe(expected));

  it("says what the column holds, and how to map it in the caller's words", () => {
    expect(candidateText("cli", "inputBytes", ["httpRequest.requestSize"])).toBe("httpRequest.requestSize could be it (an HTTP request's size, headers and body): --column inputBytes=httpRequest.requestSize");
    expect(candidateText("api", "runtimeMs", ["latency"])).toBe('latency could be it (the server\'s latency from receiving a request to sending its response): columns.runtimeMs: "latency"');
  });
});

describe("a request log's columns: offered where a field is missing, never applied", () => {
  it("a Cloud Run log with no mapping: each missing field's error names the column that could give it", async () => {
    const e = await rejectedInputError(() => parseJsonlTraces(CLOUD_RUN, { file: "run.json", origin: "cli" }));
    expect(e.issues.map((i) => i.code)).toEqual([codeOf("columns.missingField"), codeOf("columns.missingField"), codeOf("columns.noTarget")]);
    expect(e.issues[0]!.message).toContain("resource.labels.service_name could be it (a service's name): --column function=resource.labels.service_name");
    expect(e.issues[1]!.message).toContain("--column inputBytes=httpRequest.requestSize");
    expect(e.issues[2]!.message).toContain("--column runtimeMs=httpRequest.latency");
    expect(e.issues[2]!.message).toContain("--column outputBytes=httpRequest.responseSize");
  });

  it("mapped as offered, it trains: the latency in its own unit (s), the sizes in bytes; a target still unmapped is a hint", async () => {
    const { records, report } = await parseJsonlTraces(CLOUD_RUN, { file: "run.json", origin: "cli", columns: { function: "resource.labels.service_name", inputBytes: "httpRequest.requestSize", runtimeMs: "httpRequest.latency" } });
    expect(records).toEqual([{ app: "run", function: "resize", inputBytes: 1048912, runtimeMs: 123.456 }]);
    expect(report.hints).toContain("outputBytes: no column gives it; httpRequest.responseSize could be it (an HTTP response's size, headers and body): --column outputBytes=httpRequest.responseSize");
  });
});

describe("a success flag beside the invocations", () => {
  // Application Insights' requests table as the portal exports it: success True/False (learn.microsoft.com, AppRequests/requests)
  const REQUESTS = "timestamp [UTC],name,success,resultCode,duration\n\"5/1/2024, 12:00:00.000 PM\",Resize,True,200,120.5\n\"5/1/2024, 12:00:01.000 PM\",Resize,False,500,30000\n";

  it("is offered as a row filter, in the caller's words, until one is given", async () => {
    const cli = await parseCsvTraces(REQUESTS, { origin: "cli", columns: { function: "name", inputBytes: { value: 1 }, runtimeMs: { column: "duration", unit: "ms" } } });
    expect(cli.report.hints).toEqual(["rows: failed invocations train as any other; if success says whether one succeeded, keep those that did: --where 'success'"]);
    expect(cli.records).toHaveLength(2);
    const api = await parseCsvTraces(REQUESTS, { columns: { function: "name", inputBytes: { value: 1 }, runtimeMs: { column: "duration", unit: "ms" } } });
    expect(api.report.hints).toEqual(['rows: failed invocations train as any other; if success says whether one succeeded, keep those that did: where: "success"']);
    const filtered = await parseCsvTraces(REQUESTS, { columns: { function: "name", inputBytes: { value: 1 }, runtimeMs: { column: "duration", unit: "ms" } }, where: "success" });
    expect(filtered.records.map((r) => r.runtimeMs)).toEqual([120.5]);
    expect(filtered.report.hints).toBeUndefined();
  });

  it("without one, an HTTP status column (Cloud Logging's httpRequest.status) is offered as the filter; OpenWhisk's statusCode (0 for success) is none", async () => {
    const run = await parseJsonlTraces(CLOUD_RUN, { file: "run.json", origin: "cli", columns: { function: "resource.labels.service_name", inputBytes: "httpRequest.requestSize", runtimeMs: "httpRequest.latency", outputBytes: "httpRequest.responseSize" } });
    expect(run.report.hints).toEqual(["rows: failed invocations train as any other; if httpRequest.status is the HTTP status, keep the successes: --where 'httpRequest.status < 400'"]);
    const wsk = await parseCsvTraces("name,input_bytes,duration_ms,statusCode\nf,1,2,0\nf,1,2,2\n", { columns: { function: "name" } });
    expect(wsk.report.hints).toBeUndefined();
  });

  it("not for a column of that name that holds no flag", async () => {
    const { report } = await parseCsvTraces("fn,input_bytes,runtime_ms,success\nf,1,2,most\n");
    expect(report.hints).toBeUndefined();
  });
});
