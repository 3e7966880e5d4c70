// A small router over real URLs: links are intercepted and pushed to history, and the page for
// the path is rendered; reloading a deep link renders the same page.

export interface Route {
  pattern: RegExp;
  title: string;
  render: (params: string[], query: URLSearchParams) => Promise<void> | void;
}

export function match(routes: Route[], path: string): { route: Route; params: string[] } | null {
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (m) return { route, params: m.slice(1).map(decodeURIComponent) };
  }
  return null;
}

// internalLink returns the path to route to when a click on el should stay in the page.
export function internalLink(el: Element | null, origin: string): string | null {
  const a = el?.closest("a");
  if (!a || a.target || a.hasAttribute("download")) return null;
  const href = a.getAttribute("href");
  if (!href || href.startsWith("#")) return null;
  const u = new URL(href, origin);
  if (u.origin !== origin || u.pathname.startsWith("/api/")) return null;
  return u.pathname + u.search;
}
