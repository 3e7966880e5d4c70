import "./style.css";
import { get, takeToken } from "./api";
import { esc } from "./format";
import { internalLink, match, Route } from "./router";
import { dashboard } from "./pages/dashboard";
import { search } from "./pages/search";
import { entity } from "./pages/entity";
import { explore } from "./pages/explore";
import { indicators } from "./pages/indicators";
import { ingest } from "./pages/ingest";

export interface Page {
  app: HTMLElement;
  go: (path: string) => void;
  cleanup: (fn: () => void) => void;
}

const app = document.getElementById("app")!;
let cleanups: (() => void)[] = [];
const page: Page = { app, go: navigate, cleanup: (fn) => cleanups.push(fn) };

const routes: Route[] = [
  { pattern: /^\/$/, title: "Dashboard", render: () => dashboard(page) },
  { pattern: /^\/search$/, title: "Search", render: (_, q) => search(page, q) },
  { pattern: /^\/entities\/([^/]+)$/, title: "Entity", render: ([id]) => entity(page, id) },
  { pattern: /^\/explore$/, title: "Explore", render: (_, q) => explore(page, q) },
  { pattern: /^\/indicators$/, title: "Indicators", render: (_, q) => indicators(page, q) },
  { pattern: /^\/ingest$/, title: "Ingest", render: () => ingest(page) },
];

async function render() {
  cleanups.forEach((fn) => fn());
  cleanups = [];
  const m = match(routes, location.pathname);
  document.querySelectorAll("header nav a").forEach((a) => a.classList.toggle("active", a.getAttribute("href") === location.pathname));
  if (!m) {
    app.innerHTML = `<h1>Not found</h1><p>No page at ${esc(location.pathname)}. <a href="/">Back to the dashboard</a>.</p>`;
    return;
  }
  document.title = `${m.route.title} — hkin`;
  app.innerHTML = `<p class="muted">Loading…</p>`;
  try {
    await m.route.render(m.params, new URLSearchParams(location.search));
  } catch (err) {
    app.innerHTML = `<h1>Something went wrong</h1><p class="error">${esc((err as Error).message)}</p>`;
  }
}

function navigate(path: string) {
  if (path !== location.pathname + location.search) history.pushState(null, "", path);
  window.scrollTo(0, 0);
  render();
}

document.addEventListener("click", (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const path = internalLink(e.target as Element, location.origin);
  if (path) {
    e.preventDefault();
    navigate(path);
  }
});
window.addEventListener("popstate", render);

// The search box with typeahead: arrows move, Enter opens, Escape closes.
const input = document.getElementById("q") as HTMLInputElement;
const list = document.getElementById("suggestions") as HTMLUListElement;
let active = -1;
let timer = 0;
let items: { id: string; name: string; type: string }[] = [];

function show() {
  list.hidden = items.length === 0;
  list.innerHTML = items.map((it, i) =>
    `<li role="option" id="sugg-${i}" aria-selected="${i === active}" data-id="${esc(it.id)}"><span>${esc(it.name)}</span><small>${esc(it.type)}</small></li>`).join("");
  input.setAttribute("aria-activedescendant", active >= 0 ? `sugg-${active}` : "");
}

function close() {
  items = [];
  active = -1;
  show();
}

input.addEventListener("input", () => {
  clearTimeout(timer);
  const q = input.value.trim();
  if (!q) return close();
  timer = window.setTimeout(async () => {
    try {
      const res = await get(`/api/v1/autocomplete?q=${encodeURIComponent(q)}&limit=8`);
      if (input.value.trim() !== q) return;
      items = res.results;
      active = -1;
      show();
    } catch {
      close();
    }
  }, 120);
});

input.addEventListener("keydown", (e) => {
  if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    if (!items.length) return;
    e.preventDefault();
    active = (active + (e.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
    show();
  } else if (e.key === "Enter") {
    e.preventDefault();
    const q = input.value.trim();
    const pick = active >= 0 ? items[active] : null;
    close();
    if (pick) navigate(`/entities/${encodeURIComponent(pick.id)}`);
    else if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
  } else if (e.key === "Escape") {
    close();
  }
});

list.addEventListener("mousedown", (e) => {
  const li = (e.target as Element).closest("li");
  if (!li) return;
  e.preventDefault();
  close();
  navigate(`/entities/${encodeURIComponent(li.getAttribute("data-id")!)}`);
});
input.addEventListener("blur", () => setTimeout(close, 100));

takeToken(location, history);
render();
