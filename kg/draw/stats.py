"""Summary figures of the relationship graph: counts per class and relation, hubs, components.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", label_zh="甲", cls="Person"); G.add_node("b", label_zh="乙", cls="Honor"); G.add_node("c", cls="Person")
>>> _ = G.add_edge("a", "b", label_zh="获得", label_en="received")
>>> s = graph_stats(G)
>>> s.nodes, s.edges, s.nodes_by_class, s.components
(3, 1, {'Person': 2, 'Honor': 1}, [2, 1])
>>> s.top[0][:3]
('a', '甲', 1)
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

import networkx as nx
from wcwidth import wcswidth


@dataclass
class GraphStats:
    nodes: int
    edges: int
    nodes_by_class: dict[str, int]
    edges_by_relation: dict[str, int]
    top: list[tuple[str, str, int, str]]  # (id, Chinese label, degree, class)
    components: list[int]  # sizes of the weakly connected components, largest first
    isolated: int = 0
    class_labels: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict:
        d = asdict(self)
        d["top"] = [{"id": i, "label": lab, "degree": deg, "class": cls} for i, lab, deg, cls in self.top]
        return d

    def text(self) -> str:
        """A plain-text report, columns aligned for Chinese text."""

        def pad(s: str, width: int) -> str:
            while wcswidth(s) > width - 2:
                s = s[:-2] + "…"
            return s + " " * max(width - wcswidth(s), 0)

        lines = [f"{self.nodes} nodes, {self.edges} edges, {len(self.components)} connected components "
                 f"(largest {self.components[0] if self.components else 0} nodes; {self.isolated} isolated)", "",
                 "Nodes per class:"]
        for cls, n in self.nodes_by_class.items():
            lines.append(f"  {n:4d}  {pad(cls, 20)}{self.class_labels.get(cls, '')}")
        lines += ["", "Edges per relation:"]
        for rel, n in self.edges_by_relation.items():
            lines.append(f"  {n:4d}  {rel}")
        lines += ["", "Most connected entities (degree):"]
        for node, label, deg, cls in self.top:
            lines.append(f"  {deg:4d}  {pad(label, 34)}{cls} ({node})")
        lines += ["", "Component sizes: " + ", ".join(str(c) for c in self.components)]
        return "\n".join(lines)


def _relation(data: dict) -> str:
    prop = data.get("prop", "")
    if prop in ("HonorConferral", "Membership", "Participation", "Funding", "Observation"):
        return prop
    return data.get("label") or data.get("label_zh") or prop or "?"


def graph_stats(G: nx.MultiDiGraph, top: int = 10) -> GraphStats:
    """Counts per class and relation, the ``top`` most connected nodes and the connected components."""
    classes = Counter(d.get("cls", "Resource") for _, d in G.nodes(data=True))
    relations = Counter(_relation(d) for _, _, d in G.edges(data=True))
    ranked = sorted(G.degree(), key=lambda item: (-item[1], str(item[0])))[:top]
    hubs = [(str(n), G.nodes[n].get("label_zh", str(n)), d, G.nodes[n].get("cls", "Resource")) for n, d in ranked]
    comps = sorted((len(c) for c in nx.weakly_connected_components(G)), reverse=True) if len(G) else []
    labels = {}
    for _, d in G.nodes(data=True):
        labels.setdefault(d.get("cls", "Resource"), f"{d.get('cls_zh', '')} {d.get('cls_en', '')}".strip())
    return GraphStats(nodes=G.number_of_nodes(), edges=G.number_of_edges(),
                      nodes_by_class=dict(sorted(classes.items(), key=lambda kv: (-kv[1], kv[0]))),
                      edges_by_relation=dict(sorted(relations.items(), key=lambda kv: (-kv[1], kv[0]))),
                      top=hubs, components=comps, isolated=sum(1 for c in comps if c == 1), class_labels=labels)
