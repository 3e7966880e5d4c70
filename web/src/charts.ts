// Charts drawn as SVG strings: a line chart for series over periods and a horizontal bar chart
// for counts. No library: the numbers are few and the markup is easy to test.
import { esc, num, pct } from "./format";

export interface LinePoint { label: string; value: number; note?: string }

export function lineChart(points: LinePoint[], opts: { title?: string; width?: number; height?: number } = {}): string {
  const w = opts.width ?? 560, h = opts.height ?? 220, pad = { l: 56, r: 34, t: 24, b: 32 };
  if (points.length === 0) return `<p class="muted">No values.</p>`;
  const max = Math.max(...points.map((p) => p.value)) * 1.1 || 1;
  const x = (i: number) => pad.l + (points.length === 1 ? (w - pad.l - pad.r) / 2 : (i * (w - pad.l - pad.r)) / (points.length - 1));
  const y = (v: number) => h - pad.b - (v / max) * (h - pad.t - pad.b);
  const path = points.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const ticks = [0, 0.5, 1].map((f) => {
    const v = max * f;
    return `<line x1="${pad.l}" x2="${w - pad.r}" y1="${y(v)}" y2="${y(v)}" class="grid"/><text x="${pad.l - 6}" y="${y(v) + 4}" text-anchor="end">${esc(num(Math.round(v)))}</text>`;
  });
  const dots = points.map((p, i) =>
    `<g class="pt"><circle cx="${x(i)}" cy="${y(p.value)}" r="4"><title>${esc(p.label)}: ${esc(num(p.value))}${p.note ? " " + esc(p.note) : ""}</title></circle>` +
    `<text x="${x(i)}" y="${h - pad.b + 18}" text-anchor="middle">${esc(p.label)}</text>` +
    (p.note ? `<text x="${x(i)}" y="${y(p.value) - 10}" text-anchor="middle" class="note">${esc(p.note)}</text>` : "") + `</g>`);
  return `<svg class="chart line" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(opts.title ?? "chart")}">` +
    ticks.join("") + `<path d="${path}" class="series"/>` + dots.join("") + `</svg>`;
}

export interface Bar { label: string; value: number; href?: string }

export function barChart(bars: Bar[], opts: { title?: string; width?: number } = {}): string {
  if (bars.length === 0) return `<p class="muted">Nothing to count.</p>`;
  const w = opts.width ?? 420, row = 22, label = 130, h = bars.length * row + 8;
  const max = Math.max(...bars.map((b) => b.value)) || 1;
  const rows = bars.map((b, i) => {
    const bw = ((w - label - 60) * b.value) / max;
    const text = `<text x="${label - 6}" y="${i * row + 16}" text-anchor="end">${esc(b.label)}</text>`;
    return (b.href ? `<a href="${esc(b.href)}">${text}</a>` : text) +
      `<rect x="${label}" y="${i * row + 4}" width="${bw.toFixed(1)}" height="${row - 8}" rx="3"/>` +
      `<text x="${label + bw + 6}" y="${i * row + 16}">${esc(num(b.value))}</text>`;
  });
  return `<svg class="chart bars" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(opts.title ?? "counts")}">${rows.join("")}</svg>`;
}

// seriesChart draws an indicator series with its year-on-year changes as notes.
export function seriesChart(points: { period: string; value?: number; yoy_percent?: number; change_percent?: number }[], title: string): string {
  const pts = points.filter((p) => p.value != null).map((p) => ({
    label: p.period, value: p.value!, note: pct(p.yoy_percent ?? p.change_percent),
  }));
  return lineChart(pts, { title });
}
