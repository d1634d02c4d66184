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

Across a corpus there is one node per entity: a registry entity mentioned by several documents is one
node whose ``docs`` lists them (documents are the named graphs ``<base>graph/<doc-id>``); ``doc=ID`` draws
one document's graph. Node ids are the IRIs' paths under ``<base>id/`` (``doc-id/fact-id`` for a
document's facts). Personal contact data (properties under schema:telephone, schema:email,
schema:faxNumber, or marked ``kg:personalData true`` in the ontology) is left out unless
``include_personal=True``. ``details=False`` leaves out facts, figures and quotes (for corpus-scale pages).

The RDF is read with a few SPARQL queries on Oxigraph (``kg.draw.reading``), never triple by triple in
rdflib, so a corpus of millions of triples converts in seconds.

>>> from kg.api import build
>>> from kg.paths import DEMO_CORPUS
>>> G = to_networkx(build(write=False, validate=False, corpus=DEMO_CORPUS).graph)
>>> zs = find_node(G, "张三")
>>> G.nodes[zs]["label_zh"], G.nodes[zs]["cls"], zs.split("/")[-1]
('张三', 'Person', 'zhang-san')
>>> sorted(d["label_zh"] for _, v, d in G.out_edges(zs, data=True) if v == "honor-national-technical-expert")
['获得']
"""
from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from operator import itemgetter
from decimal import Decimal, InvalidOperation
from typing import Any

import networkx as nx

from kg.draw.reading import Lit
from kg.errors import InputError

NARY = ("HonorConferral", "Membership", "Participation", "Funding", "Observation")
KG_NS = "https://w3id.org/kg-talent/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROVENANCE = {KG_NS + "SourceQuote", KG_NS + "SourceText"}
# object properties whose values describe a node rather than link it to another entity
ATTRIBUTE_PROPS = {KG_NS + p for p in ("level", "origin", "qualifier", "unit", "measure", "perUnit")}
SKIP_PROPS = {PROV_DERIVED, RDF_TYPE, RDFS_LABEL, SKOS + "prefLabel", SKOS + "inScheme"}
ALT_LABEL = SKOS + "altLabel"
AWARD_RECEIVED = KG_NS + "awardReceived"
# literal properties the n-ary edges need even without details
NARY_LITERALS = ("date", "amount", "currency", "sourceValue", "value", "activity", "period")
DETAILS_LIMIT = 20000  # facts; past it (a corpus), details=None leaves out facts, figures and quotes
INTEGER_TYPES = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                   "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong",
                                   "unsignedShort", "unsignedByte")}

# the rule of kg.graph.personal (kg:personalData true, or under schema:telephone/email/faxNumber), on the store
PERSONAL_QUERY = """SELECT DISTINCT ?p WHERE {
  { VALUES ?top { schema:telephone schema:email schema:faxNumber } ?p rdfs:subPropertyOf* ?top }
  UNION { ?top kg:personalData true . ?p rdfs:subPropertyOf* ?top }
}"""


@dataclass(frozen=True, slots=True)
class Label:
    zh: str
    en: str

    def text(self) -> str:
        return self.zh if not self.en or self.en == self.zh else f"{self.zh} {self.en}"


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def node_key(iri: str) -> str:
    """The id of a node: the IRI's path under ``…/id/`` (so ``doc-id/fact-id`` for a document's facts), else
    its local name.

    >>> node_key("https://w3id.org/kg-talent/id/demo-2025-7/zhang-san"), node_key("https://w3id.org/kg-talent/ontology#tv")
    ('demo-2025-7/zhang-san', 'tv')
    """
    head, sep, rest = iri.rpartition("/id/")
    if sep and rest and "#" not in rest:
        return rest
    return _local(iri)


def _value_text(lit: Lit) -> str:
    value: Any = lit.value
    try:
        if lit.dt in INTEGER_TYPES:
            value = int(lit.value)
        elif lit.dt == XSD + "decimal":
            d = Decimal(lit.value)
            value = int(d) if d == d.to_integral_value() else float(d)
        elif lit.dt in (XSD + "double", XSD + "float"):
            value = float(lit.value)
    except (ValueError, InvalidOperation):
        return lit.value
    if isinstance(value, int) and abs(value) >= 10000:
        return f"{value:,}"
    return str(value)


def _number(lit: Any) -> str:
    return _value_text(lit) if isinstance(lit, Lit) else "?" if lit is None else str(lit)



class _Facts:
    """What the converter reads, fetched with a few SPARQL queries and indexed by subject IRI."""

    def __init__(self, source: Any, *, details: bool | None, include_personal: bool, lean: bool = False):
        """``lean``: leave out each fact's documents, and read a node's labels when :meth:`label` asks for
        them rather than all at once (for a summary that needs the labels of a few nodes)."""
        from kg.draw.reading import graph_document, open_source

        shipped_only: set[str] = set()
        self.src = source
        self.types: dict[str, list[str]] = defaultdict(list)
        self.quotes_of: dict[str, list[str]] = defaultdict(list)
        self.docs: dict[str, tuple[str, ...]] = {}  # sorted, one tuple shared by the facts of the same documents
        # per subject, sorted: (predicate, IRI) links and (predicate, Lit) literals
        self.links: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.lits: dict[str, list[tuple[str, Lit]]] = defaultdict(list)
        self.zh: dict[str, tuple] = {}
        self.en: dict[str, tuple] = {}
        self.quote_text: dict[str, tuple[int, str]] = {}
        self._labels: dict[str, Label] = {}
        personal = set() if include_personal else self.personal_properties()
        self.personal = personal
        if details is None:
            (count,), = source.select("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s prov:wasDerivedFrom ?q }")
            details = int(count) <= DETAILS_LIMIT
        self.details = details
        self.lean = lean
        docs = not lean and bool(source.documents)
        # with details, one row per quote; without, one per fact (and document). No isIRI() and the like:
        # SPARQL functions cost microseconds a row on the store; blank nodes are told apart here
        what, graph = ("?q", "") if details else ("", "DISTINCT ")
        query = (f"SELECT {graph}?s {what} ?g WHERE {{ GRAPH ?g {{ ?s prov:wasDerivedFrom ?q }} }}"
                 if docs else f"SELECT {graph}?s {what} WHERE {{ ?s prov:wasDerivedFrom ?q }}")
        shared: dict[tuple[str, ...], tuple[str, ...]] = {}
        many: dict[str, set[str]] = {}
        doc_of_graph: dict[str, str | None] = {}
        own = self.docs
        quotes_of = self.quotes_of

        def fact(row: list) -> None:
            s = row[0]
            if not isinstance(s, str) or s.startswith("_:"):
                return
            if details:
                quotes_of[s].append(row[1])
            elif s not in quotes_of:
                quotes_of[s] = ()  # type: ignore[assignment]  # a fact; its quotes are not read
            if docs:
                g = row[-1]
                doc = doc_of_graph.get(g, "")
                if doc == "":
                    doc = graph_document(g)
                    doc = doc_of_graph[g] = sys.intern(doc) if doc else None
                if doc:
                    found = own.get(s)
                    if found is None:
                        own[s] = shared.setdefault((doc,), (doc,))
                    elif doc not in found:  # in several documents (a registry entity): a set until the end
                        many.setdefault(s, set(found)).add(doc)

        source.each(query, fact)
        for s, found in many.items():
            docs_sorted = tuple(sorted(found))
            own[s] = shared.setdefault(docs_sorted, docs_sorted)
        types = self.types

        def typed(row: list) -> None:
            s, t = row
            if isinstance(s, str) and isinstance(t, str) and not s.startswith("_:") and not t.startswith("_:"):
                types[s].append(t)

        source.each("SELECT DISTINCT ?s ?t WHERE { ?s a ?t FILTER(?t != kg:SourceQuote) }", typed)
        # vocabulary concepts of a graph file without the vocabularies: their types from the shipped ones
        for s, t in open_source(_shipped_ontology()).select("SELECT ?s ?t WHERE { ?s a ?t FILTER(isIRI(?t)) }"):
            if s not in self.types or s in shipped_only:
                shipped_only.add(s)
                self.types[s].append(t)
        if not lean:
            self.read_labels(source)
        facts = self.quotes_of
        # links (to IRIs) and literals of the facts in one pass; what the picture never shows is left out by
        # predicate (cheap) rather than by a function of the object
        skip = ["prov:wasDerivedFrom", "rdf:type", "kg:sourceText", "rdfs:label", "skos:prefLabel", "prov:value"]
        wanted_lits = None
        if not details:  # only what the n-ary edges and the search need
            skip += ["kg:startOffset", "kg:endOffset"] + [f"kg:{p}" for p in ("origin", "level", "measure")]
            wanted_lits = {KG_NS + p for p in NARY_LITERALS} | {ALT_LABEL}
        if lean:  # literals only make labels (and n-ary edges are counted by their kind, not their label)
            wanted_lits = set()
        out, out_lits = self.links, self.lits

        def keep(row: list) -> None:
            s, p, o = row
            if s not in facts or p in personal:
                return
            if isinstance(o, Lit):
                if wanted_lits is None or p in wanted_lits:
                    out_lits[s].append((p, o))
            elif not o.startswith("_:"):
                out[s].append((p, o))

        source.each(f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER(?p NOT IN ({', '.join(skip)})) }}", keep)
        if details:
            for q, start, text in source.select("SELECT ?q ?start ?text WHERE { ?q a kg:SourceQuote ; prov:value ?text "
                                                "OPTIONAL { ?q kg:startOffset ?start } }"):
                try:
                    self.quote_text[q] = (int(start) if start else 0, text)
                except ValueError:
                    self.quote_text[q] = (0, text)
        for table in (self.links, self.lits):  # sorted, without the repeats of a triple in several graphs
            for s, values in table.items():
                values.sort()
                if len(values) > 1 and len(set(values)) < len(values):
                    table[s] = sorted(set(values))

    def personal_properties(self) -> set[str]:
        from kg.draw.reading import open_source

        found = {p for (p,) in self.src.select(PERSONAL_QUERY)}
        found |= {p for (p,) in open_source(_shipped_ontology()).select(PERSONAL_QUERY)}
        return found

    def read_labels(self, source: Any, subjects: list[str] | None = None) -> None:
        """Chinese and English labels of everything, or of the IRIs ``subjects`` (rdfs:label before
        skos:prefLabel; untagged counts as Chinese); kg terms missing from the graph get the shipped ontology's
        labels."""
        from kg.draw.reading import open_source

        zh: dict[str, tuple] = {}
        en: dict[str, tuple] = {}
        values = "" if subjects is None else "VALUES ?s { " + " ".join(f"<{s}>" for s in subjects) + " } "

        def take(rank: int, s: str, p: str, label: str, lang: str) -> None:
            key = (rank, p != RDFS_LABEL, lang != "zh" if lang in ("zh", "") else 9, label)
            if lang in ("zh", ""):
                if s not in zh or key < zh[s][0]:
                    zh[s] = (key, label)
            elif lang == "en":
                if s not in en or key < en[s][0]:
                    en[s] = (key, label)

        for p in (RDFS_LABEL, SKOS + "prefLabel"):
            def row(r: list, p: str = p) -> None:
                s, o = r
                if isinstance(o, Lit) and isinstance(s, str) and not s.startswith("_:"):
                    take(0, s, p, o.value, o.lang)

            source.each(f"SELECT ?s ?l WHERE {{ {values}?s <{p}> ?l }}", row)
        for s, p, label, lang in open_source(_shipped_ontology()).select(
                f"SELECT ?s ?p ?l (LANG(?l) AS ?lang) WHERE {{ {values}?s rdfs:label|skos:prefLabel ?l "
                "FILTER(isLiteral(?l)) }"):
            take(1, s, p, label, lang)
        self.zh.update((s, v[1]) for s, v in zh.items())
        self.en.update((s, v[1]) for s, v in en.items())

    def extend(self, nodes: set[str]) -> None:
        """Links and literals of nodes that are not facts (vocabulary concepts, registry entries) but are drawn."""
        nodes = sorted(n for n in nodes if n not in self.quotes_of and n not in self.links and n not in self.lits)
        for i in range(0, len(nodes), 500):
            values = " ".join(f"<{n}>" for n in nodes[i:i + 500] if ">" not in n and " " not in n)
            if not values:
                continue
            rows = self.src.select("SELECT ?s ?p ?o (isIRI(?o) AS ?iri) (LANG(?o) AS ?lang) (DATATYPE(?o) AS ?dt) "
                                   "WHERE { VALUES ?s { " + values + " } ?s ?p ?o FILTER(?p != rdf:type) }")
            for s, p, o, is_iri, lang, dt in sorted(set(rows)):
                if p in self.personal:
                    continue
                if is_iri == "true":
                    self.links[s].append((p, o))
                elif self.details or p == ALT_LABEL:
                    self.lits[s].append((p, Lit(o, lang, dt)))
            for n in nodes[i:i + 500]:
                for table in (self.links, self.lits):
                    if n in table:
                        table[n].sort()

    # rdflib-like accessors over the index
    def objects(self, s: str, p: str) -> list[str]:
        """The IRIs ``s`` links to by ``p``."""
        return [o for q, o in self.links.get(s, ()) if q == p]

    def value(self, s: str, p: str) -> Any:
        """The first IRI, else the first literal, of ``s`` by ``p``."""
        for table in (self.links, self.lits):
            for q, o in table.get(s, ()):
                if q == p:
                    return o
        return None

    def properties(self, s: str) -> list[tuple[str, Any]]:
        """All (predicate, IRI or Lit) of ``s``, in predicate order."""
        return sorted(self.lits.get(s, []) + self.links.get(s, []), key=itemgetter(0))

    def label(self, node: str) -> Label:
        found = self._labels.get(node)
        if found is None:
            if self.lean and not node.startswith("_:") and not any(c in node for c in '<>" {}|\\^`'):
                self.read_labels(self.src, [node])
            zh = self.zh.get(node, "")
            en = self.en.get(node, "")
            found = self._labels[node] = Label(zh or en or _local(node), en)
        return found

    def docs_of(self, node: str) -> tuple[str, ...]:
        """The documents a fact comes from, sorted."""
        return self.docs.get(node, ())


_ONTOLOGY_STORE: list = []


def _shipped_ontology():
    """The shipped ontology and vocabularies in a small Oxigraph store (parsed once per process)."""
    if not _ONTOLOGY_STORE:
        import pyoxigraph as ox

        from kg.paths import ONTOLOGY_FILES

        store = ox.Store()
        for f in ONTOLOGY_FILES:
            store.bulk_load(path=str(f), format=ox.RdfFormat.TURTLE)
        _ONTOLOGY_STORE.append(store)
    return _ONTOLOGY_STORE[0]


class _Converter:
    def __init__(self, facts: _Facts, nary: str, graph: Any = None):
        self.f = facts
        self.nary = nary
        self.details = facts.details
        # a networkx graph, or a CompactGraph (kg.draw.compact) that keeps only what a large graph's page needs
        self.compact = graph is not None
        self.G = graph if graph is not None else nx.MultiDiGraph()
        self._cls: dict[str, str | None] = {}
        self._keys: dict[str, str] = {}

    def label(self, node: str) -> Label:
        return self.f.label(node)

    def cls(self, node: str) -> str | None:
        if node not in self._cls:
            types = sorted(self.f.types.get(node, ()))
            kg_types = [t for t in types if t.startswith(KG_NS)]
            self._cls[node] = (kg_types or types or [None])[0]
        return self._cls[node]

    def quotes(self, node: str) -> list[str]:
        if not self.details:
            return []
        found = [self.f.quote_text.get(q, (0, "")) for q in self.f.quotes_of.get(node, ())]
        return [text for _, text in sorted(set(found)) if text]

    # ------------------------------------------------------------------ selection
    def entities(self) -> tuple[list[str], list[str]]:
        """(entity nodes, n-ary nodes): resources described by facts, not provenance, not ontology."""
        entities, nary = [], []
        for s in sorted(self.f.quotes_of):
            if s.startswith(KG_NS) or s not in self.f.types:
                continue
            cls = self.cls(s)
            if cls in PROVENANCE:
                continue
            (nary if cls is not None and _local(cls) in NARY else entities).append(s)
        return entities, nary

    # ------------------------------------------------------------------ nodes
    def add_node(self, node: str) -> str:
        key = self._keys.get(node)
        if key is not None:
            return key
        key = self._keys[node] = node_key(node)
        if key in self.G:
            return key
        cls = self.cls(node)
        if self.f.lean:  # a summary: the labels of the few nodes it shows are read when it shows them
            self.G.add_node(key, iri=node, cls=_local(cls) if cls is not None else "Resource", cls_iri=cls)
            return key
        label = self.label(node)
        cls_label = self.label(cls) if cls is not None else Label("", "")
        if self.compact:
            self.G.add_node(key, label_zh=label.zh, label_en=label.en, cls=_local(cls) if cls is not None else "Resource",
                            cls_zh=cls_label.zh, cls_en=cls_label.en, docs=self.f.docs_of(node))
            return key
        facts: dict[str, str] = {}
        aliases = []
        for p, o in self.f.properties(node):
            if p in SKIP_PROPS or p == AWARD_RECEIVED:
                continue
            if isinstance(o, Lit):
                if p == ALT_LABEL:
                    name = "别名 also"
                    aliases.append(o.value)
                elif not self.details:
                    continue
                else:
                    name = self.label(p).text()
                text = _value_text(o)
            elif p in ATTRIBUTE_PROPS and self.details:
                name, text = self.label(p).text(), self.label(o).text()
            else:
                continue
            facts[name] = f"{facts[name]}; {text}" if name in facts else text
        self.G.add_node(key, iri=node, label_zh=label.zh, label_en=label.en, label=label.zh,
                        cls=_local(cls) if cls is not None else "Resource", cls_zh=cls_label.zh, cls_en=cls_label.en,
                        facts=facts, quotes=self.quotes(node), figures=[], docs=list(self.f.docs_of(node)))
        return key

    def add_edge(self, s: str, o: str, label: Label, prop: str, via: str | None = None,
                 quotes: list[str] | None = None) -> None:
        u, v = self.add_node(s), self.add_node(o)
        docs = self.f.docs_of(via if via is not None else s)
        key = f"{prop}:{node_key(via) if via is not None else ''}"
        if self.compact:
            self.G.add_edge(u, v, key, prop=prop, label_zh=label.zh, label_en=label.en, docs=docs)
            return
        self.G.add_edge(u, v, key=key, prop=prop, label_zh=label.zh, label_en=label.en, label=label.text(),
                        via=via or "", quotes=list(quotes or []), docs=list(docs))

    def is_linkable(self, o: str, nary_nodes: set[str]) -> bool:
        if o in nary_nodes and self.nary == "edges":
            return False
        return self.cls(o) not in PROVENANCE

    # ------------------------------------------------------------------ build
    def run(self) -> nx.MultiDiGraph:
        entities, nary = self.entities()
        nary_set = set(nary)
        sources = entities + (nary if self.nary == "nodes" else [])
        # non-fact nodes the picture links to (vocabulary concepts, registry entries): read their own properties
        links = self.f.links
        linked = {o for s in sources for p, o in links.get(s, ())}
        linked |= {o for s in nary for p, o in links.get(s, ())}
        if not self.compact:  # their aliases and details (a compact graph keeps neither)
            self.f.extend(linked)
        for node in entities:
            self.add_node(node)
        if self.nary == "nodes":
            for node in nary:
                self.add_node(node)
        for s in sources:
            for p, o in links.get(s, ()):
                if p in SKIP_PROPS or p in ATTRIBUTE_PROPS or p == ALT_LABEL:
                    continue
                if p == AWARD_RECEIVED and self.nary == "edges":
                    continue  # the conferral edge says the same, with its date
                if self.is_linkable(o, nary_set):
                    self.add_edge(s, o, self.label(p), _local(p))
        collapse = {"HonorConferral": self.collapse_conferral, "Membership": self.collapse_membership,
                    "Participation": self.collapse_participation, "Funding": self.collapse_funding,
                    "Observation": self.collapse_observation}
        for node in nary:
            if self.details:
                self.figures(node)
            if self.nary == "edges":
                collapse[_local(self.cls(node))](node)
        # a role is on the edges of its memberships; a role node stays only if something links it
        if self.compact:
            self.G.remove_isolated("Role")
        else:
            lonely = [n for n, d in self.G.nodes(data=True) if d["cls"] == "Role" and self.G.degree(n) == 0]
            self.G.remove_nodes_from(lonely)
        return self.G

    # ------------------------------------------------------------------ n-ary → edges
    def _v(self, node: str, prop: str) -> Any:
        return self.f.value(node, KG_NS + prop)

    def _all(self, node: str, prop: str) -> list[str]:
        return self.f.objects(node, KG_NS + prop)

    def collapse_conferral(self, node: str) -> None:
        date = self._v(node, "date")
        suffix = f" ({_number(date)})" if date is not None else ""
        label = Label("获得" + suffix, "received" + suffix)
        quotes = self.quotes(node)
        for recipient in self._all(node, "recipient"):
            for honor in self._all(node, "honor"):
                self.add_edge(recipient, honor, label, "HonorConferral", node, quotes)
                for body in self._all(node, "conferredBy"):
                    self.add_edge(honor, body, self.label(KG_NS + "conferredBy"), "conferredBy", node, quotes)

    def collapse_membership(self, node: str) -> None:
        quotes = self.quotes(node)
        roles = self._all(node, "role")
        orgs = self._all(node, "organization")
        for member in self._all(node, "member"):
            if orgs:
                for org in orgs:
                    for role in roles or [None]:
                        if self.f.lean:  # a summary counts these edges as Membership: their labels are not read
                            label = Label("", "")
                        else:
                            label = self.label(role) if role is not None else self.label(KG_NS + "organization")
                        self.add_edge(member, org, label, "Membership", node, quotes)
            else:
                for role in roles:
                    self.add_edge(member, role, Label("任职", "holds"), "Membership", node, quotes)

    def collapse_participation(self, node: str) -> None:
        activity = self._v(node, "activity")
        label = Label(_number(activity), "") if activity is not None else self.label(KG_NS + "participant")
        for who in self._all(node, "participant"):
            for event in self._all(node, "event"):
                self.add_edge(who, event, label, "Participation", node, self.quotes(node))

    def collapse_funding(self, node: str) -> None:
        amount, currency = self._v(node, "amount"), self._v(node, "currency")
        per = self._v(node, "perUnit")
        per_label = self.label(per) if isinstance(per, str) else Label("", "")
        source = self._v(node, "sourceValue")
        currency_text = "" if currency is None else currency.value if isinstance(currency, Lit) else _local(currency)
        zh = f"{source.value if isinstance(source, Lit) else _number(amount)}" + \
            (f"/{per_label.zh.split('（')[0]}" if per is not None else "")
        en = f"{_number(amount)} {currency_text}".strip() + (f" per {per_label.en}" if per is not None else "")
        targets = self._all(node, "fundedFor") or self._all(node, "honor")
        for target in targets:
            for funder in self._all(node, "funder"):
                self.add_edge(target, funder, Label("资助" + zh, en), "Funding", node, self.quotes(node))
        if self.details:
            line = f"{self.label(node).zh} ({en})"
            for target in sorted(set(targets) | set(self._all(node, "honor"))):
                if node_key(target) in self.G:
                    self.G.nodes[node_key(target)]["figures"].append(line)

    def observation_label(self, node: str) -> Label:
        value, unit, qual = self._v(node, "value"), self._v(node, "unit"), self._v(node, "qualifier")
        source = self._v(node, "sourceValue")
        unit_en = self.label(unit).en if isinstance(unit, str) else ""
        number = _number(value)
        if unit_en and number != "1":
            unit_en += "s"
        qual_en = self.label(qual).en if isinstance(qual, str) and _local(qual) != "exactly" else ""
        return Label(source.value if isinstance(source, Lit) else number,
                     " ".join(x for x in (qual_en, number, unit_en) if x))

    def collapse_observation(self, node: str) -> None:
        label = self.observation_label(node)
        for honor in self._all(node, "honor"):
            for about in self._all(node, "about"):
                self.add_edge(honor, about, label, "Observation", node, self.quotes(node))

    def figures(self, node: str) -> None:
        """Write an observation's figure on the nodes it is about and on its honors."""
        if _local(self.cls(node) or "") != "Observation":
            return
        text = self.label(node)
        period = self._v(node, "period")
        line = text.zh + (f"（{_number(period)}）" if period is not None else "") + (f" — {text.en}" if text.en else "")
        for target in self._all(node, "about") + self._all(node, "honor"):
            key = self.add_node(target)
            self.G.nodes[key]["figures"].append(line)


def to_networkx(graph: Any, *, nary: str = "edges", doc: str | None = None, include_personal: bool = False,
                details: bool | None = True) -> nx.MultiDiGraph:
    """The relationship graph of an RDF graph built by kg (see the module docstring).

    ``graph`` is an rdflib Graph or Dataset, a graph file (.ttl, .trig, .nq, …), a pyoxigraph Store or
    the folder of an on-disk Oxigraph store. ``details=None``: facts, figures and quotes only when the graph
    has at most ``DETAILS_LIMIT`` facts.
    """
    from kg.draw.reading import open_source

    if nary not in ("edges", "nodes"):
        raise InputError(f"unknown n-ary mode '{nary}'", hint="use 'edges' or 'nodes'")
    source = open_source(graph).restrict(doc)
    G = _Converter(_Facts(source, details=details, include_personal=include_personal), nary).run()
    for n, d in G.degree():
        G.nodes[n]["degree"] = d
        if not G.nodes[n]["docs"]:  # a vocabulary concept or registry entry: in the documents whose facts link it
            linked = {doc for _, _, e in G.edges(n, data=True) for doc in e["docs"]}
            linked |= {doc for _, _, e in G.in_edges(n, data=True) for doc in e["docs"]}
            G.nodes[n]["docs"] = sorted(linked)
        if G.nodes[n]["figures"]:
            G.nodes[n]["figures"] = sorted(set(G.nodes[n]["figures"]))
    G.graph["documents"] = source.documents if doc is None else [doc]
    G.graph["places"] = place_classes(source)
    return G


def to_compact(graph: Any, *, nary: str = "edges", doc: str | None = None, include_personal: bool = False):
    """The relationship graph as a ``kg.draw.compact.CompactGraph``: the same nodes, edges, labels, classes and
    documents as ``to_networkx(..., details=False)``, without networkx, for the page of a large graph.

    >>> from kg.api import build
    >>> from kg.paths import DEMO_CORPUS
    >>> g = to_compact(build(write=False, validate=False, corpus=DEMO_CORPUS).graph)
    >>> g.cls[g.zh.index("张三")]
    'Person'
    """
    from kg.draw.compact import CompactGraph

    g, source, _label = fill(CompactGraph(), graph, nary=nary, doc=doc, include_personal=include_personal)
    g.graph["documents"] = source.documents if doc is None else [doc]
    g.graph["places"] = place_classes(source)
    return g


def fill(target: Any, graph: Any, *, nary: str = "edges", doc: str | None = None, include_personal: bool = False,
         lean: bool = False) -> tuple[Any, Any, Any]:
    """Run the converter of ``to_networkx(..., details=False)`` into ``target``, a graph with the
    ``kg.draw.compact.CompactGraph`` interface (``add_node``, ``add_edge``, ``remove_isolated``, ``finish``), and
    finish it. ``lean``: nodes get no documents and no labels (``add_node(key, iri=, cls=, cls_iri=)``); the
    returned ``label`` function reads an IRI's ``Label`` when asked. Returns ``(target, source, label)``."""
    from kg.draw.reading import open_source

    if nary not in ("edges", "nodes"):
        raise InputError(f"unknown n-ary mode '{nary}'", hint="use 'edges' or 'nodes'")
    source = open_source(graph).restrict(doc)
    facts = _Facts(source, details=False, include_personal=include_personal, lean=lean)
    g = _Converter(facts, nary, target).run()
    g.finish()
    return g, source, facts.label


PLACE_QUERY = "SELECT DISTINCT ?c WHERE { ?c rdfs:subClassOf* schema:Place }"


def place_classes(source: Any) -> list[str]:
    """Local names of the classes that are places (rdfs:subClassOf* schema:Place), in the graph or the shipped
    ontology: the page's overview by place draws their members."""
    from kg.draw.reading import open_source

    found = {_local(c) for (c,) in source.select(PLACE_QUERY)}
    found |= {_local(c) for (c,) in open_source(_shipped_ontology()).select(PLACE_QUERY)}
    return sorted(found)


def page_graph(graph: Any, *, nary: str = "edges", doc: str | None = None, include_personal: bool = False,
               limit: int = DETAILS_LIMIT):
    """What the page draws: up to ``limit`` facts the networkx graph with facts, figures and quotes; past it
    (a corpus) a ``CompactGraph`` (the page of a large graph carries an index, not the details).

    >>> from kg.api import build
    >>> from kg.paths import DEMO_CORPUS
    >>> graph = build(write=False, validate=False, corpus=DEMO_CORPUS).graph
    >>> type(page_graph(graph)).__name__, type(page_graph(graph, limit=10)).__name__
    ('MultiDiGraph', 'CompactGraph')
    """
    from kg.draw.reading import open_source

    source = open_source(graph).restrict(doc)
    (count,), = source.select("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s prov:wasDerivedFrom ?q }")
    if int(count) > limit:
        return to_compact(source, nary=nary, doc=doc, include_personal=include_personal)
    return to_networkx(source, nary=nary, doc=doc, include_personal=include_personal, details=True)


def find_node(G: nx.Graph, name: str) -> str:
    """The node named ``name``: its id, Chinese or English label or alias; else the only label containing it.

    >>> G = nx.MultiDiGraph(); G.add_node("zhang-san", label_zh="张三", label_en="Zhang San", facts={})
    >>> find_node(G, "张三"), find_node(G, "zhang san")
    ('zhang-san', 'zhang-san')
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
