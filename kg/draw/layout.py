"""Deterministic node positions for drawing the relationship graph (numpy only, no scipy).

Each connected component is laid out by stress majorization (SMACOF: graph distances become
drawing distances, as in Kamada–Kawai), starting from a fixed-seed spring layout; components are
then packed in rows, largest first. Same graph → same positions.

>>> import networkx as nx
>>> pos = positions(nx.path_graph(4))
>>> sorted(pos) == [0, 1, 2, 3] and all(0 <= x <= 1 and 0 <= y <= 1 for x, y in pos.values())
True
>>> positions(nx.path_graph(4)) == pos
True
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

SEED = 7


def _stress(H: nx.Graph, iterations: int = 300) -> dict:
    nodes = sorted(H, key=str)
    n = len(nodes)
    if n == 1:
        return {nodes[0]: np.zeros(2)}
    index = {v: i for i, v in enumerate(nodes)}
    d = np.zeros((n, n))
    for src, lengths in nx.all_pairs_dijkstra_path_length(H, weight="length"):
        for dst, length in lengths.items():
            d[index[src], index[dst]] = length
    start = nx.spring_layout(H, seed=SEED, iterations=100)
    x = np.array([start[v] for v in nodes], dtype=float) * math.sqrt(n)
    w = np.zeros_like(d)
    mask = d > 0
    w[mask] = d[mask] ** -2.0
    lap = -w.copy()
    np.fill_diagonal(lap, w.sum(axis=1))
    lap_pinv = np.linalg.pinv(lap)
    for _ in range(iterations):
        diff = x[:, None, :] - x[None, :, :]
        dist = np.sqrt((diff ** 2).sum(axis=2))
        dist[dist < 1e-9] = 1e-9
        b = np.zeros_like(d)
        b[mask] = -w[mask] * d[mask] / dist[mask]
        np.fill_diagonal(b, -b.sum(axis=1))
        new = lap_pinv @ (b @ x)
        if np.abs(new - x).max() < 1e-4:
            x = new
            break
        x = new
    x -= x.mean(axis=0)
    return {v: x[index[v]] for v in nodes}


def positions(G: nx.Graph) -> dict:
    """Positions in [0, 1]² for every node of ``G`` (directions and parallel edges are ignored)."""
    U = nx.Graph()
    U.add_nodes_from(sorted(G, key=str))
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    if U.number_of_nodes() == 0:
        return {}
    for u, v, d in U.edges(data=True):  # links of hubs are longer, so that their many leaves have room
        d["length"] = 0.5 + 0.3 * math.sqrt(U.degree(u) + U.degree(v))
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(U)), key=lambda c: (-len(c), str(c[0])))
    placed: dict = {}
    boxes = []
    for comp in comps:
        H = nx.Graph()  # a plain copy in sorted order: subgraph views iterate in set (hash) order
        H.add_nodes_from(comp)
        H.add_edges_from(sorted(((u, v, d) for u, v, d in U.subgraph(comp).edges(data=True)),
                                key=lambda e: (str(e[0]), str(e[1]))))
        local = _stress(H)
        pts = np.array(list(local.values()))
        lo = pts.min(axis=0)
        size = np.maximum(pts.max(axis=0) - lo, 1.0)
        boxes.append((comp, {v: p - lo for v, p in local.items()}, size))
    # pack: the largest component on the left, the others in shelves to its right, no taller than it
    comp0, local0, size0 = boxes[0]
    for v, p in local0.items():
        placed[v] = (p[0], p[1])
    rest = boxes[1:]
    height = max(size0[1], 1.0)
    width = max((b[2][0] for b in rest), default=0.0)
    while rest:
        shelves, x, y, row_h = [], 0.0, 0.0, 0.0
        for comp, local, size in rest:
            if x and x + size[0] > width:
                x, y, row_h = 0.0, y + row_h + 1.0, 0.0
            shelves.append((local, x, y))
            x += size[0] + 2.0
            row_h = max(row_h, size[1])
        if y + row_h <= height * 1.05 or width > 50 * height:
            break
        width *= 1.15
    else:
        shelves = []
    left = size0[0] + 1.5
    for local, x, y in shelves:
        for v, p in local.items():
            placed[v] = (left + x + p[0], y + p[1])
    pts = np.array(list(placed.values()))
    lo, span = pts.min(axis=0), max(float((pts.max(axis=0) - pts.min(axis=0)).max()), 1e-9)
    return {v: (round(float((p[0] - lo[0]) / span), 5), round(float((p[1] - lo[1]) / span), 5)) for v, p in placed.items()}
