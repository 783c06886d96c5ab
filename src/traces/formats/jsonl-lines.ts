/**
 * JSON Lines (NDJSON) cut into records: one a line, blank lines skipped, a leading byte-order mark
 * and a trailing carriage return dropped. Whether a line holds a JSON object is decided later
 * (`json-record.ts`): the splitter only counts lines, holding the unfinished last line between chunks.
 *
 * Pretty-printed objects one after another (`jq` without `-c`, an API's JSON document saved as
 * `.json`) are records too: a line that opens an object it does not close is joined with the lines
 * after it until the braces balance (strings and escapes tracked). A line that starts with `{` at
 * its first column while an object is still open ends the open one there, so one broken line stays
 * one bad record instead of swallowing the file. A line that is a whole object is never scanned.
 */
import type { RecordSplitter, RecordText } from "./json-record-text.js";

export class JsonLinesSplitter implements RecordSplitter {
  private rest = "";
  private line = 0;
  /** An object spanning lines: its text so far, first line, and the scan state at its end. */
  private open: { parts: string[]; line: number } | undefined;
  private depth = 0;
  private inString = false;
  private escaped = false;

  push(chunk: string): RecordText[] {
    const out: RecordText[] = [];
    let from = 0;
    for (let nl = chunk.indexOf("\n"); nl >= 0; nl = chunk.indexOf("\n", from)) {
      const text = this.rest === "" ? chunk.slice(from, nl) : this.rest + chunk.slice(from, nl);
      this.rest = "";
      this.emit(text, out);
      from = nl + 1;
    }
    if (from < chunk.length) this.rest += chunk.slice(from);
    return out;
  }

  end(): RecordText[] {
    const out: RecordText[] = [];
    if (this.rest !== "") this.emit(this.rest, out);
    this.rest = "";
    this.closeOpen(out); // an object left open is one bad record
    return out;
  }

  private emit(raw: string, out: RecordText[]): void {
    this.line++;
    let text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (this.line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (this.open !== undefined) {
      if (!text.startsWith("{")) {
        this.open.parts.push(text);
        if (this.scan(text) === 0) this.closeOpen(out);
        return;
      }
      this.closeOpen(out); // a new object at the first column: the open one ends here
    }
    const t = text.trim();
    if (t === "") return;
    if (!t.startsWith("{") || t.endsWith("}")) {
      out.push({ text, line: this.line });
      return;
    }
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.open = { parts: [text], line: this.line };
    if (this.scan(text) === 0) this.closeOpen(out);
  }

  private closeOpen(out: RecordText[]): void {
    if (this.open === undefined) return;
    out.push({ text: this.open.parts.join("\n"), line: this.open.line });
    this.open = undefined;
  }

  /** Brace and bracket depth after `text`, strings and escapes tracked across lines. */
  private scan(text: string): number {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
      } else if (c === 0x22) this.inString = true;
      else if (c === 0x7b || c === 0x5b) this.depth++;
      else if (c === 0x7d || c === 0x5d) this.depth--;
    }
    return this.depth;
  }
}
