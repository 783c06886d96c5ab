/** Renders docs/errors.md from the catalogue: every code with its category, exit code, message, expected value and hint. */
import { CATALOGUE } from "./catalogue/index.js";
import { CATEGORY_TITLES, ERROR_CATEGORIES, EXIT_CODES, type CatalogueEntry } from "./entry.js";

const AREAS: readonly [number, string][] = [
  [1000, "Options"],
  [1200, "Command line"],
  [2000, "DAG"],
  [3000, "Platform"],
  [4000, "Profiles"],
  [5000, "Traces and column maps"],
  [6000, "Planning"],
  [6500, "MILP layer"],
  [7000, "Simulator"],
  [7500, "Execution"],
  [7900, "Workloads"],
  [8000, "Files and streams"],
  [8500, "Interop"],
  [9000, "Internal invariants"],
];

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const numberOf = (e: CatalogueEntry) => Number(e.code.slice(3));

export function renderErrorsDoc(): string {
  const entries = Object.entries(CATALOGUE as Readonly<Record<string, CatalogueEntry>>).sort(([, a], [, b]) => numberOf(a) - numberOf(b));
  const out: string[] = [
    "# Errors",
    "",
    "<!-- Generated from src/errors/catalogue/ by `npm run docs:errors`; do not edit by hand. -->",
    "",
    "Every error Sluice raises has a stable code from one catalogue. An error lists its issues, each as",
    "`CODE path: message; expected …; got …` followed by a hint, e.g.",
    "",
    "```",
    "Invalid DAG: 1 issue",
    '  - SLU2010 stages.2.id: duplicate stage id; expected unique stage ids; got "map"',
    "    hint: Rename one of the stages; edges refer to stages by id.",
    "```",
    "",
    "In code, catch `InputError` (your input), `IoError` (an output or backend) or `InvariantError` (a bug",
    "in Sluice); each has `code`, `category`, `exitCode` and `issues` (each issue with `code`, `path`,",
    "`message`, `expected`, `actual`, `hint`). `{name}` in a message is filled in where the error is raised.",
    "",
    "## Exit codes",
    "",
    "The CLI exits with the category's code (sysexits); 0 is success and 3 means no plan meets the limits",
    "(the closest plan is printed).",
    "",
    "| category | exit code | meaning |",
    "|---|---:|---|",
    ...ERROR_CATEGORIES.map((c) => `| ${c} | ${EXIT_CODES[c]} | ${CATEGORY_TITLES[c]} |`),
    "",
  ];
  AREAS.forEach(([start, title], i) => {
    const end = AREAS[i + 1]?.[0] ?? 10_000;
    const rows = entries.filter(([, e]) => numberOf(e) >= start && numberOf(e) < end);
    if (rows.length === 0) return;
    out.push(`## ${title} (SLU${start}–SLU${end - 1})`, "", "| code | key | category (exit) | message | expected | hint |", "|---|---|---|---|---|---|");
    for (const [key, e] of rows) {
      out.push(`| ${e.code} | \`${key}\` | ${e.category} (${EXIT_CODES[e.category]}) | ${cell(e.message)} | ${cell(e.expected ?? "")} | ${cell(e.hint)} |`);
    }
    out.push("");
  });
  return out.join("\n");
}
