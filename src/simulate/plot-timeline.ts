/**
 * A Gantt-style SVG of one simulated run: one row per VM slot lane (instances that overlapped on a
 * VM get their own lanes), a compute bar per instance, its reads (upper half) and writes (lower
 * half) coloured by mode, the app's own input/output in grey, fallbacks outlined in red; below,
 * the cache tier's occupancy as an area against its capacity. Plain SVG text, no dependencies.
 */
import type { TransferKind, SimulationReport } from "./types.js";

const COLORS: Readonly<Record<TransferKind, string>> = {
  "vm-local": "#4c9f70",
  direct: "#3b7dd8",
  remote: "#e07b39",
  cache: "#a64fc8",
  input: "#9a9a9a",
  output: "#6f6f6f",
};
const LEFT = 150;
const PLOT_W = 900;
const TOP = 56;
const AREA_H = 110;

export function renderTimelineSvg(report: SimulationReport): string {
  // A run report (execute()) has the same shape, marked measured.
  const measured = (report as { kind?: string }).kind === "measured";
  const span = Math.max(report.makespanMs, 1e-9);
  const x = (t: number) => LEFT + (Math.max(0, t) / span) * PLOT_W;

  // Lanes: per VM, greedy interval colouring in start order.
  const byVm = new Map<string, SimulationReport["instances"][number][]>();
  for (const i of report.instances) byVm.set(i.vm, [...(byVm.get(i.vm) ?? []), i]);
  // VMs by first start, ties in natural order (vm2 before vm10); the earliest start found by a loop, not a spread (VMs may hold 100,000s of instances).
  const firstStart = new Map<string, number>();
  for (const [vm, list] of byVm) firstStart.set(vm, list.reduce((m, i) => Math.min(m, i.startMs), Infinity));
  const vmOrder = [...byVm.keys()].sort((a, b) => firstStart.get(a)! - firstStart.get(b)! || a.localeCompare(b, "en", { numeric: true }));
  const rows: { vm: string; lane: number }[] = [];
  const rowOf = new Map<SimulationReport["instances"][number], number>();
  for (const vm of vmOrder) {
    const lanesEnd: number[] = [];
    const first = rows.length;
    for (const inst of [...byVm.get(vm)!].sort((a, b) => a.startMs - b.startMs || a.stageId.localeCompare(b.stageId) || a.index - b.index)) {
      let lane = lanesEnd.findIndex((end) => end <= inst.startMs + 1e-9);
      if (lane === -1) {
        lane = lanesEnd.length;
        lanesEnd.push(0);
        rows.push({ vm, lane });
      }
      lanesEnd[lane] = inst.finishMs;
      rowOf.set(inst, first + lane);
    }
  }
  const rowH = Math.max(2, Math.min(16, 2400 / Math.max(1, rows.length)));
  const ganttH = rows.length * rowH;
  const areaTop = TOP + ganttH + 40;
  const height = areaTop + AREA_H + 60;
  const width = LEFT + PLOT_W + 30;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height.toFixed(0)}" viewBox="0 0 ${width} ${height.toFixed(0)}" font-family="Helvetica, Arial, sans-serif" font-size="11">`);
  out.push(`<rect width="100%" height="100%" fill="white"/>`);
  out.push(`<text x="${LEFT}" y="20" font-size="14" font-weight="bold">${esc(report.dagName)} — ${measured ? "measured" : "simulated"} makespan ${(report.makespanMs / 1000).toFixed(2)} s, cost $${report.cost.totalUsd.toPrecision(4)}${measured ? "" : ` (seed ${report.seed})`}</text>`);
  // Legend.
  let lx = LEFT;
  for (const [kind, color] of Object.entries(COLORS)) {
    out.push(`<rect x="${lx}" y="30" width="12" height="10" fill="${color}"/><text x="${lx + 16}" y="39">${kind}</text>`);
    lx += 80;
  }
  out.push(`<rect x="${lx}" y="30" width="12" height="10" fill="#222"/><text x="${lx + 16}" y="39">compute</text>`);

  // Rows and VM labels.
  let lastVm = "";
  rows.forEach((r, k) => {
    const y = TOP + k * rowH;
    if (k % 2 === 0) out.push(`<rect x="${LEFT}" y="${y.toFixed(2)}" width="${PLOT_W}" height="${rowH.toFixed(2)}" fill="#f6f6f6"/>`);
    if (r.vm !== lastVm) {
      if (rowH >= 6 || k % Math.ceil(8 / rowH) === 0) out.push(`<text x="${LEFT - 6}" y="${(y + Math.min(rowH, 11)).toFixed(2)}" text-anchor="end" font-size="${Math.min(11, Math.max(7, rowH)).toFixed(0)}">${esc(r.vm)}</text>`);
      out.push(`<line x1="${LEFT}" x2="${LEFT + PLOT_W}" y1="${y.toFixed(2)}" y2="${y.toFixed(2)}" stroke="#ccc" stroke-width="0.5"/>`);
      lastVm = r.vm;
    }
  });
  for (const inst of report.instances) {
    const y = TOP + rowOf.get(inst)! * rowH;
    const h = Math.max(1, rowH - 1);
    out.push(`<rect x="${x(inst.startMs).toFixed(2)}" y="${y.toFixed(2)}" width="${Math.max(0.5, x(inst.finishMs) - x(inst.startMs)).toFixed(2)}" height="${h.toFixed(2)}" fill="none" stroke="#bbb" stroke-width="0.5"><title>${esc(`${inst.stageId}#${inst.index} on ${inst.vm}: ${inst.startMs.toFixed(0)}–${inst.finishMs.toFixed(0)} ms`)}</title></rect>`);
    out.push(`<rect x="${x(inst.computeStartMs).toFixed(2)}" y="${(y + h * 0.25).toFixed(2)}" width="${Math.max(0.5, x(inst.computeEndMs) - x(inst.computeStartMs)).toFixed(2)}" height="${(h * 0.5).toFixed(2)}" fill="#222"/>`);
    for (const t of inst.transfers) {
      const ty = t.direction === "read" ? y : y + h / 2;
      const stroke = t.fallback ? ` stroke="#d00" stroke-width="1"` : "";
      out.push(`<rect x="${x(t.startMs).toFixed(2)}" y="${ty.toFixed(2)}" width="${Math.max(0.5, x(t.endMs) - x(t.startMs)).toFixed(2)}" height="${(h / 2).toFixed(2)}" fill="${COLORS[t.kind]}" fill-opacity="0.85"${stroke}><title>${esc(`${t.edge} ${t.kind} ${t.direction}${t.fallback ? " (fallback)" : ""}: ${(t.bytes / 1e6).toFixed(2)} MB, ${t.requests} requests, ${t.startMs.toFixed(0)}–${t.endMs.toFixed(0)} ms`)}</title></rect>`);
    }
  }
  // Time axis.
  const axisY = TOP + ganttH + 4;
  out.push(`<line x1="${LEFT}" x2="${LEFT + PLOT_W}" y1="${axisY.toFixed(2)}" y2="${axisY.toFixed(2)}" stroke="#333"/>`);
  for (const t of ticks(span)) {
    out.push(`<line x1="${x(t).toFixed(2)}" x2="${x(t).toFixed(2)}" y1="${axisY.toFixed(2)}" y2="${(axisY + 4).toFixed(2)}" stroke="#333"/><text x="${x(t).toFixed(2)}" y="${(axisY + 15).toFixed(2)}" text-anchor="middle">${fmtS(t)}</text>`);
  }

  // Cache occupancy.
  const cap = report.cache.capacityBytes;
  const yMax = Math.max(report.cache.peakBytes, 1) * 1.1;
  const yScale = Math.min(yMax, Math.max(cap, report.cache.peakBytes) * 1.05);
  const ya = (b: number) => areaTop + AREA_H - (Math.min(b, yScale) / yScale) * AREA_H;
  out.push(`<text x="${LEFT - 6}" y="${(areaTop + 10).toFixed(2)}" text-anchor="end">cache tier</text>`);
  out.push(`<text x="${LEFT - 6}" y="${(areaTop + 24).toFixed(2)}" text-anchor="end" fill="#666">peak ${(report.cache.peakBytes / 1e6).toFixed(1)} MB</text>`);
  out.push(`<rect x="${LEFT}" y="${areaTop}" width="${PLOT_W}" height="${AREA_H}" fill="none" stroke="#ccc"/>`);
  const pts: string[] = [`${x(0).toFixed(2)},${ya(0).toFixed(2)}`];
  let prev = 0;
  for (const p of report.cache.occupancy) {
    pts.push(`${x(p.timeMs).toFixed(2)},${ya(prev).toFixed(2)}`, `${x(p.timeMs).toFixed(2)},${ya(p.bytes).toFixed(2)}`);
    prev = p.bytes;
  }
  pts.push(`${x(span).toFixed(2)},${ya(prev).toFixed(2)}`, `${x(span).toFixed(2)},${ya(0).toFixed(2)}`);
  out.push(`<polygon points="${pts.join(" ")}" fill="${COLORS.cache}" fill-opacity="0.45" stroke="${COLORS.cache}"/>`);
  if (cap <= yScale) out.push(`<line x1="${LEFT}" x2="${LEFT + PLOT_W}" y1="${ya(cap).toFixed(2)}" y2="${ya(cap).toFixed(2)}" stroke="#d00" stroke-dasharray="4 3"/><text x="${LEFT + PLOT_W - 4}" y="${(ya(cap) - 3).toFixed(2)}" text-anchor="end" fill="#d00">capacity ${(cap / 1e9).toFixed(2)} GB</text>`);
  else out.push(`<text x="${LEFT + PLOT_W - 4}" y="${(areaTop + 12).toFixed(2)}" text-anchor="end" fill="#666">capacity ${(cap / 1e9).toFixed(1)} GB (off scale)</text>`);
  out.push(`<text x="${LEFT + PLOT_W / 2}" y="${(areaTop + AREA_H + 30).toFixed(2)}" text-anchor="middle">time (s)</text>`);
  if (report.violations.length > 0) out.push(`<text x="${LEFT}" y="${(areaTop + AREA_H + 48).toFixed(2)}" fill="#d00">violations: ${esc(report.violations.map((v) => v.code).join(", "))}</text>`);
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}

function ticks(span: number): number[] {
  const raw = span / 8;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = 0; t <= span + 1e-9; t += step) out.push(t);
  return out;
}

function fmtS(ms: number): string {
  const s = ms / 1000;
  return s >= 10 ? s.toFixed(0) : s >= 1 ? s.toFixed(1) : s.toFixed(2);
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
