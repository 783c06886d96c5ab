/**
 * A start and an end time in a trace's header, and the unit their cells are in. Harnesses write an
 * invocation's times rather than its duration (SeBS-Flow's `start`/`end`, `startTime`/`endTime`,
 * `started_at`/`finished_at`); the pair is found by name, one word told apart (start/begin against
 * end/finish/stop/complete), and its cells are read as seconds: ISO 8601 text as such
 * (timestamp.ts), numbers by the epoch magnitude they show — 1.7e9 is seconds, 1.7e12 milliseconds,
 * 1.7e15 microseconds, 1.7e18 nanoseconds (a time of the years 2000–2099 in one of them). Times that
 * are no epoch (offsets from a run's start), and pairs named as positions (`range_start`), have no
 * unit to read, and the pair is left to an explicit expression.
 */
import { cellValue } from "./cell-value.js";
import { normaliseName } from "./names.js";
import { timestampSeconds } from "./timestamp.js";

const START_WORDS: ReadonlySet<string> = new Set(["start", "started", "starting", "begin", "began", "beginning"]);
const END_WORDS: readonly string[] = ["end", "ended", "ending", "finish", "finished", "stop", "stopped", "complete", "completed"];
/** Words that make a start/end pair positions, not times (`range_start`, `byte_offset_start`). */
const NOT_TIMES: ReadonlySet<string> = new Set(["byte", "bytes", "offset", "range", "pos", "position", "index", "idx", "line", "row", "page", "chunk", "part", "seq"]);

export interface TimePair {
  readonly start: number;
  readonly end: number;
}

/** The first start/end column pair whose names differ in one word only (`start_time`/`end_time`), or undefined. */
export function findTimePair(header: readonly string[]): TimePair | undefined {
  const names = header.map(normaliseName);
  for (const [start, name] of names.entries()) {
    const words = name.split("_");
    if (words.some((w) => NOT_TIMES.has(w))) continue;
    for (const [k, w] of words.entries()) {
      if (!START_WORDS.has(w)) continue;
      for (const e of END_WORDS) {
        const partner = [...words.slice(0, k), e, ...words.slice(k + 1)].join("_");
        const end = names.indexOf(partner);
        if (end >= 0 && end !== start) return { start, end };
      }
    }
  }
  return undefined;
}

/** 2000-01-01 and 2100-01-01 in epoch seconds: a start or end time outside them is taken for no epoch. */
const EPOCH_SECONDS_FROM = 946_684_800;
const EPOCH_SECONDS_TO = 4_102_444_800;

/** Seconds per unit of epoch times of this magnitude (1, 1e-3, 1e-6, 1e-9), or undefined when it is no time of the years 2000–2099 in any of them. */
function epochSecondsPerUnit(value: number): number | undefined {
  return [1, 1e-3, 1e-6, 1e-9].find((perUnit) => value * perUnit >= EPOCH_SECONDS_FROM && value * perUnit < EPOCH_SECONDS_TO);
}

export type TimeCells = "iso" | { readonly secondsPerUnit: number };

/** An ISO text or an epoch number; "no time" for other text (a bad cell, counted when rows are read); undefined for a number of no epoch magnitude. */
function kindOf(v: number | string | boolean): TimeCells | "no time" | undefined {
  if (typeof v !== "number") return typeof v === "string" && timestampSeconds(v) !== undefined ? "iso" : "no time";
  const secondsPerUnit = epochSecondsPerUnit(v);
  return secondsPerUnit === undefined ? undefined : { secondsPerUnit };
}

/**
 * How the pair's cells read as seconds, from sample rows: ISO text, or numbers of one epoch
 * magnitude in every sampled start and end (text that is no time is passed over: it is a bad cell
 * of its row). Undefined when the sample has no such cell, has a number of no epoch magnitude, or
 * mixes kinds or magnitudes.
 */
export function timeCellsOf(pair: TimePair, sample: readonly (readonly string[])[]): TimeCells | undefined {
  let kind: TimeCells | undefined;
  let seen = 0;
  for (const row of sample) {
    for (const index of [pair.start, pair.end]) {
      const v = cellValue(row[index]);
      if (v === undefined) continue;
      const here = kindOf(v);
      if (here === "no time") continue;
      if (here === undefined) return undefined;
      if (kind === undefined) kind = here;
      else if (kind === "iso" ? here !== "iso" : here === "iso" || here.secondsPerUnit !== kind.secondsPerUnit) return undefined;
      seen++;
    }
  }
  return seen > 0 ? kind : undefined;
}

/** A time cell in seconds since the epoch as `cells` reads it; undefined for an empty or unreadable cell. */
export function cellSeconds(raw: string | undefined, cells: TimeCells): number | undefined {
  const v = cellValue(raw);
  if (v === undefined) return undefined;
  if (cells === "iso") return typeof v === "string" ? timestampSeconds(v) : undefined;
  return typeof v === "number" ? v * cells.secondsPerUnit : undefined;
}

/** `epoch seconds`, `epoch ms`, `ISO 8601`: how the times were read, for the mapping's summary. */
export function describeTimeCells(cells: TimeCells): string {
  if (cells === "iso") return "ISO 8601";
  const unit = new Map([[1, "s"], [1e-3, "ms"], [1e-6, "µs"], [1e-9, "ns"]]).get(cells.secondsPerUnit);
  return `epoch ${unit}`;
}
