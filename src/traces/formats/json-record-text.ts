/**
 * The text of one JSON record and the line it starts on, as a splitter cuts it from a stream of
 * chunks (JSON Lines: one a line, `jsonl-lines.ts`; one top-level array: one an element,
 * `json-array-elements.ts`). A splitter holds at most one record's text between chunks.
 */

export interface RecordText {
  readonly text: string;
  /** 1-based line the record starts on (for error messages). */
  readonly line: number;
}

export interface RecordSplitter {
  /** The records completed by this chunk, in order. */
  push(chunk: string): RecordText[];
  /** The records left when the input ends; a structure left open is a typed error. */
  end(): RecordText[];
}
