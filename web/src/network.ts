// Networks drawn with sigma on a graphology graph. Small graphs get a ForceAtlas2 layout at once;
// large ones start from a circle and settle in a web worker, so the page stays responsive.
import Graph from "graphology";
import Sigma from "sigma";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";

export interface NetNode { id: string; label: string; color: string; size?: number }
export interface NetEdge { from: string; to: string; label?: string; color?: string; size?: number }

export interface Drawn { kill(): void; sigma: Sigma }

export function drawNetwork(container: HTMLElement, nodes: NetNode[], edges: NetEdge[], onClick: (id: string) => void): Drawn {
  const g = new Graph({ multi: true, type: "directed" });
  const n = nodes.length;
  nodes.forEach((nd, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    g.addNode(nd.id, { label: nd.label, color: nd.color, size: nd.size ?? 5, x: Math.cos(a) * 100 + Math.random(), y: Math.sin(a) * 100 + Math.random() });
  });
  for (const e of edges) {
    if (g.hasNode(e.from) && g.hasNode(e.to)) g.addEdge(e.from, e.to, { label: e.label, color: e.color ?? "#cbd5e1", size: e.size ?? 1 });
  }
  let worker: FA2Layout | null = null;
  const settings = forceAtlas2.inferSettings(g);
  if (n <= 1500) {
    forceAtlas2.assign(g, { iterations: n < 300 ? 300 : 120, settings });
  } else {
    worker = new FA2Layout(g, { settings: { ...settings, barnesHutOptimize: true } });
    worker.start();
    setTimeout(() => worker?.stop(), Math.min(8000, 2000 + n / 2));
  }
  const sigma = new Sigma(g, container, { renderEdgeLabels: n < 60, labelRenderedSizeThreshold: n < 200 ? 4 : 8, defaultEdgeType: "arrow" });
  sigma.on("clickNode", ({ node }) => onClick(node));
  sigma.on("enterNode", () => (container.style.cursor = "pointer"));
  sigma.on("leaveNode", () => (container.style.cursor = ""));
  return {
    sigma,
    kill() {
      worker?.kill();
      sigma.kill();
    },
  };
}
