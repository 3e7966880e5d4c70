import { post, setToken, token } from "../api";
import { esc, words } from "../format";
import type { Page } from "../main";

// highlight marks every name and alias of the extracted entities in the text.
export function highlight(text: string, entities: { id: string; name: string; type: string; aliases?: string[] }[]): string {
  const names: { s: string; type: string }[] = [];
  for (const e of entities) for (const s of [e.name, ...(e.aliases ?? [])]) if (s && s.length > 1) names.push({ s, type: e.type });
  names.sort((a, b) => b.s.length - a.s.length);
  const marks: { at: number; end: number; type: string }[] = [];
  for (const n of names) {
    for (let i = text.indexOf(n.s); i >= 0; i = text.indexOf(n.s, i + 1)) {
      const end = i + n.s.length;
      const wordEdge = (c: string | undefined) => c === undefined || !/[A-Za-z0-9]/.test(c);
      if (!wordEdge(text[i - 1]) || !wordEdge(text[end])) continue;
      if (marks.some((m) => i < m.end && end > m.at)) continue;
      marks.push({ at: i, end, type: n.type });
    }
  }
  marks.sort((a, b) => a.at - b.at);
  let out = "", last = 0;
  for (const m of marks) {
    out += esc(text.slice(last, m.at)) + `<mark class="${esc(m.type)}">${esc(text.slice(m.at, m.end))}</mark>`;
    last = m.end;
  }
  return out + esc(text.slice(last));
}

export function ingest(p: Page) {
  p.app.innerHTML = `
    <h1>Read an article</h1>
    <form id="doc" class="stack">
      <textarea name="text" rows="12" required placeholder="Paste an English news article about the ecosystem…"></textarea>
      <div class="row">
        <label>Published <input name="published" type="date" /></label>
        <label>URL <input name="url" type="url" placeholder="https://…" /></label>
        <label>Title <input name="title" /></label>
      </div>
      <div class="row"><button type="submit" name="action" value="extract">Extract</button>
        <button type="button" id="store" disabled>Store with provenance</button>
        <label class="small">Write token <input id="token" type="password" value="${esc(token() ?? "")}" placeholder="from hkin token create" /></label></div>
    </form>
    <div id="result"></div>`;
  const form = document.getElementById("doc") as HTMLFormElement;
  const out = document.getElementById("result")!;
  const storeBtn = document.getElementById("store") as HTMLButtonElement;
  const tokenInput = document.getElementById("token") as HTMLInputElement;
  tokenInput.addEventListener("change", () => setToken(tokenInput.value.trim()));
  const doc = () => {
    const f = new FormData(form);
    return { text: String(f.get("text") ?? ""), published: String(f.get("published") ?? ""), url: String(f.get("url") ?? ""), title: String(f.get("title") ?? "") };
  };
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    out.innerHTML = `<p class="muted">Reading…</p>`;
    try {
      const d = doc();
      const x = await post("/api/v1/extract", { text: d.text, published: d.published });
      const name = new Map<string, string>(x.entities.map((e: any) => [e.id, e.name]));
      out.innerHTML = `
        <section class="card"><h2>The text</h2><p class="marked">${highlight(d.text, x.entities)}</p></section>
        <section class="grid2">
          <div class="card"><h2>Entities (${x.entities.length})</h2><ul class="plain">${x.entities.map((e: any) => `<li><mark class="${esc(e.type)}">${esc(e.name)}</mark> <small class="muted">${esc(e.type)}${e.category ? " · " + esc(words(e.category)) : ""}</small></li>`).join("")}</ul></div>
          <div class="card"><h2>Relations (${x.relations.length})</h2><ul class="plain">${x.relations.map((r: any) => `<li>${esc(name.get(r.subject))} <b>${esc(words(r.predicate))}</b> ${esc(name.get(r.object))}${r.role ? ` <small>(${esc(r.role)})</small>` : ""}</li>`).join("")}</ul></div>
          <div class="card"><h2>Events (${x.events.length})</h2><ul class="plain">${x.events.map((v: any) => `<li><time>${esc(v.date)}</time> ${esc(name.get(v.subject))} ${esc(v.kind)}</li>`).join("")}</ul></div>
          <div class="card"><h2>Metrics (${x.metrics.length})</h2><ul class="plain">${x.metrics.map((m: any) => `<li>${esc(name.get(m.subject))}: ${esc(words(m.metric))} ${m.value ?? ""} ${esc(m.unit ?? "")}${m.period ? ` (${esc(m.period)})` : ""}${m.change_percent != null ? ` ${m.change_percent > 0 ? "+" : ""}${m.change_percent}%` : ""}</li>`).join("")}</ul></div>
        </section>`;
      storeBtn.disabled = false;
    } catch (err) {
      out.innerHTML = `<p class="error">${esc((err as Error).message)}</p>`;
    }
  });
  storeBtn.addEventListener("click", async () => {
    setToken(tokenInput.value.trim());
    try {
      const r = await post("/api/v1/documents", doc());
      const created = new Set(r.created);
      out.insertAdjacentHTML("afterbegin", `<p class="ok" id="stored">Stored: ${r.added} new statements (${r.statements.length} in all), ${r.created.length} new entities. ${Object.values(r.entities as Record<string, string>).map((id) => `<a href="/entities/${encodeURIComponent(id)}">${esc(id)}</a>${created.has(id) ? " (new)" : ""}`).join(", ")}</p>`);
    } catch (err) {
      out.insertAdjacentHTML("afterbegin", `<p class="error">${esc((err as Error).message)}${!token() ? " — paste a write token first." : ""}</p>`);
    }
  });
}
