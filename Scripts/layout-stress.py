#!/usr/bin/env python3
"""Normalised stress of a drawn network against its strong-tie graph.

    layout-stress.py GRAPH.dot DRAWING.svg [--pairs 10000] [--seed 1]

GRAPH.dot is an undirected DOT graph of the strong ties ("a" -- "b";), as
bench-render.sh writes it. DRAWING.svg is either trustmap's map (one
<circle> per person, in the file order of the DOT's nodes) or Graphviz's
output (<g class="node"><title>id</title><ellipse cx= cy=>). Pairs: 100
seeded random sources, a breadth-first search from each, 100 random
reachable targets each. Stress = min over s of mean ((s*d - g) / g)^2, d
the drawn distance, g the graph distance: 0 is perfect, and any uniform
scale of the drawing gives the same value.
"""
import random
import re
import sys
from collections import deque


def read_graph(path):
    nodes, index, adjacency = [], {}, []
    node_line = re.compile(r'^\s*"((?:[^"\\]|\\.)*)"\s*;')
    edge_line = re.compile(r'^\s*"((?:[^"\\]|\\.)*)"\s*--\s*"((?:[^"\\]|\\.)*)"')
    for line in open(path, encoding="utf-8"):
        edge = edge_line.match(line)
        if edge:
            a, b = index[edge.group(1)], index[edge.group(2)]
            if a != b:
                adjacency[a].append(b)
                adjacency[b].append(a)
            continue
        node = node_line.match(line)
        if node:
            index[node.group(1)] = len(nodes)
            nodes.append(node.group(1))
            adjacency.append([])
    return nodes, index, adjacency


def read_positions(path, nodes, index):
    text = open(path, encoding="utf-8").read()
    if 'class="people"' in text:
        group = text[text.index('<g class="people"'):]
        group = group[:group.index("</g>")]
        circles = re.findall(r'<circle cx="([-0-9.]+)" cy="([-0-9.]+)"', group)
        assert len(circles) == len(nodes), (len(circles), len(nodes))
        return [(float(x), float(y)) for x, y in circles]
    positions = [None] * len(nodes)
    for title, x, y in re.findall(
        r'<g id="node\d+" class="node">\s*<title>(.*?)</title>\s*<ellipse[^>]*?cx="([-0-9.]+)" cy="([-0-9.]+)"',
        text,
    ):
        title = title.replace("&quot;", '"').replace("&amp;", "&")
        positions[index[title]] = (float(x), float(y))
    assert all(p is not None for p in positions), "some node not found in the SVG"
    return positions


def stress(adjacency, positions, pairs, seed):
    rng = random.Random(seed)
    count = len(adjacency)
    connected = [node for node in range(count) if adjacency[node]]
    sources = rng.sample(connected, min(100, len(connected)))
    per_source = max(1, pairs // len(sources))
    ratio_sum = ratio_square_sum = 0.0
    samples = []
    for source in sources:
        distance = {source: 0}
        queue = deque([source])
        while queue:
            node = queue.popleft()
            for other in adjacency[node]:
                if other not in distance:
                    distance[other] = distance[node] + 1
                    queue.append(other)
        reachable = [node for node in distance if node != source]
        if not reachable:
            continue
        for target in (rng.choice(reachable) for _ in range(per_source)):
            (x1, y1), (x2, y2) = positions[source], positions[target]
            drawn = ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5
            graph = distance[target]
            samples.append((drawn, graph))
            ratio_sum += drawn / graph
            ratio_square_sum += (drawn / graph) ** 2
    scale = ratio_sum / ratio_square_sum if ratio_square_sum else 0.0
    total = sum(((scale * drawn - graph) / graph) ** 2 for drawn, graph in samples)
    return total / len(samples), len(samples)


def main():
    arguments = sys.argv[1:]
    pairs, seed = 10000, 1
    if "--pairs" in arguments:
        pairs = int(arguments[arguments.index("--pairs") + 1])
    if "--seed" in arguments:
        seed = int(arguments[arguments.index("--seed") + 1])
    nodes, index, adjacency = read_graph(arguments[0])
    positions = read_positions(arguments[1], nodes, index)
    value, used = stress(adjacency, positions, pairs, seed)
    print(f"{value:.4f} ({used} pairs)")


if __name__ == "__main__":
    main()
