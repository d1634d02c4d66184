"""The relationship graph of a corpus kept as columns, for the page of a large graph (no networkx).

At corpus scale (hundreds of thousands of nodes) the page does not draw every node: it carries an index
(names, classes, documents, the distinct relations) and draws overviews and neighbourhoods in the browser.
``CompactGraph`` holds exactly that, filled by kg.draw.network's converter (the same code that fills a
networkx graph, so both say the same thing) or copied from a networkx graph: node ids, labels and classes as
lists of shared strings, documents as shared tuples, and each distinct relation once as integers.

>>> g = CompactGraph()
>>> g.add_node("a", label_zh="甲", label_en="A", cls="Person", cls_zh="人物", cls_en="person", docs=["d1"])
>>> g.add_node("b", label_zh="乙", cls="Honor", docs=[])
>>> g.add_edge("a", "b", key="HonorConferral:d1/c", label_zh="获得", label_en="received", docs=["d1"])
>>> g.add_edge("a", "b", key="HonorConferral:d1/c2", label_zh="获得", label_en="received", docs=["d2"])
>>> g.finish()
>>> g.number_of_nodes(), g.number_of_edges(), len(g.relations()), g.docs_of(1)
(2, 2, 1, ('d1', 'd2'))
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterable


class CompactGraph:
    """Nodes (id, Chinese and English label, class, documents) and the relations between them.

    Edges are counted as the networkx multigraph counts them (one per ``key``), relations are the distinct
    (source, target, label) triples the page draws. A node without documents of its own (a vocabulary
    concept, a registry entry) is in the documents of the edges that touch it, as in ``to_networkx``.
    """

    def __init__(self) -> None:
        self.graph: dict[str, Any] = {}
        self.index: dict[str, int] = {}
        self.ids: list[str] = []
        self.zh: list[str] = []
        self.en: list[str] = []
        self.cls: list[str] = []
        self.own_docs: list[tuple[str, ...]] = []
        self.class_labels: dict[str, tuple[str, str]] = {}
        self.labels: dict[tuple[str, str], int] = {}
        self._edges: set[tuple[int, int, str]] = set()
        self._relations: set[tuple[int, int, int]] = set()
        self._pairs: Counter = Counter()
        self._linked: dict[int, set[str]] = {}
        self._degree: list[int] = []
        self._tuples: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._strings: dict[str, str] = {}
        self._removed: set[int] = set()

    # ---------------------------------------------------------------- the converter's side (networkx-like)
    def __contains__(self, key: str) -> bool:
        return key in self.index

    def __len__(self) -> int:
        return len(self.ids) - len(self._removed)

    def _s(self, text: str) -> str:
        return self._strings.setdefault(text, text)

    def add_node(self, key: str, *, label_zh: str = "", label_en: str = "", cls: str = "Resource", cls_zh: str = "",
                 cls_en: str = "", docs: Iterable[str] = (), **_: Any) -> None:
        """Add a node (a node already there is kept as it is)."""
        if key in self.index:
            return
        self.index[key] = len(self.ids)
        self.ids.append(key)
        self.zh.append(self._s(label_zh or key))
        self.en.append(self._s(label_en))
        self.cls.append(self._s(cls))
        if cls not in self.class_labels:
            self.class_labels[cls] = (cls_zh, cls_en or cls)
        docs = tuple(docs)
        self.own_docs.append(self._tuples.setdefault(docs, docs))
        self._degree.append(0)

    def add_edge(self, u: str, v: str, key: str = "", *, label_zh: str = "", label_en: str = "",
                 docs: Iterable[str] = (), **_: Any) -> None:
        """Add an edge ``u`` → ``v`` (both nodes already added); an edge with the same key is one edge."""
        a, b = self.index[u], self.index[v]
        edge = (a, b, self._s(key))
        if edge in self._edges:
            return
        self._edges.add(edge)
        label = self.labels.setdefault((self._s(label_zh), self._s(label_en)), len(self.labels))
        self._relations.add((a, b, label))
        self._pairs[(self.cls[a], self.cls[b])] += 1
        self._degree[a] += 1
        self._degree[b] += 1
        for end in (a, b):
            if not self.own_docs[end]:
                self._linked.setdefault(end, set()).update(docs)

    def degree(self, key: str) -> int:
        return self._degree[self.index[key]]

    def remove_isolated(self, cls: str) -> None:
        """Leave out the nodes of class ``cls`` that no edge touches."""
        self._removed |= {i for i, c in enumerate(self.cls) if c == cls and self._degree[i] == 0}

    def finish(self) -> None:
        """After the last edge: nodes without documents of their own take those of their edges; the removed
        nodes leave; nodes are numbered in id order."""
        docs = list(self.own_docs)
        for i, linked in self._linked.items():
            found = tuple(sorted(linked))
            docs[i] = self._tuples.setdefault(found, found)
        keep = sorted((i for i in range(len(self.ids)) if i not in self._removed), key=self.ids.__getitem__)
        new = {old: k for k, old in enumerate(keep)}
        self.ids = [self.ids[i] for i in keep]
        self.index = {v: k for k, v in enumerate(self.ids)}
        self.zh = [self.zh[i] for i in keep]
        self.en = [self.en[i] for i in keep]
        self.cls = [self.cls[i] for i in keep]
        self.own_docs = [docs[i] for i in keep]
        self._degree = [self._degree[i] for i in keep]
        self._relations = {(new[a], new[b], k) for a, b, k in self._relations}
        self._edge_count = len(self._edges)
        self._edges = set()
        self._linked = {}
        self._removed = set()

    # ---------------------------------------------------------------- the page's side
    def number_of_nodes(self) -> int:
        return len(self.ids) - len(self._removed)

    def number_of_edges(self) -> int:
        return getattr(self, "_edge_count", len(self._edges))

    def docs_of(self, i: int) -> tuple[str, ...]:
        return self.own_docs[i]

    def relations(self, *, ordered: bool = True) -> Iterable[tuple[int, int, int]]:
        """The distinct (source, target, label index) relations, sorted unless ``ordered=False``."""
        return sorted(self._relations) if ordered else self._relations

    def class_pairs(self) -> Counter:
        """How many edges join each (source class, target class)."""
        return self._pairs

    def label_list(self) -> list[tuple[str, str]]:
        """The (Chinese, English) edge labels in index order."""
        return sorted(self.labels, key=self.labels.__getitem__)


def from_networkx(G) -> CompactGraph:
    """A ``CompactGraph`` of a relationship graph made by ``kg.draw.network.to_networkx``.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(documents=["d"]); G.add_node("a", label_zh="甲", cls="Person", docs=["d"]); G.add_node("b", docs=[])
    >>> G.add_edge("a", "b", key="p:", label_zh="关系", docs=["d"])
    'p:'
    >>> c = from_networkx(G); c.ids, c.relations(), c.graph["documents"]
    (['a', 'b'], [(0, 1, 0)], ['d'])
    """
    g = CompactGraph()
    g.graph.update(G.graph)
    for v in sorted(G.nodes, key=str):
        d = G.nodes[v]
        g.add_node(str(v), label_zh=d.get("label_zh", "") or str(v), label_en=d.get("label_en", ""),
                   cls=d.get("cls", "Resource"), cls_zh=d.get("cls_zh", ""), cls_en=d.get("cls_en", ""),
                   docs=d.get("docs", ()))
    for u, v, k, d in G.edges(keys=True, data=True):
        g.add_edge(str(u), str(v), str(k), label_zh=d.get("label_zh", ""), label_en=d.get("label_en", ""),
                   docs=d.get("docs", ()))
    g.finish()
    return g
