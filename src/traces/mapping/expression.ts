/**
 * Expressions over a row's columns, for derived fields (`(end - start) * 1000`, `blob.download +
 * blob.upload`) and row filters (`is_cold == 0 and func != "warmup"`). mathjs parses the text (loaded
 * on first use); this file compiles the parse tree into a closure over the row's cells, allowing
 * only what a trace needs: numbers, strings, true/false, column names (dotted names such as
 * `blob.download` are one column; any spelling of a header works, see names.ts), + − × ÷ %,
 * comparisons, and/or/not, `c ? a : b`, and min, max, abs, round, floor, ceil. Where arithmetic or
 * an order comparison needs a number, an ISO 8601 date-time cell is its seconds since the epoch
 * (timestamp.ts), so `(end - start) * 1000` is milliseconds for epoch-second and text times alike.
 *
 * A name that is no header, or an unsupported construct, is a compile error naming it. At run time a
 * cell that is not a number where arithmetic needs one throws a CellError naming the column; an
 * empty cell makes the result missing (undefined), so the row simply lacks that field.
 */
import { CellError, cellValue, type CellValue } from "./cell-value.js";
import { jsonCellPath, valueInJsonCell } from "./json-cell.js";
import { normaliseName } from "./names.js";
import { timestampSeconds } from "./timestamp.js";

export type CompiledExpression = (row: readonly string[]) => CellValue;

export class ExpressionError extends Error {
  /** `column`: the expression names a column the header lacks (`column` holds the name). */
  constructor(message: string, readonly expected: string, readonly actual: string, readonly column?: string) {
    super(message);
  }
}

type Node = { type: string; [k: string]: unknown };
type Compiled = { run: CompiledExpression; column?: string };

const FUNCTIONS: Readonly<Record<string, (xs: number[]) => number>> = {
  min: (xs) => Math.min(...xs),
  max: (xs) => Math.max(...xs),
  abs: (xs) => Math.abs(xs[0]!),
  round: (xs) => Math.round(xs[0]!),
  floor: (xs) => Math.floor(xs[0]!),
  ceil: (xs) => Math.ceil(xs[0]!),
};
const ARITHMETIC: Readonly<Record<string, (a: number, b: number) => number>> = {
  add: (a, b) => a + b, subtract: (a, b) => a - b, multiply: (a, b) => a * b, divide: (a, b) => a / b, mod: (a, b) => a % b,
};
const ORDER: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  smaller: (a, b) => a < b, smallerEq: (a, b) => a <= b, larger: (a, b) => a > b, largerEq: (a, b) => a >= b,
};
const TRUE_WORDS = new Set(["true", "yes", "y", "cold", "t"]);
const FALSE_WORDS = new Set(["false", "no", "n", "warm", "f"]);

function dottedName(node: Node): string | undefined {
  if (node.type === "SymbolNode") return node.name as string;
  if (node.type !== "AccessorNode") return undefined;
  const base = dottedName(node.object as Node);
  const dims = ((node.index as Node).dimensions as Node[]) ?? [];
  if (base === undefined || dims.length !== 1 || dims[0]!.type !== "ConstantNode" || typeof dims[0]!.value !== "string") return undefined;
  return `${base}.${dims[0]!.value}`;
}

/** A value as a truth value: booleans, 0/1, and the flag words of cold columns. */
export function truthOf(v: CellValue, column: string): boolean | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const w = v.toLowerCase();
  if (TRUE_WORDS.has(w)) return true;
  if (FALSE_WORDS.has(w)) return false;
  throw new CellError(column, "true/false, 1/0, yes/no or cold/warm", JSON.stringify(v));
}

function numberOf(v: CellValue, column: string): number | undefined {
  if (v === undefined || typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const seconds = timestampSeconds(v);
  if (seconds !== undefined) return seconds;
  throw new CellError(column, "a number or an ISO 8601 date-time", JSON.stringify(v));
}

function equal(a: CellValue, b: CellValue, column: string): boolean | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (typeof a === "boolean" || typeof b === "boolean") return truthOf(a, column) === truthOf(b, column);
  if (typeof a === "number" && typeof b === "number") return a === b;
  return String(a) === String(b);
}

/** Compiles `text` against a header. Throws ExpressionError for a syntax error, an unknown name or construct. */
export async function compileExpression(text: string, header: readonly string[]): Promise<CompiledExpression> {
  const { parse } = await import("mathjs");
  let root: Node;
  try {
    root = parse(text) as unknown as Node;
  } catch (e) {
    throw new ExpressionError(`cannot parse the expression (${(e as Error).message})`, "an expression such as (end - start) * 1000", JSON.stringify(text));
  }
  const byName = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normaliseName(h);
    if (!byName.has(key)) byName.set(key, i);
  });
  const label = JSON.stringify(text);

  const compile = (node: Node): Compiled => {
    const name = dottedName(node);
    if (name !== undefined) {
      if (name === "true" || name === "false") return { run: () => name === "true" };
      const index = byName.get(normaliseName(name));
      if (index !== undefined) return { run: (row) => cellValue(row[index]), column: header[index]! };
      // a key inside a column of JSON text (json-cell.ts): customDimensions.Category
      const inJson = jsonCellPath(name, (c) => byName.get(normaliseName(c)) ?? -1);
      if (inJson === undefined) throw new ExpressionError(`the expression refers to ${JSON.stringify(name)}, which is not a column`, `one of ${header.join(", ")}`, JSON.stringify(name), name);
      const column = header[inJson.index]!;
      return { run: (row) => valueInJsonCell(row[inJson.index], inJson.keys, column), column };
    }
    switch (node.type) {
      case "ConstantNode": {
        const v = node.value as CellValue;
        return { run: () => v };
      }
      case "ParenthesisNode":
        return compile(node.content as Node);
      case "ConditionalNode": {
        const c = compile(node.condition as Node), a = compile(node.trueExpr as Node), b = compile(node.falseExpr as Node);
        const col = c.column ?? label;
        return { run: (row) => { const t = truthOf(c.run(row), col); return t === undefined ? undefined : t ? a.run(row) : b.run(row); } };
      }
      case "FunctionNode": {
        const fname = ((node.fn as Node).name as string | undefined) ?? "";
        const f = FUNCTIONS[fname];
        if (f === undefined) throw new ExpressionError(`unknown function ${fname}`, Object.keys(FUNCTIONS).join(", "), fname);
        const args = (node.args as Node[]).map(compile);
        return { run: (row) => { const xs: number[] = []; for (const a of args) { const v = numberOf(a.run(row), a.column ?? label); if (v === undefined) return undefined; xs.push(v); } return f(xs); } };
      }
      case "OperatorNode": {
        const fn = node.fn as string;
        const args = (node.args as Node[]).map(compile);
        const [a, b] = args as [Compiled, Compiled | undefined];
        const ca = a.column ?? label, cb = b?.column ?? label;
        if (fn === "unaryMinus" || fn === "unaryPlus") return { run: (row) => { const v = numberOf(a.run(row), ca); return v === undefined ? undefined : fn === "unaryMinus" ? -v : v; } };
        if (fn === "not") return { run: (row) => { const t = truthOf(a.run(row), ca); return t === undefined ? undefined : !t; } };
        if (b === undefined) break;
        const arith = ARITHMETIC[fn];
        if (arith !== undefined) return { run: (row) => { const x = numberOf(a.run(row), ca), y = numberOf(b.run(row), cb); return x === undefined || y === undefined ? undefined : arith(x, y); } };
        const order = ORDER[fn];
        if (order !== undefined) return { run: (row) => { const x = numberOf(a.run(row), ca), y = numberOf(b.run(row), cb); return x === undefined || y === undefined ? undefined : order(x, y); } };
        if (fn === "equal" || fn === "unequal") return { run: (row) => { const e = equal(a.run(row), b.run(row), a.column ?? cb); return e === undefined ? undefined : fn === "equal" ? e : !e; } };
        if (fn === "and" || fn === "or") return { run: (row) => { const x = truthOf(a.run(row), ca), y = truthOf(b.run(row), cb); return x === undefined || y === undefined ? undefined : fn === "and" ? x && y : x || y; } };
        break;
      }
    }
    throw new ExpressionError(`unsupported in a trace expression: ${String((node as { toString(): string }).toString())}`, "numbers, columns, + - * / %, comparisons, and/or/not, c ? a : b, min/max/abs/round/floor/ceil", node.type);
  };
  return compile(root).run;
}
