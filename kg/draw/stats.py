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

import heapq
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from wcwidth import wcswidth

NARY = ("HonorConferral", "Membership", "Participation", "Funding", "Observation")


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
        lines += ["", "Component sizes: " + _sizes(self.components)]
        return "\n".join(lines)


def _sizes(sizes: list[int]) -> str:
    """Component sizes, largest first, a size that repeats given once with its count.

    >>> _sizes([59703, 12, 3, 3, 1, 1, 1, 1])
    '59703, 12, 3 ×2, 1 ×4'
    """
    from itertools import groupby

    return ", ".join(f"{size}" if n == 1 else f"{size} ×{n:,}"
                     for size, n in ((size, len(list(run))) for size, run in groupby(sizes)))


def _relation(data: dict) -> str:
    prop = data.get("prop", "")
    if prop in NARY:
        return prop
    return data.get("label") or data.get("label_zh") or prop or "?"


def graph_stats(G: Any, top: int = 10) -> GraphStats:
    """Counts per class and relation, the ``top`` most connected nodes and the connected components of a
    networkx graph (``kg.draw.network.to_networkx``) or a :class:`SummaryGraph`."""
    if isinstance(G, SummaryGraph):
        return G.stats(top=top)
    import networkx as nx

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


class SummaryGraph:
    """The relationship graph reduced to what :func:`graph_stats` counts, filled by kg.draw.network's
    converter (``kg.draw.network.fill(..., lean=True)``, the code that fills the networkx graph, so both count
    the same): per node its class and degree, the distinct edges (one per key, as the networkx multigraph
    keeps them) counted per relation, and the connected components kept as they grow (union-find). No
    labels, documents or adjacency are kept: the labels of the hubs and classes are read at the end.

    >>> g = SummaryGraph()
    >>> g.add_node("a", iri="http://e/a", cls="Person", cls_iri="http://e/Person")
    >>> g.add_node("b", iri="http://e/b", cls="Honor", cls_iri="http://e/Honor")
    >>> g.add_node("r", iri="http://e/r", cls="Role", cls_iri="http://e/Role")
    >>> g.add_edge("a", "b", "HonorConferral:d/c", prop="HonorConferral", label_zh="获得")
    >>> g.add_edge("a", "b", "HonorConferral:d/c", prop="HonorConferral", label_zh="获得")
    >>> g.remove_isolated("Role"); g.finish()
    >>> g.label_of = lambda iri: (iri[-1], "")
    >>> s = g.stats(top=1); s.nodes, s.edges, s.edges_by_relation, s.components, s.top
    (2, 1, {'HonorConferral': 1}, [2], [('a', 'a', 1, 'Person')])
    """

    def __init__(self) -> None:
        self.graph: dict[str, Any] = {}
        self.index: dict[str, int] = {}
        self.ids: list[str] = []
        self.iris: list[str] = []
        self.cls: list[str] = []
        self.cls_iris: list[str | None] = []
        self.degree: list[int] = []
        self.parent: list[int] = []  # union-find over the nodes: the components
        self.kinds: Counter = Counter()  # (prop, label_zh, label_en) -> edges
        self._edges: set[tuple[int, int, str]] = set()
        self.removed: set[int] = set()
        self.label_of: Any = None  # IRI -> (Chinese, English) label, set by whoever filled the graph

    def __contains__(self, key: str) -> bool:
        return key in self.index

    def add_node(self, key: str, *, iri: str, cls: str = "Resource", cls_iri: str | None = None, **_: Any) -> None:
        if key in self.index:
            return
        i = self.index[key] = len(self.ids)
        self.ids.append(key)
        self.iris.append(iri)
        self.cls.append(cls)
        self.cls_iris.append(cls_iri)
        self.degree.append(0)
        self.parent.append(i)

    def _root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def add_edge(self, u: str, v: str, key: str = "", *, prop: str = "", label_zh: str = "", label_en: str = "",
                 **_: Any) -> None:
        a, b = self.index[u], self.index[v]
        edge = (a, b, key)
        if edge in self._edges:
            return
        self._edges.add(edge)
        self.kinds[(prop, label_zh, label_en)] += 1
        self.degree[a] += 1
        self.degree[b] += 1
        ra, rb = self._root(a), self._root(b)
        if ra != rb:
            self.parent[ra] = rb

    def remove_isolated(self, cls: str) -> None:
        """Leave out the nodes of class ``cls`` that no edge touches."""
        self.removed |= {i for i, c in enumerate(self.cls) if c == cls and self.degree[i] == 0}

    def finish(self) -> None:
        self.edge_count = len(self._edges)
        self._edges = set()

    def stats(self, *, top: int = 10) -> GraphStats:
        """The figures ``graph_stats`` gives for the networkx graph of the same RDF graph."""
        keep = [i for i in range(len(self.ids)) if i not in self.removed]
        classes = Counter(self.cls[i] for i in keep)
        from kg.draw.network import Label

        relations: Counter = Counter()
        for (prop, zh, en), n in self.kinds.items():
            relations[prop if prop in NARY else Label(zh, en).text() or zh or prop or "?"] += n
        ranked = heapq.nsmallest(top, keep, key=lambda i: (-self.degree[i], self.ids[i]))
        hubs = [(self.ids[i], self.label_of(self.iris[i])[0], self.degree[i], self.cls[i]) for i in ranked]
        sizes = Counter(self._root(i) for i in keep)
        comps = sorted(sizes.values(), reverse=True)
        labels: dict[str, str] = {}
        for i in keep:  # in the order the nodes were added, as networkx keeps them
            if self.cls[i] not in labels:
                iri = self.cls_iris[i]
                zh, en = self.label_of(iri) if iri is not None else ("", "")
                labels[self.cls[i]] = f"{zh} {en}".strip()
        return GraphStats(nodes=len(keep), edges=self.edge_count,
                          nodes_by_class=dict(sorted(classes.items(), key=lambda kv: (-kv[1], kv[0]))),
                          edges_by_relation=dict(sorted(relations.items(), key=lambda kv: (-kv[1], kv[0]))),
                          top=hubs, components=comps, isolated=sum(1 for c in comps if c == 1), class_labels=labels)


def relationship_stats(graph: Any = None, *, top: int = 10, nary: str = "edges", doc: str | None = None,
                       include_personal: bool = False, keep: bool = True) -> GraphStats:
    """The summary figures of the relationship graph of ``graph`` (anything ``kg.draw.network.to_networkx``
    reads: a graph file, whose up-to-date store is read when the build keeps one, a store, an rdflib graph):
    the same as ``graph_stats(to_networkx(graph, details=False))``, without building the networkx graph.
    For a graph file with a store, the figures are kept beside the store like the answers of questions
    (``kg.ask.answers.keep``): asked again over the same build, they are read, not counted again; any build
    that changes the store drops them. ``keep=False`` neither reads nor keeps them.

    >>> from kg.api import build
    >>> from kg.paths import DEMO_CORPUS
    >>> s = relationship_stats(build(write=False, validate=False, corpus=DEMO_CORPUS).graph, top=3)
    >>> s.nodes_by_class["Person"] > 0, len(s.top)
    (True, 3)
    """
    from kg.draw.network import fill
    from kg.paths import DEFAULT_GRAPH

    graph = DEFAULT_GRAPH if graph is None else graph
    store = _store_of(graph) if keep else None
    name = _kept_name(top=top, nary=nary, doc=doc, include_personal=include_personal) if store is not None else ""
    if store is not None:
        from kg.ask.answers import read_kept

        found = _from_json(read_kept(name, store=store))
        if found is not None:
            return found
    g, _source, label = fill(SummaryGraph(), graph if store is None else store, nary=nary, doc=doc,
                             include_personal=include_personal, lean=True)
    g.label_of = lambda iri: (lambda lab: (lab.zh, lab.en))(label(iri))
    result = g.stats(top=top)
    if store is not None:
        from kg.ask.answers import keep as keep_file

        keep_file(name, json.dumps({"format": STATS_FORMAT, **asdict(result)}, ensure_ascii=False).encode("utf-8"),
                  store=store)
    return result


# What makes the figures: they are read back only by the same code, for the same options.
STATS_FORMAT = "kg-stats/1"
_STATS_CODE = ("draw/stats.py", "draw/network.py", "draw/reading.py", "draw/compact.py", "ask/answers.py",
               "store/embedded.py")


def _store_of(graph: Any):
    """The up-to-date on-disk store `kg build` keeps beside the graph file ``graph``; None for anything else."""
    if not isinstance(graph, (str, Path)) or Path(graph).is_dir() or not Path(graph).exists():
        return None
    from kg.store.embedded import store_for

    return store_for(Path(graph))


def _kept_name(**options: Any) -> str:
    import hashlib

    import pyoxigraph

    from kg.ask.answers import code_stamp

    text = json.dumps([STATS_FORMAT, pyoxigraph.__version__, code_stamp(_STATS_CODE), options], sort_keys=True)
    return f"stats-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:40]}.json"


def _from_json(data: bytes | None) -> GraphStats | None:
    """The figures a kept file holds, or None if it is not a whole file of this format."""
    if data is None:
        return None
    try:
        d = json.loads(data)
        if not isinstance(d, dict) or d.pop("format", None) != STATS_FORMAT:
            return None
        d["top"] = [tuple(t) for t in d["top"]]
        return GraphStats(**d)
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
