// Formatting shared by the pages; pure functions, unit-tested.

export function esc(s: unknown): string {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function num(n: number | undefined | null): string {
  if (n == null || Number.isNaN(n)) return "–";
  if (Math.abs(n) >= 1e9) return (n / 1e9).toFixed(n % 1e9 === 0 ? 0 : 2) + " billion";
  return n.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

export function pct(n: number | undefined | null): string {
  if (n == null) return "";
  return (n > 0 ? "+" : "") + n.toFixed(1).replace(/\.0$/, "") + "%";
}

// words turns a predicate or metric name into words: "operates_in" → "operates in".
export function words(s: string): string {
  return s.replace(/_/g, " ");
}

// inverse names how a relation reads from its object's side: "X funds Y" on Y's page is "funded by X".
const inverse: Record<string, string> = {
  located_in: "location of", part_of: "has part", holds_position: "position held by", founded: "founded by",
  visited: "visited by", met_with: "met with", operates: "operated by", operates_in: "market of", produces: "produced by",
  made_in: "makes", exports_to: "imports from", hosts: "hosted by", focuses_on: "focus of", partners_with: "partners with",
  funds: "funded by", publishes: "published by", invested_in: "investors", runs: "run by", succeeded: "succeeded by",
};

export function inverseName(predicate: string): string {
  return inverse[predicate] ?? words(predicate) + " (of)";
}

export const typeColors: Record<string, string> = {
  organization: "#2563eb", person: "#db2777", place: "#059669", facility: "#d97706",
  product: "#7c3aed", programme: "#0891b2", sector: "#64748b",
};

export const regionColors: Record<string, string> = { hk: "#dc2626", mainland: "#ca8a04", abroad: "#2563eb" };

const palette = ["#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#db2777", "#0891b2", "#65a30d", "#ea580c", "#4f46e5", "#0d9488", "#be123c"];

export function communityColor(c: number | undefined): string {
  return c == null || c < 0 ? "#94a3b8" : palette[c % palette.length];
}

export const langNames: Record<string, string> = { en: "English", zh: "Chinese", "zh-Hant": "Traditional Chinese", "zh-Hans": "Simplified Chinese" };

// identifierLink gives the page of an external identifier, if there is one.
export function identifierLink(scheme: string, value: string): string | null {
  switch (scheme) {
    case "ror": return `https://ror.org/${encodeURIComponent(value)}`;
    case "wikidata": return `https://www.wikidata.org/wiki/${encodeURIComponent(value)}`;
    case "website": return /^https?:\/\//.test(value) ? value : null;
    case "grid": return null;
    default: return null;
  }
}
