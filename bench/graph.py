"""Times igraph and networkx on the GraphML that `hkin export --format graphml` wrote.
Run by bench/graph.sh with Debian's python3 (apt-get install python3-igraph python3-networkx)."""
import json, sys, time
import igraph

path = sys.argv[1]
g = igraph.Graph.Read_GraphML(path)
ids = g.vs["id"]
u = g.as_undirected(mode="each")  # every relation counts both ways, as in hkin
out = {"nodes": g.vcount(), "edges": g.ecount()}

t = time.perf_counter()
pr = u.pagerank(damping=0.85)
out["igraph_pagerank_s"] = time.perf_counter() - t
out["igraph_top10"] = [ids[i] for i in sorted(range(len(pr)), key=lambda i: -pr[i])[:10]]

simple = u.simplify(multiple=False, loops=True)
t = time.perf_counter()
cl = u.community_multilevel()
out["igraph_multilevel_s"] = time.perf_counter() - t
out["igraph_modularity"] = cl.modularity

if "--networkx" in sys.argv:
    import networkx as nx
    G = nx.MultiGraph()
    G.add_nodes_from(range(g.vcount()))
    G.add_edges_from(u.get_edgelist())
    t = time.perf_counter()
    npr = nx.pagerank(G, alpha=0.85)
    out["networkx_pagerank_s"] = time.perf_counter() - t
json.dump(out, sys.stdout)
