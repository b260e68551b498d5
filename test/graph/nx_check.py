"""Reads a GraphML export and a JSON list of node pairs; prints, as JSON, what networkx finds:
the shortest path length of each pair (null when disconnected) and exact betweenness."""
import json
import sys

import networkx as nx

graph = nx.Graph(nx.read_graphml(sys.argv[1]))
pairs = json.load(open(sys.argv[2]))
lengths = []
for a, b in pairs:
    try:
        lengths.append(nx.shortest_path_length(graph, a, b))
    except nx.NetworkXNoPath:
        lengths.append(None)
print(json.dumps({
    "nodes": graph.number_of_nodes(),
    "lengths": lengths,
    "betweenness": nx.betweenness_centrality(graph),
}))
