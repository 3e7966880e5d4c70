import { get, Series } from "../api";
import { seriesChart } from "../charts";
import { esc, num, pct, words } from "../format";
import type { Page } from "../main";

export async function indicators(p: Page, q: URLSearchParams) {
  const res = await get("/api/v1/indicators");
  const all: Series[] = res.results;
  const subjects = [...new Map(all.map((s) => [s.subject, s.subject_name])).entries()];
  const subject = q.get("subject") ?? (subjects.find(([id]) => id === "hong-kong")?.[0] ?? subjects[0]?.[0] ?? "");
  const shown = all.filter((s) => s.subject === subject);
  p.app.innerHTML = `
    <h1>Indicators</h1>
    <form class="controls"><label>Subject <select id="subject">${subjects.map(([id, name]) => `<option value="${esc(id)}" ${id === subject ? "selected" : ""}>${esc(name)}</option>`).join("")}</select></label>
      <span class="muted small">${all.length} series about ${subjects.length} subjects</span></form>
    ${shown.map((s) => `<section class="card"><h2>${esc(words(s.metric))}${s.object_name ? " to " + esc(s.object_name) : ""} <small class="muted">${esc(s.unit ?? "")}</small></h2>
      ${seriesChart(s.points, s.metric)}
      <table><thead><tr><th>Period</th><th>Value</th><th>Year on year</th><th>Reported change</th><th>Source</th></tr></thead><tbody>
      ${s.points.map((pt) => `<tr><td>${esc(pt.period)}</td><td>${pt.qualifier && pt.qualifier !== "exact" ? esc(words(pt.qualifier)) + " " : ""}${num(pt.value)}</td>
        <td>${pct(pt.yoy_percent)}</td><td>${pct(pt.change_percent)}${pt.base_period ? ` on ${esc(pt.base_period)}` : ""}</td>
        <td>${pt.source.url ? `<a href="${esc(pt.source.url)}" target="_blank" rel="noopener">${esc(pt.source.title || pt.source.url)}</a>` : esc(pt.source.title ?? pt.source.id)}</td></tr>`).join("")}
      </tbody></table></section>`).join("") || `<p class="muted">No metric series yet.</p>`}`;
  document.getElementById("subject")?.addEventListener("change", (e) => p.go(`/indicators?subject=${encodeURIComponent((e.target as HTMLSelectElement).value)}`));
}
