import { get } from "../api";
import { communityColor, regionColors, typeColors, words } from "../format";
import { drawNetwork } from "../network";
import type { Page } from "../main";

const types = ["organization", "person", "place", "facility", "product", "programme", "sector"];

export async function explore(p: Page, q: URLSearchParams) {
  const type = q.get("type") ?? "";
  const region = q.get("region") ?? "";
  const color = q.get("color") ?? "community";
  const limit = Number(q.get("limit") ?? 1500);
  const filter = [type && `type:${type}`, region && `region:${region}`].filter(Boolean).join(",");
  p.app.innerHTML = `
    <h1>Explore the network</h1>
    <form class="controls" id="controls">
      <label>Type <select name="type"><option value="">all</option>${types.map((t) => `<option ${t === type ? "selected" : ""}>${t}</option>`).join("")}</select></label>
      <label>Place <select name="region"><option value="">anywhere</option>${["hk", "mainland", "abroad"].map((r) => `<option value="${r}" ${r === region ? "selected" : ""}>${{ hk: "Hong Kong", mainland: "mainland", abroad: "abroad" }[r]}</option>`).join("")}</select></label>
      <label>Colour by <select name="color">${["community", "type", "region"].map((c) => `<option ${c === color ? "selected" : ""}>${c}</option>`).join("")}</select></label>
      <label>Entities <select name="limit">${[200, 1500, 5000, 10000].map((n) => `<option ${n === limit ? "selected" : ""}>${n}</option>`).join("")}</select></label>
    </form>
    <div id="net" class="net big" aria-label="network"></div>
    <p id="netinfo" class="muted small">Loading the network…</p>
    <p class="muted small">Red edges cross a border (Hong Kong ↔ mainland ↔ abroad). Click an entity to open it.</p>`;
  document.getElementById("controls")!.addEventListener("change", (ev) => {
    const f = new FormData(ev.currentTarget as HTMLFormElement);
    const u = new URLSearchParams();
    for (const [k, v] of f) if (v) u.set(k, String(v));
    p.go(`/explore?${u}`);
  });
  let res: any;
  try {
    res = await get(`/api/v1/network?limit=${limit}${filter ? `&filter=${encodeURIComponent(filter)}` : ""}`);
  } catch (err) {
    document.getElementById("netinfo")!.textContent = `The network is not available: ${(err as Error).message}`;
    return;
  }
  const colorOf = (n: any) => color === "type" ? typeColors[n.type] : color === "region" ? regionColors[(n.regions ?? "").split("+")[0]] ?? "#94a3b8" : communityColor(n.community);
  const maxDeg = Math.max(1, ...res.nodes.map((n: any) => n.degree));
  const drawn = drawNetwork(document.getElementById("net")!,
    res.nodes.map((n: any) => ({ id: n.id, label: n.name, color: colorOf(n), size: 2 + 12 * Math.sqrt(n.degree / maxDeg) })),
    res.edges.map((e: any) => ({ from: e.from, to: e.to, label: words(e.predicate), color: e.regions ? "#dc2626" : "#e2e8f0", size: e.regions ? 2 : 0.5 })),
    (id) => p.go(`/entities/${encodeURIComponent(id)}`));
  p.cleanup(() => drawn.kill());
  const cross = res.edges.filter((e: any) => e.regions).length;
  document.getElementById("netinfo")!.innerHTML = `${res.meta.nodes} entities and ${res.meta.edges} relations shown (of ${res.meta.entities}); ${cross} cross-border relations; modularity ${Number(res.meta.modularity).toFixed(3)}.`;
  const focus = q.get("focus");
  if (focus && drawn.sigma.getGraph().hasNode(focus)) {
    const d = drawn.sigma.getNodeDisplayData(focus);
    if (d) drawn.sigma.getCamera().animate({ x: d.x, y: d.y, ratio: 0.3 });
  }
}
