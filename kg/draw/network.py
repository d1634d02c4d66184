"""Turn the RDF graph into a networkx graph of entities and labelled relationships.

Nodes are the entities of the documents (persons, organizations, honors, workshops, policies…) with
their Chinese and English labels, class, facts (data properties), key figures and source quotes.
Provenance nodes (kg:SourceQuote, kg:SourceText) and ontology/vocabulary-only triples are left out;
the quotes a node is derived from stay on it as the ``quotes`` attribute.

N-ary nodes become the relation they express (``nary="edges"``, the default):

* kg:HonorConferral — recipient ─获得 received (date)→ honor; the conferrer as honor ─授予机构→ body;
* kg:Membership — member ─<role>→ organization, or member ─任职 holds→ role when no organization is named;
* kg:Participation — participant ─<activity, e.g. 致辞>→ event;
* kg:Funding — what is funded ─5万元/家 50,000 CNY per workshop→ funder;
* kg:Observation — a figure: an edge honor ─52人 52 persons→ what it is about when it counts holders of an
  honor; always also a line in the ``figures`` attribute of the node it is about (and of the honor).

With ``nary="nodes"`` they stay nodes, linked by their properties (recipient, honor, member…).
Concepts that only qualify a value (level, qualifier, unit, measure, per unit, origin) are attributes,
not nodes.

>>> from kg.api import build
>>> G = to_networkx(build(write=False).graph)
>>> G.nodes["yi-ran"]["label_zh"], G.nodes["yi-ran"]["cls"]
('易冉', 'Person')
>>> sorted(d["label_zh"] for _, v, d in G.out_edges("yi-ran", data=True) if v == "honor-great-craftsman")
['获得']
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from kg.errors import InputError
from kg.namespaces import KG

NARY = ("HonorConferral", "Membership", "Participation", "Funding", "Observation")
PROVENANCE = {KG.SourceQuote, KG.SourceText}
# object properties whose values describe a node rather than link it to another entity
ATTRIBUTE_PROPS = {KG.level, KG.origin, KG.qualifier, KG.unit, KG.measure, KG.perUnit}
SKIP_PROPS = {PROV.wasDerivedFrom, RDF.type, RDFS.label, SKOS.prefLabel, SKOS.inScheme}


@dataclass(frozen=True)
class Label:
    zh: str
    en: str

    def text(self) -> str:
        return self.zh if not self.en or self.en == self.zh else f"{self.zh} {self.en}"


def _local(iri: URIRef | str) -> str:
    s = str(iri)
    return s.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _labels(g: Graph, node: URIRef) -> Label:
    zh = en = ""
    for prop in (RDFS.label, SKOS.prefLabel):
        for lit in g.objects(node, prop):
            if isinstance(lit, Literal):
                if lit.language == "zh" and not zh:
                    zh = str(lit)
                elif lit.language == "en" and not en:
                    en = str(lit)
                elif not lit.language and not zh:
                    zh = str(lit)
    return Label(zh or en or _local(node), en)


def _value_text(lit: Literal) -> str:
    value = lit.toPython()
    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10000:
        return f"{value:,}"
    return str(value)


def _number(lit: Literal | None) -> str:
    return _value_text(lit) if lit is not None else "?"


class _Converter:
    def __init__(self, g: Graph, nary: str):
        if nary not in ("edges", "nodes"):
            raise InputError(f"unknown n-ary mode '{nary}'", hint="use 'edges' or 'nodes'")
        self.g = g
        self.nary = nary
        self.G = nx.MultiDiGraph()
        self.labels: dict[URIRef, Label] = {}
        self._ontology: Graph | None = None

    def label(self, node: URIRef) -> Label:
        if node not in self.labels:
            label = _labels(self.g, node)
            if label.zh == _local(node) and str(node).startswith(str(KG)):
                label = _labels(self.ontology(), node)  # a graph file without the ontology: use the shipped one
            self.labels[node] = label
        return self.labels[node]

    def ontology(self) -> Graph:
        if self._ontology is None:
            from kg.facts.ontology import load_ontology

            self._ontology = load_ontology().graph
        return self._ontology

    def cls(self, node: URIRef) -> URIRef | None:
        types = sorted(t for t in self.g.objects(node, RDF.type) if isinstance(t, URIRef))
        kg_types = [t for t in types if str(t).startswith(str(KG))]
        return (kg_types or types or [None])[0]

    def quotes(self, node: URIRef) -> list[str]:
        found = []
        for q in self.g.objects(node, PROV.wasDerivedFrom):
            start = self.g.value(q, KG.startOffset)
            found.append((int(start) if start is not None else 0, str(self.g.value(q, PROV.value) or "")))
        return [text for _, text in sorted(found) if text]

    # ------------------------------------------------------------------ selection
    def entities(self) -> tuple[list[URIRef], list[URIRef]]:
        """(entity nodes, n-ary nodes): resources described by facts, not provenance, not ontology."""
        onto_ns = str(KG)
        entities, nary = [], []
        for s in sorted(set(self.g.subjects(RDF.type, None))):
            if not isinstance(s, URIRef) or str(s).startswith(onto_ns):
                continue
            cls = self.cls(s)
            if cls in PROVENANCE or not self.g.value(s, PROV.wasDerivedFrom):
                continue
            (nary if cls is not None and _local(cls) in NARY else entities).append(s)
        return entities, nary

    # ------------------------------------------------------------------ nodes
    def add_node(self, node: URIRef) -> str:
        key = _local(node)
        if key in self.G:
            return key
        cls = self.cls(node)
        label = self.label(node)
        cls_label = self.label(cls) if cls is not None else Label("", "")
        facts: dict[str, str] = {}
        for p, o in sorted(self.g.predicate_objects(node)):
            if p in SKIP_PROPS or p == KG.awardReceived:
                continue
            if isinstance(o, Literal):
                if p == SKOS.altLabel:
                    name = "别名 also"
                else:
                    name = self.label(p).text()
                text = _value_text(o)
            elif p in ATTRIBUTE_PROPS:
                name, text = self.label(p).text(), self.label(o).text()
            else:
                continue
            facts[name] = f"{facts[name]}; {text}" if name in facts else text
        self.G.add_node(key, iri=str(node), label_zh=label.zh, label_en=label.en, label=label.zh,
                        cls=_local(cls) if cls is not None else "Resource", cls_zh=cls_label.zh, cls_en=cls_label.en,
                        facts=facts, quotes=self.quotes(node), figures=[])
        return key

    def add_edge(self, s: URIRef, o: URIRef, label: Label, prop: str, via: URIRef | None = None,
                 quotes: list[str] | None = None) -> None:
        u, v = self.add_node(s), self.add_node(o)
        self.G.add_edge(u, v, key=f"{prop}:{_local(via) if via is not None else ''}", prop=prop, label_zh=label.zh,
                        label_en=label.en, label=label.text(), via=str(via) if via is not None else "",
                        quotes=list(quotes or []))

    def is_linkable(self, o: Any, nary_nodes: set[URIRef]) -> bool:
        if not isinstance(o, URIRef) or (o in nary_nodes and self.nary == "edges"):
            return False
        return self.cls(o) not in PROVENANCE

    # ------------------------------------------------------------------ build
    def run(self) -> nx.MultiDiGraph:
        entities, nary = self.entities()
        nary_set = set(nary)
        for node in entities:
            self.add_node(node)
        sources = entities + (nary if self.nary == "nodes" else [])
        if self.nary == "nodes":
            for node in nary:
                self.add_node(node)
        for s in sources:
            for p, o in sorted(self.g.predicate_objects(s)):
                if p in SKIP_PROPS or p in ATTRIBUTE_PROPS or isinstance(o, Literal) or p == SKOS.altLabel:
                    continue
                if p == KG.awardReceived and self.nary == "edges":
                    continue  # the conferral edge says the same, with its date
                if self.is_linkable(o, nary_set):
                    self.add_edge(s, o, self.label(p), _local(p))
        for node in nary:
            self.figures(node)
            if self.nary == "edges":
                getattr(self, "collapse_" + _local(self.cls(node)).lower())(node)
        return self.G

    # ------------------------------------------------------------------ n-ary → edges
    def _v(self, node: URIRef, prop: URIRef) -> Any:
        return self.g.value(node, prop)

    def collapse_honorconferral(self, node: URIRef) -> None:
        date = self._v(node, KG.date)
        suffix = f" ({date})" if date is not None else ""
        label = Label("获得" + suffix, "received" + suffix)
        quotes = self.quotes(node)
        for recipient in self.g.objects(node, KG.recipient):
            for honor in self.g.objects(node, KG.honor):
                self.add_edge(recipient, honor, label, "HonorConferral", node, quotes)
                for body in self.g.objects(node, KG.conferredBy):
                    self.add_edge(honor, body, self.label(KG.conferredBy), "conferredBy", node, quotes)

    def collapse_membership(self, node: URIRef) -> None:
        quotes = self.quotes(node)
        roles = list(self.g.objects(node, KG.role))
        orgs = list(self.g.objects(node, KG.organization))
        for member in self.g.objects(node, KG.member):
            if orgs:
                for org in orgs:
                    for role in roles or [None]:
                        label = self.label(role) if role is not None else self.label(KG.organization)
                        self.add_edge(member, org, label, "Membership", node, quotes)
            else:
                for role in roles:
                    self.add_edge(member, role, Label("任职", "holds"), "Membership", node, quotes)
        if orgs:  # the role is on the edge; keep a role node only if something else links it
            for role in roles:
                key = _local(role)
                if key in self.G and self.G.degree(key) == 0:
                    self.G.remove_node(key)

    def collapse_participation(self, node: URIRef) -> None:
        activity = self._v(node, KG.activity)
        label = Label(str(activity), "") if activity is not None else self.label(KG.participant)
        for who in self.g.objects(node, KG.participant):
            for event in self.g.objects(node, KG.event):
                self.add_edge(who, event, label, "Participation", node, self.quotes(node))

    def collapse_funding(self, node: URIRef) -> None:
        amount, currency = self._v(node, KG.amount), self._v(node, KG.currency)
        per = self._v(node, KG.perUnit)
        per_label = self.label(per) if per is not None else Label("", "")
        source = self._v(node, KG.sourceValue)
        zh = f"{source or _number(amount)}" + (f"/{per_label.zh.split('（')[0]}" if per is not None else "")
        en = f"{_number(amount)} {currency or ''}".strip() + (f" per {per_label.en}" if per is not None else "")
        targets = list(self.g.objects(node, KG.fundedFor)) or list(self.g.objects(node, KG.honor))
        for target in targets:
            for funder in self.g.objects(node, KG.funder):
                self.add_edge(target, funder, Label("资助" + zh, en), "Funding", node, self.quotes(node))
        line = f"{self.label(node).zh} ({en})"
        for target in set(targets) | set(self.g.objects(node, KG.honor)):
            if _local(target) in self.G:
                self.G.nodes[_local(target)]["figures"].append(line)

    def observation_label(self, node: URIRef) -> Label:
        value, unit, qual = self._v(node, KG.value), self._v(node, KG.unit), self._v(node, KG.qualifier)
        source = self._v(node, KG.sourceValue)
        unit_en = self.label(unit).en if unit is not None else ""
        number = _number(value)
        if unit_en and number != "1":
            unit_en += "s"
        qual_en = self.label(qual).en if qual is not None and _local(qual) != "exactly" else ""
        return Label(str(source or number), " ".join(x for x in (qual_en, number, unit_en) if x))

    def collapse_observation(self, node: URIRef) -> None:
        label = self.observation_label(node)
        for honor in self.g.objects(node, KG.honor):
            for about in self.g.objects(node, KG.about):
                self.add_edge(honor, about, label, "Observation", node, self.quotes(node))

    def figures(self, node: URIRef) -> None:
        """Write an observation's figure on the nodes it is about and on its honors."""
        if _local(self.cls(node)) != "Observation":
            return
        text = self.label(node)
        period = self._v(node, KG.period)
        line = text.zh + (f"（{period}）" if period is not None else "") + (f" — {text.en}" if text.en else "")
        targets = list(self.g.objects(node, KG.about)) + list(self.g.objects(node, KG.honor))
        for target in targets:
            key = _local(target)
            if key not in self.G:
                self.add_node(target)
            self.G.nodes[key]["figures"].append(line)


def to_networkx(graph: Graph, *, nary: str = "edges") -> nx.MultiDiGraph:
    """The relationship graph of an RDF graph built by kg (see the module docstring)."""
    G = _Converter(graph, nary).run()
    for _, data in G.nodes(data=True):
        data["degree"] = 0
    for n, d in G.degree():
        G.nodes[n]["degree"] = d
        G.nodes[n]["figures"] = sorted(set(G.nodes[n]["figures"]))
    return G


def find_node(G: nx.Graph, name: str) -> str:
    """The node named ``name``: its id, Chinese or English label or alias; else the only label containing it.

    >>> G = nx.MultiDiGraph(); G.add_node("yi-ran", label_zh="易冉", label_en="Yi Ran", facts={})
    >>> find_node(G, "易冉"), find_node(G, "yi ran")
    ('yi-ran', 'yi-ran')
    """
    want = name.strip().casefold()
    if not want:
        raise InputError("empty entity name")

    def names(n: str, d: dict) -> list[str]:
        alias = d.get("facts", {}).get("别名 also", "")
        return [n, d.get("label_zh", ""), d.get("label_en", "")] + [a for a in alias.split("; ") if a]

    exact = [n for n, d in G.nodes(data=True) if want in (x.casefold() for x in names(n, d))]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [n for n, d in G.nodes(data=True) if any(want in x.casefold() for x in names(n, d))]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise InputError(f"no entity named '{name}'", hint="search by Chinese or English label or id")
    shown = ", ".join(f"{G.nodes[n].get('label_zh', n)} ({n})" for n in sorted(partial)[:6])
    raise InputError(f"'{name}' names {len(partial)} entities: {shown}", hint="use a longer name or the id")


def neighbourhood(G: nx.MultiDiGraph, name: str, depth: int = 1) -> nx.MultiDiGraph:
    """The entity named ``name`` and everything within ``depth`` links of it (either direction)."""
    if depth < 0:
        raise InputError(f"depth must be 0 or more, not {depth}")
    centre = find_node(G, name)
    near = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), centre, cutoff=depth)
    sub = G.subgraph(sorted(near)).copy()
    sub.graph["focus"] = centre
    return sub


def flat(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all str, int or float (lists and dicts joined into text) for GraphML/GEXF."""

    def clean(data: dict) -> dict:
        out = {}
        for k, v in data.items():
            if v is None:
                continue
            if isinstance(v, dict):
                v = "\n".join(f"{a}: {b}" for a, b in v.items())
            elif isinstance(v, (list, tuple, set)):
                v = "\n".join(str(x) for x in v)
            elif not isinstance(v, (str, int, float)) or isinstance(v, bool):
                v = str(v)
            out[k] = v
        return out

    H = nx.MultiDiGraph()
    H.graph.update(clean(G.graph))
    for n, d in G.nodes(data=True):
        H.add_node(n, **clean(d))
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, **clean(d))
    # GraphML/GEXF need one type per attribute across all nodes: give every node every key
    for items in (H.nodes.values(), [d for _, _, d in H.edges(data=True)]):
        keys = {k: type(v) for d in items for k, v in d.items()}
        for d in items:
            for k, t in keys.items():
                d.setdefault(k, t())
    return H


def by_class(G: nx.Graph) -> dict[str, list[str]]:
    """Node ids grouped by class."""
    groups: dict[str, list[str]] = defaultdict(list)
    for n, d in G.nodes(data=True):
        groups[d.get("cls", "Resource")].append(n)
    return dict(groups)
