/**
 * JSON Lines (NDJSON) cut into records: one a line, blank lines skipped, a leading byte-order mark
 * and a trailing carriage return dropped. Whether a line holds a JSON object is decided later
 * (`json-record.ts`): the splitter only counts lines, holding the unfinished last line between chunks.
 */
import type { RecordSplitter, RecordText } from "./json-record-text.js";

export class JsonLinesSplitter implements RecordSplitter {
  private rest = "";
  private line = 0;

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
    return out;
  }

  private emit(raw: string, out: RecordText[]): void {
    this.line++;
    let text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (this.line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() !== "") out.push({ text, line: this.line });
  }
}
