#!/usr/bin/env python3
"""Times networkx shortest paths on the same pairs as orggraph-bench, for comparison.

    python3 Scripts/bench/networkx_paths.py FILE PAIRS

FILE is an organization (.json or .yaml); PAIRS holds 'FROM TO' lines, in groups each
opened by a '# NAME' line. Paths walk every
relation either way, as `orggraph path` does: the graph is taken undirected. Prints the
median and 90th percentile time of one nx.shortest_path call (a bidirectional search).
"""
import json
import statistics
import sys
import time

import networkx as nx


def load(path):
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


def main():
    org_path, pairs_path = sys.argv[1], sys.argv[2]
    org = load(org_path)
    graph = nx.MultiGraph()
    for node in org.get("nodes", []):
        graph.add_node(node["id"], kind=node["kind"])
        if node.get("part-of"):
            graph.add_edge(node["id"], node["part-of"], type="part-of")
    for rel in org.get("relations", []):
        graph.add_edge(rel["from"], rel["to"], type=rel["type"])
    groups = {}
    name = "pairs"
    with open(pairs_path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                name = line[1:].strip()
            elif line.strip():
                groups.setdefault(name, []).append(line.split())
    for name, group in groups.items():
        times = []
        for source, target in group:
            start = time.perf_counter()
            nx.shortest_path(graph, source, target)
            times.append(time.perf_counter() - start)
        times.sort()
        print(f"networkx shortest_path, {name}: {len(times)} pairs, "
              f"median {statistics.median(times) * 1e6:.2f} µs, p90 {times[len(times) * 9 // 10] * 1e6:.2f} µs")


if __name__ == "__main__":
    main()
