import { get, Entity, Series, Statement } from "../api";
import { seriesChart } from "../charts";
import { esc, identifierLink, inverseName, langNames, typeColors, words } from "../format";
import { drawNetwork } from "../network";
import type { Page } from "../main";
import { timeline } from "./dashboard";

export async function entity(p: Page, id: string) {
  const e: Entity = await get(`/api/v1/entities/${encodeURIComponent(id)}`);
  if (e.id !== id) history.replaceState(null, "", `/entities/${encodeURIComponent(e.id)}`); // a merged or external ID
  const sts = e.statements ?? [];
  const description = sts.find((s) => s.kind === "attribute" && s.predicate === "description");
  const relations = sts.filter((s) => s.kind === "relation");
  const events = sts.filter((s) => s.kind === "event").map((s) => ({ ...s, subject_name: e.name }));
  const groups = new Map<string, Statement[]>();
  for (const s of relations) {
    const key = s.direction === "in" ? inverseName(s.predicate) : words(s.predicate);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const byLang = new Map<string, string[]>();
  for (const a of e.aliases ?? []) byLang.set(a.lang || "other", [...(byLang.get(a.lang || "other") ?? []), a.value]);

  p.app.innerHTML = `
    <p class="muted small"><a href="/search?type=${esc(e.type)}">${esc(e.type)}</a>${e.category ? " · " + esc(words(e.category)) : ""}</p>
    <h1>${esc(e.name)}</h1>
    ${description ? `<p class="lede">${esc(description.value)}</p>` : ""}
    <section class="grid2">
      <div class="card"><h2>Names</h2>
        <dl class="names">${[...byLang].map(([lang, vs]) => `<dt>${esc(langNames[lang] ?? lang)}</dt><dd lang="${esc(lang)}">${vs.map(esc).join(" · ")}</dd>`).join("") || `<dd class="muted">No other names.</dd>`}</dl>
        ${e.identifiers && Object.keys(e.identifiers).length ? `<h3>Identifiers</h3><ul class="plain">${Object.entries(e.identifiers).map(([k, v]) => {
          const href = identifierLink(k, v);
          return `<li>${esc(k)}: ${href ? `<a href="${esc(href)}" target="_blank" rel="noopener">${esc(v)}</a>` : esc(v)}</li>`;
        }).join("")}</ul>` : ""}
      </div>
      <div class="card"><h2>Network <span class="depth"><label><input type="radio" name="depth" value="1" checked> 1 hop</label> <label><input type="radio" name="depth" value="2"> 2 hops</label></span></h2>
        <div id="ego" class="net" aria-label="network around ${esc(e.name)}"></div>
        <p class="muted small">Click an entity to open it. <a href="/explore?focus=${encodeURIComponent(e.id)}">Open in the explorer</a></p></div>
    </section>
    <section class="card"><h2>Facts</h2>${facts(groups)}</section>
    <section class="grid2">
      <div class="card"><h2>Events</h2>${timeline(events, 50)}</div>
      <div class="card" id="metrics"><h2>Indicators</h2><p class="muted">Loading…</p></div>
    </section>`;

  let drawn: ReturnType<typeof drawNetwork> | null = null;
  const draw = async (depth: number) => {
    const g = await get(`/api/v1/entities/${encodeURIComponent(e.id)}/graph?depth=${depth}&limit=300`);
    drawn?.kill();
    const el = document.getElementById("ego");
    if (!el) return;
    drawn = drawNetwork(el,
      g.nodes.map((n: any) => ({ id: n.id, label: n.name, color: n.id === e.id ? "#111827" : typeColors[n.type] ?? "#94a3b8", size: n.id === e.id ? 10 : 6 - (n.depth ?? 1) })),
      g.edges.map((x: any) => ({ from: x.source, to: x.target, label: words(x.predicate) })),
      (nid) => nid !== e.id && p.go(`/entities/${encodeURIComponent(nid)}`));
  };
  p.cleanup(() => drawn?.kill());
  document.querySelectorAll<HTMLInputElement>('input[name="depth"]').forEach((r) => r.addEventListener("change", () => draw(Number(r.value))));
  await draw(1);

  const ind = await get(`/api/v1/indicators?subject=${encodeURIComponent(e.id)}`).catch(() => ({ results: [] }));
  const box = document.getElementById("metrics");
  if (box) box.innerHTML = `<h2>Indicators</h2>` + (ind.results.length
    ? ind.results.map((s: Series) => `<h3>${esc(words(s.metric))}${s.object_name ? " to " + esc(s.object_name) : ""}${s.unit ? ` <small class="muted">${esc(s.unit)}</small>` : ""}</h3>${seriesChart(s.points, s.metric)}`).join("")
    : `<p class="muted">No figures reported.</p>`);
}

function facts(groups: Map<string, Statement[]>): string {
  if (!groups.size) return `<p class="muted">No relations recorded.</p>`;
  return [...groups].map(([pred, list]) => `
    <h3>${esc(pred)}</h3>
    <ul class="facts">${list.map((s) => {
      const other = s.direction === "in" ? { id: s.subject, name: s.subject_name } : { id: s.object, name: s.object_name };
      const quals = [s.role, s.date, s.duration, s.amount].filter(Boolean).map((q) => esc(q)).join(", ");
      const src = s.source.url ? `<a href="${esc(s.source.url)}" target="_blank" rel="noopener">${esc(s.source.title || s.source.url)}</a>` : esc(s.source.title || s.source.id);
      return `<li><a href="/entities/${encodeURIComponent(other.id ?? "")}">${esc(other.name ?? other.id)}</a>${quals ? ` <small>(${quals})</small>` : ""}
        <details><summary>source: ${src}${s.source.published ? `, ${esc(s.source.published)}` : ""}</summary>${s.evidence ? `<q>${esc(s.evidence)}</q>` : `<span class="muted">No evidence sentence.</span>`}</details></li>`;
    }).join("")}</ul>`).join("");
}
