/**
 * One top-level JSON array cut into its elements' texts as chunks arrive, so a `.json` export of
 * `[{…}, {…}, …]` streams like JSON Lines: memory holds one element, never the array. The scanner
 * tracks only strings (with escapes) and bracket depth; each element's text is parsed later
 * (`json-record.ts`), so a bad element is one bad record, skippable like a bad line. The array's
 * own structure (no opening `[`, text after the closing `]`, an array left open) is a typed error
 * naming file and line. A trailing comma before `]` is tolerated.
 */
import { show, sluiceError } from "../../errors.js";
import type { RecordSplitter, RecordText } from "./json-record-text.js";

const NEWLINE = 0x0a, QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c;
const OPEN_ARRAY = 0x5b, CLOSE_ARRAY = 0x5d, OPEN_OBJECT = 0x7b, CLOSE_OBJECT = 0x7d;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xfeff;
}

type State = "before" | "open" | "element" | "comma" | "after";

export class JsonArraySplitter implements RecordSplitter {
  private state: State = "before";
  private line = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The current element's text from earlier chunks. */
  private parts: string[] = [];
  private startLine = 0;

  constructor(private readonly file: string) {}

  private fail(reason: string, actual: string): never {
    throw sluiceError("traces.malformedJsonArray", { path: [this.file, `line ${this.line}`], actual, params: { reason } }, { what: `Cannot read ${this.file}` });
  }

  push(chunk: string): RecordText[] {
    const out: RecordText[] = [];
    let from = this.state === "element" ? 0 : -1;
    const finish = (to: number) => {
      this.parts.push(chunk.slice(from, to));
      out.push({ text: this.parts.join(""), line: this.startLine });
      this.parts = [];
      from = -1;
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === NEWLINE) this.line++;
      if (this.state === "element") {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === BACKSLASH) this.escaped = true;
          else if (c === QUOTE) this.inString = false;
        } else if (c === QUOTE) this.inString = true;
        else if (c === OPEN_OBJECT || c === OPEN_ARRAY) this.depth++;
        else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && this.depth > 0) this.depth--;
        else if (c === CLOSE_ARRAY) {
          finish(i);
          this.state = "after";
        } else if (c === COMMA && this.depth === 0) {
          finish(i);
          this.state = "comma";
        }
        continue;
      }
      if (isBlank(c)) continue;
      if (this.state === "before") {
        if (c !== OPEN_ARRAY) this.fail("the file does not open with [", show(chunk.slice(i, i + 20)));
        this.state = "open";
      } else if (this.state === "after") {
        this.fail("text after the array's closing ]", show(chunk.slice(i, i + 20)));
      } else if (c === CLOSE_ARRAY) {
        this.state = "after"; // `[]`, or a trailing comma before ]
      } else {
        this.state = "element";
        this.depth = 0;
        this.inString = false;
        this.escaped = false;
        this.startLine = this.line;
        from = i;
        i--; // read this character again as the element's first
      }
    }
    if (from >= 0) this.parts.push(chunk.slice(from));
    return out;
  }

  end(): RecordText[] {
    if (this.state === "open" || this.state === "comma" || this.state === "element") this.fail("the array is not closed: the file ends inside it", "the end of the file");
    return [];
  }
}
