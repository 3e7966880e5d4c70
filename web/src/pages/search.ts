import { get } from "../api";
import { esc, words } from "../format";
import type { Page } from "../main";

export async function search(p: Page, q: URLSearchParams) {
  const text = q.get("q") ?? "";
  const type = q.get("type") ?? "";
  const category = q.get("category") ?? "";
  const filters = [type && `type:${type}`, category && `category:${category}`].filter(Boolean).join(",");
  const base = text ? `search=${encodeURIComponent(text)}` : "sort=-degree";
  const [res, byType] = await Promise.all([
    get(`/api/v1/entities?${base}&per_page=50${filters ? `&filter=${encodeURIComponent(filters)}` : ""}`),
    get(`/api/v1/entities?${base}&group_by=type${category ? `&filter=category:${encodeURIComponent(category)}` : ""}`),
  ]);
  const link = (t: string) => {
    const u = new URLSearchParams();
    if (text) u.set("q", text);
    if (t) u.set("type", t);
    return `/search?${u}`;
  };
  p.app.innerHTML = `
    <h1>${text ? `Results for “${esc(text)}”` : "All entities"}</h1>
    <div class="facets">Type: <a href="${link("")}" class="${type ? "" : "active"}">all</a>
      ${byType.group_by.map((g: any) => `<a href="${link(g.key)}" class="${g.key === type ? "active" : ""}">${esc(g.key)} (${g.count})</a>`).join("")}
      ${category ? `<span class="chip">category: ${esc(words(category))}</span>` : ""}</div>
    <p class="muted">${res.meta.count} ${res.meta.count === 1 ? "entity" : "entities"}${res.results.length < res.meta.count ? `, the first ${res.results.length} shown` : ""}.</p>
    <ul class="results">${res.results.map((e: any) => `
      <li><a href="/entities/${encodeURIComponent(e.id)}">${esc(e.name)}</a>
        <small class="type ${esc(e.type)}">${esc(e.type)}${e.category ? " · " + esc(words(e.category)) : ""}</small>
        ${e.aliases?.length ? `<div class="muted small">${e.aliases.slice(0, 4).map((a: any) => esc(a.value)).join(" · ")}</div>` : ""}</li>`).join("")}
    </ul>`;
}
