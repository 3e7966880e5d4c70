import { get, APIError, Series } from "../api";
import { barChart, seriesChart } from "../charts";
import { esc, num, words } from "../format";
import type { Page } from "../main";

export async function dashboard(p: Page) {
  const [stats, types, cats, startups, events, sources] = await Promise.all([
    get("/api/v1/stats"),
    get("/api/v1/entities?group_by=type"),
    get("/api/v1/entities?filter=type:organization&group_by=category"),
    get("/api/v1/indicators?subject=hong-kong").catch(() => ({ results: [] })),
    get("/api/v1/statements?kind=event&limit=5000").catch(() => ({ results: [] })),
    get("/api/v1/sources?limit=8").catch(() => ({ results: [] })),
  ]);
  const series: Series[] = startups.results.filter((s: Series) => s.metric === "startup_count" || s.metric === "startup_employment");
  p.app.innerHTML = `
    <h1>Hong Kong innovation network</h1>
    <p class="lede">${num(stats.entities)} entities, ${num(stats.statements)} sourced statements from ${num(stats.sources)} sources.</p>
    <section class="grid2">
      <div class="card"><h2>Entities by type</h2>${barChart(types.group_by.map((g: any) => ({ label: g.key, value: g.count, href: `/search?type=${g.key}` })), { title: "entities by type" })}</div>
      <div class="card"><h2>Organisations by category</h2>${barChart(cats.group_by.map((g: any) => ({ label: words(g.key || "none"), value: g.count, href: `/search?type=organization&category=${g.key}` })), { title: "organisations by category" })}</div>
    </section>
    <section class="grid2">
      ${series.map((s) => `<div class="card"><h2>${esc(words(s.metric))} in ${esc(s.subject_name)}</h2>${seriesChart(s.points, s.metric)}
        <p class="muted small">Notes are year-on-year changes (computed, or as the source reported). Source of the latest value:
        ${sourceLink(s.points[s.points.length - 1]?.source)}</p></div>`).join("") || `<div class="card"><p class="muted">No startup series yet.</p></div>`}
    </section>
    <section class="grid2">
      <div class="card"><h2>Most central organisations</h2><ol id="central" class="ranked"><li class="muted">Computing…</li></ol></div>
      <div class="card"><h2>Cross-border bridges</h2><ol id="bridges" class="ranked"><li class="muted">Computing…</li></ol></div>
    </section>
    <section class="grid2">
      <div class="card"><h2>Timeline</h2>${timeline(events.results)}</div>
      <div class="card"><h2>Latest sources</h2><ul class="plain">${sources.results.map((s: any) => `<li>${sourceLink(s)}${s.published ? ` <small class="muted">${esc(s.published)}</small>` : ""}</li>`).join("")}</ul></div>
    </section>`;
  ranked("central", "/api/v1/analytics/pagerank?limit=10&filter=type:organization", (r) => `PageRank ${r.score.toFixed(4)}`);
  ranked("bridges", "/api/v1/analytics/bridges?limit=10", (r) => `${r.cross_edges} cross-border links · reaches ${esc(r.reaches)}`);
}

function sourceLink(s: any): string {
  if (!s) return "";
  const title = esc(s.title || s.url || s.id);
  return s.url ? `<a href="${esc(s.url)}" target="_blank" rel="noopener">${title}</a>` : title;
}

async function ranked(id: string, path: string, detail: (r: any) => string) {
  const el = document.getElementById(id);
  if (!el) return;
  try {
    const res = await get(path);
    el.innerHTML = res.results.map((r: any) => `<li><a href="/entities/${encodeURIComponent(r.id)}">${esc(r.name)}</a> <small class="muted">${detail(r)}</small></li>`).join("");
  } catch (err) {
    el.innerHTML = `<li class="muted">${err instanceof APIError && err.status === 404 ? "Not available on this server yet." : esc((err as Error).message)}</li>`;
  }
}

export function timeline(events: any[], limit = 14): string {
  const dated = events.filter((e) => e.date).sort((a, b) => (b.date as string).localeCompare(a.date)).slice(0, limit);
  if (!dated.length) return `<p class="muted">No dated events.</p>`;
  return `<ol class="timeline">${dated.map((e) => `<li><time>${esc(e.date)}</time> <a href="/entities/${encodeURIComponent(e.subject)}">${esc(e.subject_name ?? e.subject)}</a> ${esc(e.predicate)}${e.evidence ? `<details><summary>evidence</summary><q>${esc(e.evidence)}</q></details>` : ""}</li>`).join("")}</ol>`;
}
