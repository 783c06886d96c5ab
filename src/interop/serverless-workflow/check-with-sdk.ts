/**
 * Checks a DSL 1.0.x document with `@serverlessworkflow/sdk` (loaded on first use). The SDK's
 * 1.0.1 release validates against the 1.0.0 schema and refuses other patch versions outright,
 * though its class constructors accept them; so the document is built with the constructor and
 * validated with `dsl` read as 1.0.0 (patch releases of the DSL keep the schema compatible).
 * Returns the SDK's complaints as report notes: a published document the SDK dislikes can still
 * be read, and what it said is shown.
 */
export async function checkWithSdk(doc: Record<string, unknown>): Promise<string[]> {
  const sdk = (await import("@serverlessworkflow/sdk")) as unknown as { default?: { Classes: SdkClasses }; Classes?: SdkClasses };
  const Classes = sdk.Classes ?? sdk.default?.Classes;
  if (Classes === undefined) return ["the Serverless Workflow SDK could not be loaded; the document was not schema-checked"];
  const document = { ...(doc.document as Record<string, unknown>), dsl: "1.0.0" };
  try {
    new Classes.Workflow({ ...doc, document }).validate();
    return [];
  } catch (e) {
    // Ajv lists every failed alternative of the task oneOf; the lines that are not about a
    // missing alternative say what is actually wrong.
    const lines = (e instanceof Error ? e.message : String(e)).split("\n").filter((l) => l.startsWith("- "));
    const telling = lines.filter((l) => !/required property|equal to constant|passingSchemas|must NOT be valid/.test(l));
    const shown = [...new Set((telling.length > 0 ? telling : lines).map((l) => l.slice(2).split(" | ").filter((_, i) => i !== 1).slice(0, 2).join(": ")))].slice(0, 3);
    return [`the SDK's 1.0.0 schema check reports: ${shown.join("; ") || "invalid"}`];
  }
}

interface SdkClasses {
  Workflow: new (model: unknown) => { validate(): void };
}
