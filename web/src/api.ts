// The JSON API of the hkin server that serves this page.

export class APIError extends Error {
  constructor(public status: number, public code: string, message: string) {
    super(message);
  }
}

async function answer<T>(r: Response): Promise<T> {
  let body: any = null;
  try {
    body = await r.json();
  } catch {
    /* not JSON */
  }
  if (!r.ok) {
    throw new APIError(r.status, body?.error?.code ?? "http", body?.error?.message ?? `${r.status} ${r.statusText}`);
  }
  return body as T;
}

export async function get<T = any>(path: string): Promise<T> {
  return answer<T>(await fetch(path, { headers: { Accept: "application/json" } }));
}

export async function post<T = any>(path: string, body: unknown): Promise<T> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  const t = token();
  if (t) headers.Authorization = `Bearer ${t}`;
  return answer<T>(await fetch(path, { method: "POST", headers, body: JSON.stringify(body) }));
}

// A write token: `hkin serve` prints a URL carrying ?token= on first start; it is kept here.
const tokenKey = "hkin-token";

export function token(): string | null {
  return localStorage.getItem(tokenKey);
}

export function setToken(t: string) {
  if (t) localStorage.setItem(tokenKey, t);
  else localStorage.removeItem(tokenKey);
}

// takeToken moves ?token= from the address into storage, so it is not bookmarked or shared.
export function takeToken(loc: Location, hist: History) {
  const u = new URL(loc.href);
  const t = u.searchParams.get("token");
  if (!t) return;
  setToken(t);
  u.searchParams.delete("token");
  hist.replaceState(null, "", u.pathname + u.search + u.hash);
}

// Shapes of the answers the pages use.
export interface Alias { value: string; lang?: string }
export interface Source { id: string; kind: string; title?: string; url?: string; published?: string }
export interface Statement {
  id: string; kind: string; direction?: string; subject: string; subject_name?: string; predicate: string;
  object?: string; object_name?: string; object_type?: string; value?: unknown; source: Source; evidence?: string;
  role?: string; date?: string; duration?: string; amount?: string; unit?: string; qualifier?: string;
  period?: string; change_percent?: number; base_period?: string;
}
export interface Entity {
  id: string; type: string; category?: string; name: string; aliases?: Alias[];
  identifiers?: Record<string, string>; statements?: Statement[];
}
export interface Point {
  period: string; value?: number; qualifier?: string; change_percent?: number; base_period?: string;
  yoy_percent?: number; source: Source; evidence?: string;
}
export interface Series { subject: string; subject_name: string; object?: string; object_name?: string; metric: string; unit?: string; points: Point[] }
export interface NodeView { id: string; name: string; type: string; category?: string; regions?: string; score: number; degree: number; community?: number }
export interface EdgeView { from: string; to: string; predicate: string; regions?: string }
