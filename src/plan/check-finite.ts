/**
 * No NaN or Infinity leaves the planner: the problem a solver is handed (stage terms, every edge
 * option's time and cost) and the plan it returns are checked, and a non-finite number is an
 * InputError naming where it is and the inputs it comes from (platform values 1e9 times off the
 * default, such as a NIC of 1e-300 bytes/s, or else the profile), never a plan with status "ok".
 */
import { InputError, issue, type Issue } from "../errors.js";
import type { Problem } from "../model/types.js";
import { AWS_DEFAULT_PLATFORM } from "../platform/aws-default.js";
import type { Platform } from "../platform/schema.js";
import type { Plan } from "./types.js";

/**
 * The platform fields far from the default platform's (more than 1e9 times larger or smaller):
 * the likely source of an overflow. Named with their values, e.g. "platform.vm.nicBytesPerSecond = 1e-300".
 */
export function extremePlatformFields(platform: Platform): string[] {
  const out: string[] = [];
  for (const section of ["vm", "objectStore", "cache", "billing"] as const) {
    const mine = platform[section] as Readonly<Record<string, unknown>>;
    const base = AWS_DEFAULT_PLATFORM[section] as Readonly<Record<string, unknown>>;
    for (const [key, value] of Object.entries(mine)) {
      const ref = base[key];
      if (typeof value !== "number" || typeof ref !== "number" || ref === 0) continue;
      const ratio = Math.abs(value / ref);
      if (!(ratio >= 1e-9 && ratio <= 1e9)) out.push(`platform.${section}.${key} = ${value}`);
    }
  }
  return out;
}

function sourceOf(problem: Problem, fallback: string): string {
  const extreme = extremePlatformFields(problem.platform);
  return extreme.length > 0 ? extreme.join(", ") : fallback;
}

/** A path as a chain of links to its parent: built only for the numbers that are not finite. */
interface PathLink {
  readonly parent: PathLink | undefined;
  readonly key: string | number;
}

function pathOf(link: PathLink | undefined): (string | number)[] {
  const out: (string | number)[] = [];
  for (let l = link; l !== undefined; l = l.parent) out.push(l.key);
  return out.reverse();
}

/**
 * Paths (relative to `value`) of every non-finite number in it, walked iteratively in key order;
 * at most `limit`. Plans of 10,000 stages hold millions of numbers, so a path is a link to its
 * parent's and becomes an array only when it is reported.
 */
export function nonFinitePaths(value: unknown, limit = 5): (string | number)[][] {
  const out: (string | number)[][] = [];
  const values: unknown[] = [value];
  const links: (PathLink | undefined)[] = [undefined];
  while (values.length > 0 && out.length < limit) {
    const v = values.pop();
    const link = links.pop();
    if (typeof v === "number") {
      if (!Number.isFinite(v)) out.push(pathOf(link));
    } else if (typeof v !== "object" || v === null) {
      continue;
    } else if (v instanceof Map) {
      const entries = [...v.entries()];
      for (let i = entries.length - 1; i >= 0; i--) {
        values.push(entries[i]![1]);
        links.push({ parent: link, key: String(entries[i]![0]) });
      }
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        if (typeof v[i] === "number" && Number.isFinite(v[i])) continue;
        values.push(v[i]);
        links.push({ parent: link, key: i });
      }
    } else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const x = (v as Record<string, unknown>)[keys[i]!];
        if (typeof x === "number" && Number.isFinite(x)) continue;
        if (typeof x !== "number" && (typeof x !== "object" || x === null)) continue;
        values.push(x);
        links.push({ parent: link, key: keys[i]! });
      }
    }
  }
  return out;
}

const shown = (path: readonly (string | number)[]) => path.join(".");

/** Throws if a stage term or an edge option of the problem is not finite. */
export function checkFiniteProblem(problem: Problem): void {
  const issues: Issue[] = [];
  for (const [id, terms] of problem.stages) {
    for (const p of nonFinitePaths(terms)) {
      issues.push(issue("plan.nonFinite", { path: ["stages", id, ...p], actual: String(p.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], terms)), params: { quantity: `stage ${id}'s ${shown(p)}`, source: sourceOf(problem, `the profile of ${problem.dag.stageById.get(id)?.function ?? id} at this input size`) } }));
    }
  }
  for (const c of problem.edges) {
    for (const option of c.options) {
      const { terms: _explanationOnly, ...priced } = option;
      for (const p of nonFinitePaths(priced, 1)) {
        issues.push(issue("plan.nonFinite", { path: ["edges", `${c.from}->${c.to}`, option.mode, ...p], actual: String(p.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], priced)), params: { quantity: `the ${option.mode} transfer's ${shown(p)} on edge ${c.from}->${c.to}`, source: sourceOf(problem, `the bytes the edge carries (from ${c.from}'s profile)`) } }));
      }
    }
  }
  if (issues.length > 0) throw new InputError("Cannot plan: a prediction is not a finite number", issues.slice(0, 10));
}

/** The last guard: no number in the plan is NaN or ±Infinity. */
export function checkFinitePlan(plan: Plan): Plan {
  const { budgetUsd: _b, deadlineMs: _d, ...numbers } = plan;
  const bad = nonFinitePaths(numbers);
  if (bad.length > 0) {
    throw new InputError(
      "Cannot plan: a result is not a finite number",
      bad.map((p) => issue("plan.nonFinite", { path: ["plan", ...p], actual: String(p.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], numbers)), params: { quantity: `the plan's ${shown(p)}`, source: "sums of very large predicted times or costs; check the profiles and the platform for extreme values" } })),
    );
  }
  return plan;
}
