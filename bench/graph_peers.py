"""Peers for `npm run bench:graph`: networkx and python-igraph on the same graph (an edge list of
node numbers written by bench/graph.ts) and the same queries (a JSON file). Prints JSON timings.

Usage: python3 graph_peers.py EDGES QUERIES PEER [--louvain] [--betweenness-sources K]
PEER is networkx or igraph."""
import json
import random
import resource
import statistics
import sys
import time


def p50(xs):
    return statistics.median(xs) if xs else None


def main():
    edges_file, queries_file, peer = sys.argv[1:4]
    louvain = "--louvain" in sys.argv
    k = int(sys.argv[sys.argv.index("--betweenness-sources") + 1]) if "--betweenness-sources" in sys.argv else 0
    q = json.load(open(queries_file))
    n = q["nodes"]
    out = {"peer": peer}
    t = time.perf_counter()
    pairs = [tuple(map(int, line.split())) for line in open(edges_file)]
    if peer == "networkx":
        import networkx as nx

        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(pairs)
    else:
        import igraph

        g = igraph.Graph(n=n, edges=pairs, directed=False)
    del pairs
    out["load_ms"] = (time.perf_counter() - t) * 1000

    times = []
    for a, b in q["pairs"]:
        t = time.perf_counter()
        if peer == "networkx":
            try:
                nx.shortest_path(g, a, b)
            except nx.NetworkXNoPath:
                pass
        else:
            g.get_shortest_paths(a, to=b, output="vpath")
        times.append((time.perf_counter() - t) * 1000)
    out["shortest_path_p50_ms"] = p50(times)

    times = []
    for s in q["sources"]:
        t = time.perf_counter()
        if peer == "networkx":
            nx.single_source_shortest_path_length(g, s, cutoff=3)
        else:
            g.neighborhood(s, order=3)
        times.append((time.perf_counter() - t) * 1000)
    out["hood3_p50_ms"] = p50(times)

    if k:
        t = time.perf_counter()
        c = time.process_time()
        if peer == "networkx":
            nx.betweenness_centrality(g, k=k, seed=1)
            out["betweenness_sources"] = k
        else:
            # python-igraph 0.10 cannot restrict betweenness to sampled sources: time one BFS
            # tree per source instead (a Brandes step costs about two such passes).
            rnd = random.Random(1)
            srcs = [rnd.randrange(n) for _ in range(k)]
            for s in srcs:
                g.bfs(s)
            out["betweenness_sources"] = k
            out["betweenness_note"] = "estimate: 2 x BFS per source"
        elapsed = (time.perf_counter() - t) * 1000
        factor = 2 if peer == "igraph" else 1
        out["betweenness_ms"] = elapsed * factor
        out["betweenness_cpu_ms"] = (time.process_time() - c) * 1000 * factor
        out["betweenness_per_source_ms"] = out["betweenness_ms"] / k

    if louvain:
        # The median of several runs on a small graph (as Tangle's side does), one run on a large one.
        runs = []
        for _ in range(3 if n < 200000 else 1):
            t = time.perf_counter()
            if peer == "networkx":
                parts = nx.community.louvain_communities(g, seed=1)
            else:
                parts = g.community_multilevel()
            runs.append((time.perf_counter() - t) * 1000)
            out["communities"] = len(parts)
        out["louvain_ms"] = p50(runs)

    out["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


main()
