"""Turn a corpus (documents, registry, vocabularies) into RDF: one named graph per document.

Every fact of document ``D`` becomes one node ``<base>id/D/<fact id>``; each quote becomes a
``kg:SourceQuote`` node ``<base>id/D/q-<start>-<end>`` with the exact words and their offsets; the
source text is ``<base>id/D/source``. Registry entities are ``<base>id/<id>``, vocabulary concepts
``kg:<id>``. A document's triples go into the named graph ``<base>graph/D``; the registry's into
``<base>graph/registry``; ontology and vocabularies into ``<base>graph/ontology``.

The per-document steps are separate functions so they can run one document at a time (or in worker
processes): :func:`load_document` (facts + source text), :func:`locate_quotes` (every quote checked
against the text) and :func:`document_graph` (the document's named graph).

>>> from kg.paths import DEMO_CORPUS
>>> b = build_graph(corpus_dir=DEMO_CORPUS)
>>> len(b.facts), [g.rsplit("/", 1)[-1] for g in sorted(b.graphs)]
(11, ['demo-2025-7', 'ontology', 'registry'])
"""
from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.term import _is_valid_uri
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.errors import FactsError, InputError, QuoteNotFound, UnknownReference
from kg import paths
from kg.facts.corpus import DocumentRef, documents_of, find_document, iter_documents
from kg.facts.loader import Fact, FactSet, curated_only as _curated_only, load_facts, quote_key
from kg.facts.registry import Registry, load_registry, registry_uses
from kg.facts.vocab import KINDS, Vocab, load_vocab
from kg.namespaces import DEFAULT_BASE, KG, check_base, new_graph, resource_ns
from kg.facts.ontology import Ontology, PropertyInfo, load_ontology
from kg.sources.text import SourceText, read_source

class _Terms:
    """A namespace whose terms are each made once (rdflib makes a new term, and checks it, at every
    ``RDF.type``): the builder names a dozen terms for each of thousands of facts."""

    def __init__(self, ns: Any):
        self._ns = ns

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._ns, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return self._ns[name]


OWL, PROV, RDF, RDFS, SKOS, XSD, KG = (_Terms(ns) for ns in (OWL, PROV, RDF, RDFS, SKOS, XSD, KG))

_NT_ESCAPES = str.maketrans({"\\": "\\\\", "\n": "\\n", '"': '\\"', "\r": "\\r"})


class NtTerms:
    """rdflib terms as N-Triples terms (``<iri>``, ``"text"@zh``, ``"5"^^<…#integer>``, ``_:b``): the bytes of
    rdflib's own N-Triples writer, several times faster — each IRI is checked (by rdflib) and written once.

    >>> from rdflib import Literal, URIRef
    >>> t = NtTerms()
    >>> t.term(URIRef("http://e/a")), t.term(Literal('say "hi"\\n', lang="en")), t.term(Literal(5))
    ('<http://e/a>', '"say \\\\"hi\\\\"\\\\n"@en', '"5"^^<http://www.w3.org/2001/XMLSchema#integer>')
    """

    def __init__(self):
        self.iris: dict = {}  # IRI -> "<IRI>", checked by rdflib once

    def term(self, t) -> str:
        cls = t.__class__
        if cls is URIRef:
            key = str.__str__(t)
            got = self.iris.get(key)
            if got is None:
                got = self.iris[key] = t.n3()  # raises for what is not an IRI
            return got
        if cls is Literal:
            text = '"' + str.translate(t, _NT_ESCAPES) + '"'
            if t.language:
                return text + "@" + t.language
            return text + "^^<" + str.__str__(t.datatype) + ">" if t.datatype is not None else text
        return t.n3()  # a blank node (or a subclass of a term)

    def row(self, triple) -> str:
        """A triple as its N-Triples line (without the newline)."""
        s, p, o = triple
        return self.term(s) + " " + self.term(p) + " " + self.term(o) + " ."


class _NtNs:
    """A namespace whose terms are N-Triples IRIs, each made (and checked, as rdflib checks it) once."""

    def __init__(self, ns: Any, nt: NtTerms):
        self._ns, self._nt, self._made = ns, nt, {}

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        term = self._nt.term(getattr(self._ns, name))
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> str:
        got = self._made.get(name)
        if got is None:
            iri = str(self._ns) + name
            got = self._made[name] = "<" + iri + ">" if _is_valid_uri(iri) else URIRef(iri).n3()  # n3 raises
        return got


class _NtLiterals:
    """The literals of a document in N-Triples: plain and language-tagged texts written here (the bulk),
    typed values made by rdflib once and written as it writes them."""

    def __init__(self, nt: NtTerms):
        self.nt = nt
        self.langs: set = set()
        self.typed: dict = {}
        self.ints: dict = {}

    def text(self, value: str, lang: str | None = None) -> str:
        if lang is None:
            return '"' + str.translate(value, _NT_ESCAPES) + '"'
        if lang not in self.langs:
            Literal("x", lang=lang)  # rdflib refuses a malformed tag: the same error as the rdflib build
            self.langs.add(lang)
        return '"' + str.translate(value, _NT_ESCAPES) + '"@' + lang

    def typed_term(self, lit: Literal) -> str:
        return self.nt.term(lit)

    def integer(self, n: int) -> str:
        got = self.ints.get(n)
        if got is None:
            got = self.ints[n] = self.nt.term(_integer(n))
        return got

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


@dataclass
class GraphBuild:
    """The built graph (the union of all named graphs, ontology included) and what went into it.

    ``graphs`` maps each named graph's IRI to its triples (ontology, registry, one per document)."""

    graph: Graph
    facts: list[Fact]
    sources: list[SourceText]
    base: str
    graphs: dict[str, Graph] = field(default_factory=dict)
    documents: list[str] = field(default_factory=list)
    factsets: list[FactSet] = field(default_factory=list)


def graph_name(base: str, name: str) -> URIRef:
    """The IRI of a named graph: ``<base>graph/<name>`` (a document id, ``registry`` or ``ontology``).

    >>> str(graph_name("https://w3id.org/kg-talent/", "demo-2025-7"))
    'https://w3id.org/kg-talent/graph/demo-2025-7'
    """
    if not base.endswith(("/", "#")):
        base += "/"
    return URIRef(base + "graph/" + name)


@dataclass
class Context:
    """What every document's build reads and never changes: ontology indexes (vocabularies from data
    included), the registry, the base namespace."""

    onto: Ontology
    registry: Registry
    base: str = DEFAULT_BASE
    vocab: Graph | None = None  # the triples of data/vocab/ (their concepts are in onto.concepts)

    @property
    def ns(self) -> Namespace:
        return resource_ns(self.base)


@dataclass
class LoadedDocument:
    """A document's facts and its source text."""

    ref: DocumentRef
    facts: FactSet
    source: SourceText


def _decimal(value: int | float) -> Literal:
    """An xsd:decimal in canonical form ("20000.0"), so that every writer and parser agrees on it.

    >>> str(_decimal(20000)), str(_decimal(0.5))
    ('20000.0', '0.5')
    """
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"not a finite number: {value}")
    text = format(Decimal(str(value)).normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


_INTEGERS: dict = {}


def _integer(n: int) -> Literal:
    """An xsd:integer literal; the small ones (offsets, counts) made once (a Literal is costly to make and
    never changes).

    >>> _integer(42) is _integer(42), str(_integer(42).datatype).endswith("#integer")
    (True, True)
    """
    got = _INTEGERS.get(n)
    if got is None:
        got = Literal(n, datatype=XSD.integer)
        if -1 < n < 100_000:
            _INTEGERS[n] = got
    return got


def _lang(text: str) -> str:
    return "zh" if CJK.search(text) else "en"


class _Builder:
    """Builds one document's named graph (``add_factset``) into ``self.g``: rdflib terms, or with ``nt`` the
    N-Triples terms of the same triples (plain strings: a corpus build never needs rdflib terms)."""

    def __init__(self, onto: Ontology, base: str, *, registry: Registry | None = None, vocab: Graph | None = None,
                 into: Any = None, nt: bool = False):
        self.onto = onto
        self.vocab = vocab
        self.registry = registry or Registry()
        self.g = Graph(bind_namespaces="none") if into is None else into
        self.nt = nt
        self.ns_text = str(resource_ns(base))
        self.terms = terms = NtTerms() if nt else None
        if nt:
            lits = _NtLiterals(terms)
            self.v = tuple(_NtNs(ns._ns, terms) for ns in (RDF, RDFS, KG, PROV, SKOS))
            self.T, self.L, self.I = terms.term, lits.text, lits.integer
            self.ns = _NtNs(resource_ns(base), terms)
        else:
            self.v = (RDF, RDFS, KG, PROV, SKOS)
            self.T, self.L, self.I = _same, _text_literal, _integer
            self.ns = resource_ns(base)
        self.doc_ns = self.ns

    def add_factset(self, fs: FactSet, src: SourceText, spans: dict[str, tuple[int, int]]) -> None:
        RDF, RDFS, KG, PROV, SKOS = self.v
        T, L = self.T, self.L
        ids = {f.id for f in fs.facts}
        if fs.document not in ids:
            raise UnknownReference(f"document '{fs.document}' is not the id of a fact in this file", file=fs.file,
                                   line=fs.document_line)
        doc_ns = Namespace(self.ns_text + fs.doc_id + "/")
        self.doc_ns = _NtNs(doc_ns, self.terms) if self.nt else doc_ns
        self.spans = spans
        snode = self.doc_ns["source"]
        doc_node = self.doc_ns[fs.document]
        g = self.g
        g.add((snode, RDF.type, KG.SourceText))
        g.add((snode, RDFS.label, L(src.name)))
        g.add((snode, KG.fileName, L(src.name)))
        g.add((snode, KG.sha256, L(src.sha256)))
        g.add((snode, KG.describes, doc_node))
        g.add((snode, KG.documentId, L(fs.doc_id)))
        info = fs.source_info
        if info is not None:
            if info.url:
                g.add((snode, KG.url, T(Literal(info.url, datatype=XSD.anyURI))))
            if info.publisher:
                g.add((snode, KG.publisherName, L(info.publisher, _lang(info.publisher))))
            if info.title:
                g.add((snode, KG.title, L(info.title, _lang(info.title))))
            for prop, value in ((KG.datePublished, info.published), (KG.dateRetrieved, info.retrieved)):
                if value:
                    g.add((snode, prop, T(_date_literal(value, fs.file, info.line))))
            if info.note:
                g.add((snode, KG.note, L(info.note, "en")))
        for fact in fs.facts:
            self.add_fact(fact, fs, src, snode, ids)
        for mention in fs.mentions:
            node = self.ns[mention.id]
            self.add_quotes(node, mention.quotes, snode)
            if mention.note:
                g.add((node, KG.note, L(str(mention.note), "en")))
            self.add_props(node, mention, mention.props, mention.prop_lines, ids, fs.file, f"mention '{mention.id}'")

    def add_quotes(self, node: URIRef, quotes: list[str], snode: URIRef) -> None:
        RDF, RDFS, KG, PROV, SKOS = self.v
        g, L, I = self.g, self.L, self.I
        for quote in quotes:
            start, end = self.spans[quote_key(quote)]
            qnode = self.doc_ns[f"q-{start}-{end}"]
            g.add((node, PROV.wasDerivedFrom, qnode))
            g.add((qnode, RDF.type, KG.SourceQuote))
            g.add((qnode, PROV.value, L(quote)))
            g.add((qnode, KG.startOffset, I(start)))
            g.add((qnode, KG.endOffset, I(end)))
            g.add((qnode, KG.sourceText, snode))

    def add_fact(self, fact: Fact, fs: FactSet, src: SourceText, snode: URIRef, ids: set[str]) -> None:
        RDF, RDFS, KG, PROV, SKOS = self.v
        g = self.g
        node = self.doc_ns[fact.id]
        self.add_node(node, fact, fs.file)
        self.add_quotes(node, fact.quotes, snode)
        if fact.cls != "HonorConferral":
            self.add_props(node, fact, fact.props, fact.prop_lines, ids, fs.file, f"fact '{fact.id}'")
            return
        said: list = []  # (predicate, object) of each statement about the conferral
        self.add_props(node, fact, fact.props, fact.prop_lines, ids, fs.file, f"fact '{fact.id}'", keep=said)
        for recipient in dict.fromkeys(o for p, o in said if p == KG.recipient):
            for honor in dict.fromkeys(o for p, o in said if p == KG.honor):
                g.add((recipient, KG.awardReceived, honor))

    def add_node(self, node: URIRef, fact: Fact, file: str) -> None:
        """Class, labels, note, origin and confidence of a fact or registry entity."""
        RDF, RDFS, KG, PROV, SKOS = self.v
        g, L, T = self.g, self.L, self.T
        cls = self.onto.classes.get(fact.cls)
        if cls is None:
            close = difflib.get_close_matches(fact.cls, list(self.onto.classes), n=3, cutoff=0.6)
            raise UnknownReference(f"fact '{fact.id}': unknown class '{fact.cls}'", file=file, line=fact.line,
                                   hint="use a class of ontology/kg.ttl, e.g. " + (", ".join(close) if close else "Person"))
        g.add((node, RDF.type, T(cls)))
        for lang, text in sorted(fact.label.items()):
            g.add((node, RDFS.label, L(text, lang)))
        for alt in fact.alt_labels:
            g.add((node, SKOS.altLabel, L(alt, _lang(alt))))
        if fact.cls in ("Honor", "Qualification"):
            # an honor a document names that the vocabulary lacks (kg extract proposes one): a concept of the
            # honor scheme, as the vocabulary's are, until it is moved to data/vocab/
            g.add((node, SKOS.inScheme, KG.HonorScheme))
            for lang, text in sorted(fact.label.items()):
                g.add((node, SKOS.prefLabel, L(text, lang)))
        if fact.note:
            g.add((node, KG.note, L(str(fact.note), "en")))
        g.add((node, KG.origin, KG[fact.origin]))
        if fact.confidence is not None:
            g.add((node, KG.confidence, T(_decimal(fact.confidence))))

    def add_props(self, node: URIRef, fact: Any, props: dict, prop_lines: dict, ids: set[str], file: str, what: str,
                  keep: list | None = None) -> None:
        """The statements of a fact's properties (``keep``: a list that gets each (predicate, object))."""
        g, T = self.g, self.T
        for name, values in props.items():
            info = self.onto.properties.get(name)
            line = prop_lines.get(name, fact.line)
            if info is None:
                close = difflib.get_close_matches(name, list(self.onto.properties), n=3, cutoff=0.6)
                raise UnknownReference(f"{what}: unknown property '{name}'", file=file, line=line,
                                       hint="use a property of ontology/kg.ttl" + (", e.g. " + ", ".join(close) if close else ""))
            pred = T(info.iri)
            for value in values:
                obj = self.object_value(info, value, ids, fact, name, file, line) if info.kind == "object" \
                    else self.data_value(info, value, fact, name, file, line)
                for o in obj:
                    g.add((node, pred, o))
                    if keep is not None:
                        keep.append((pred, o))

    def object_value(self, info: PropertyInfo, value: Any, ids: set[str], fact: Fact, name: str, file: str, line: int) -> list:
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise FactsError(f"fact '{fact.id}': {name} must be the id of a fact or a vocabulary concept, "
                             f"not {type(value).__name__}", file=file, line=line)
        ref = str(value)
        if ref in ids:
            return [self.doc_ns[ref]]
        if ref in self.registry.entities:
            return [self.ns[ref]]
        concept = self.onto.concepts.get(ref)
        if concept is not None:
            return [self.T(concept)]
        what = "honor" if name == "honor" else "entity"
        raise UnknownReference(f"fact '{getattr(fact, 'id', '?')}': {name} points to unknown {what} '{ref}'", file=file,
                               line=line, hint=_unknown_hint(name, ref, self, ids))

    def data_value(self, info: PropertyInfo, value: Any, fact: Fact, name: str, file: str, line: int) -> list:
        rng = info.range
        T, L = self.T, self.L
        bad = FactsError(f"fact '{fact.id}': {name} has a value of the wrong kind: {value!r}", file=file, line=line)
        if isinstance(value, dict):
            from kg.namespaces import language_problem

            items = {k: v for k, v in value.items() if not str(k).startswith("__")}
            if not items or not all(isinstance(k, str) and not language_problem(k) and isinstance(v, (str, int, float))
                                    and not isinstance(v, bool) for k, v in items.items()):
                raise FactsError(f"fact '{fact.id}': {name} as a map must map language tags to text, e.g. "
                                 "{zh: 电焊工, en: welder}", file=file, line=line)
            return [L(str(v), k) for k, v in sorted(items.items())]
        if isinstance(value, list):
            raise FactsError(f"fact '{fact.id}': {name} holds a list inside a list; give one list of values",
                             file=file, line=line)
        if info.temporal:
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                return [T(Literal(value, datatype=XSD.date))]
            if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 2999:
                return [T(Literal(str(value), datatype=XSD.gYear))]
            if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}", value):
                if not 1 <= int(value[5:]) <= 12:
                    raise FactsError(f"fact '{fact.id}': {name} '{value}' is not a month that exists", file=file, line=line)
                return [T(Literal(value, datatype=XSD.gYearMonth))]
            raise FactsError(f"fact '{fact.id}': {name} must be a date (2022-07-03), a year (2022) or a month ('2022-07')",
                             file=file, line=line)
        if rng == XSD.integer:
            if isinstance(value, bool) or not isinstance(value, int):
                raise bad
            return [self.I(value)]
        if rng == XSD.decimal:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise bad
            return [T(_decimal(value))]
        if rng == XSD.string:
            return [L(str(value))]
        if isinstance(value, bool):
            raise bad
        if isinstance(value, int):
            return [self.I(value)]
        if isinstance(value, float):
            return [T(_decimal(value))]
        text = str(value)
        return [L(text, _lang(text))]


def _same(term: Any) -> Any:
    return term


def _text_literal(text: str, lang: str | None = None) -> Literal:
    return Literal(text, lang=lang)


def _source_path(facts_file: Path, fs: FactSet) -> Path:
    """The source text of a facts file: it must resolve inside the facts file's folder tree.

    >>> _source_path(Path("/d/x.facts.yaml"), FactSet(file="x", source="../../etc/passwd", document="d", facts=[]))
    Traceback (most recent call last):
    kg.errors.FactsError: x:1: source '../../etc/passwd' is outside the facts file's folder /d (put the source text in that folder or below it)
    """
    folder = facts_file.parent.resolve()
    if not (folder / fs.source).resolve().is_relative_to(folder):
        raise FactsError(f"source '{fs.source}' is outside the facts file's folder {folder}", file=fs.file,
                         line=fs.source_info.line if fs.source_info else 1, hint="put the source text in that folder or below it")
    return facts_file.parent / fs.source


def _date_literal(value: str, file: str, line: int) -> Literal:
    """A date, year-month or year as written in a source map (2022-07-20, 2022-07, 2022)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    raise FactsError(f"source date '{value}' must be a date (2022-07-20), a month ('2022-07') or a year (2022)",
                     file=file, line=line)


def _candidates(name: str, b: "_Builder", ids: set[str] = frozenset()) -> dict[str, str]:
    """Known names for a reference (id -> id, and Chinese label -> id), to suggest the closest ones."""
    out: dict[str, str] = {i: i for i in ids} if name != "honor" else {}
    graphs = [g for g in (b.onto.graph, b.vocab) if g is not None]
    if name == "honor":
        pool = [c for c, iri in b.onto.concepts.items()
                if any((iri, RDF.type, cls) in g for g in graphs for cls in (KG.Honor, KG.Qualification))]
    else:
        pool = list(b.onto.concepts) + list(b.registry.entities)
    for cid in pool:
        out[cid] = cid
        iri = b.onto.concepts.get(cid)
        if iri is not None:
            for g in graphs:
                for lbl in g.objects(iri, SKOS.prefLabel):
                    out[str(lbl)] = cid
        elif cid in b.registry.entities:
            for lbl in b.registry.entities[cid].label.values():
                out[lbl] = cid
    return out


def _closest(name: str, ref: str, b: "_Builder", ids: set[str] = frozenset()) -> list[str]:
    cands = _candidates(name, b, ids)
    hits = difflib.get_close_matches(ref, list(cands), n=6, cutoff=0.5)
    return list(dict.fromkeys(cands[h] for h in hits))[:3]


def _unknown_hint(name: str, ref: str, b: "_Builder", ids: set[str] = frozenset()) -> str:
    close = _closest(name, ref, b, ids)
    where = "add it to data/vocab/*.yaml (honors:)" if name == "honor" else \
        "use the id of a fact in this document, a registry entity (data/registry/entities.yaml) or a vocabulary concept"
    return (f"closest known: {', '.join(close)}; " if close else "") + where


def check_references(fs: FactSet, ctx: Context) -> None:
    """Every reference of a document resolves (doc facts → registry → vocabularies), and no fact id shadows
    a registry id. All unknown references of the file are reported at once, each with the closest known ids."""
    reg = ctx.registry
    for fact in fs.facts:
        if fact.id in reg.entities:
            raise FactsError(f"fact id '{fact.id}' shadows the registry entity defined at {reg.where(fact.id)}",
                             file=fs.file, line=fact.line, hint=f"use `- mention: {fact.id}` with the quote instead, or another id")
        if fact.id in ctx.onto.concepts:
            raise FactsError(f"fact id '{fact.id}' shadows the vocabulary concept kg:{fact.id}", file=fs.file,
                             line=fact.line, hint="give the fact another id")
    seen_mentions: dict[str, int] = {}
    for m in fs.mentions:
        if m.id not in reg.entities:
            b = _Builder(ctx.onto, ctx.base, registry=reg, vocab=ctx.vocab)
            close = difflib.get_close_matches(m.id, list(reg.entities), n=3, cutoff=0.5) or _closest("mention", m.id, b)
            raise UnknownReference(f"mention of unknown registry entity '{m.id}'", file=fs.file, line=m.line,
                                   hint=(f"closest known: {', '.join(close)}; " if close else "")
                                   + "add it to data/registry/entities.yaml or define it as a fact of this document")
        if m.id in seen_mentions:
            raise FactsError(f"registry entity '{m.id}' is mentioned twice in this document (first on line {seen_mentions[m.id]})",
                             file=fs.file, line=m.line, hint="give one mention all its quotes")
        seen_mentions[m.id] = m.line
    ids = {f.id for f in fs.facts}
    unknown: list[tuple[str, str, str, int]] = []
    for entry in [*fs.facts, *fs.mentions]:
        for name, values in entry.props.items():
            info = ctx.onto.properties.get(name)
            if info is None or info.kind != "object":
                continue
            for value in values:
                ref = str(value)
                if isinstance(value, (str, int)) and not isinstance(value, bool) and ref not in ids \
                        and ref not in reg.entities and ref not in ctx.onto.concepts:
                    unknown.append((entry.id, name, ref, entry.prop_lines.get(name, entry.line)))
    if not unknown:
        return
    b = _Builder(ctx.onto, ctx.base, registry=reg, vocab=ctx.vocab)
    if len(unknown) == 1:
        fid, name, ref, line = unknown[0]
        what = "honor" if name == "honor" else "entity"
        raise UnknownReference(f"fact '{fid}': {name} points to unknown {what} '{ref}'", file=fs.file, line=line,
                               hint=_unknown_hint(name, ref, b, ids))
    honors = [u for u in unknown if u[1] == "honor"]
    parts = []
    for fid, name, ref, line in honors + [u for u in unknown if u[1] != "honor"]:
        close = _closest(name, ref, b, ids)
        parts.append(f"{name} '{ref}' (line {line}" + (f"; closest: {', '.join(close)})" if close else ")"))
    what = f"{len(honors)} unknown honors" if len(honors) == len(unknown) else f"{len(unknown)} unknown references"
    raise UnknownReference(f"{what}: " + ", ".join(parts), file=fs.file, line=unknown[0][3],
                           hint="add honors to data/vocab/*.yaml (honors:), entities to data/registry/entities.yaml")


def load_document(ref: DocumentRef, *, curated_only: bool = False) -> LoadedDocument:
    """Step 1 of a document: its facts file (without extracted facts when ``curated_only``) and its source text."""
    fs = load_facts(ref.facts, doc_id=ref.id)
    if curated_only:
        fs = _curated_only(fs)
    src = read_source(_source_path(ref.facts, fs))
    return LoadedDocument(ref=ref, facts=fs, source=src)


def locate_quotes(doc: LoadedDocument) -> dict[tuple[str, int | None], tuple[int, int]]:
    """Step 2: the span of every quote of the document in its source text (a quote not found is an error);
    a quote given with offsets must be the source's words at those offsets."""
    fs, src = doc.facts, doc.source
    spans: dict[tuple[str, int | None], tuple[int, int]] = {}
    for entry in [*fs.facts, *fs.mentions]:
        for quote in entry.quotes:
            key = quote_key(quote)
            if key in spans:
                continue
            placed = getattr(quote, "start", None) is not None
            span = (quote.start, quote.end) if placed and src.text[quote.start:quote.end] == quote else \
                (None if placed else src.locate(quote))
            if span is None and placed:
                what = f"fact '{entry.id}'" if isinstance(entry, Fact) else f"mention '{entry.id}'"
                raise QuoteNotFound(f"{what}: the source has other words at {quote.start}-{quote.end} than '{quote[:40]}'",
                                    file=fs.file, line=entry.line, hint="re-run kg extract on the source, or fix the offsets")
            if span is None:
                from kg.sources.mismatch import explain_mismatch

                what = f"fact '{entry.id}'" if isinstance(entry, Fact) else f"mention '{entry.id}'"
                why = explain_mismatch(src.text, quote)
                raise QuoteNotFound(f"{what}: quote not found in {src.name}: '{quote[:40]}'"
                                    + (f"; it {why}" if why else ""), file=fs.file, line=entry.line,
                                    hint="copy the exact words of the source")
            spans[key] = span
    return spans


def document_graph(doc: LoadedDocument, ctx: Context, spans: dict[str, tuple[int, int]] | None = None, *,
                   into: Any = None, nt: bool = False) -> Graph:
    """Step 3: the document's named graph (its facts, quotes, mentions and source text). ``into``: where the
    triples go instead of a new rdflib Graph — anything with ``add(triple)``, such as a plain set (what a
    corpus build uses: much faster). ``nt``: the triples' terms are N-Triples texts (``<iri>``, ``"text"@zh``),
    not rdflib terms (``into`` must then be given): the same triples, as rdflib's N-Triples writer spells them."""
    if nt and into is None:
        raise ValueError("nt=True needs a container for the triples (into=)")
    check_references(doc.facts, ctx)
    b = _Builder(ctx.onto, ctx.base, registry=ctx.registry, vocab=ctx.vocab, into=into, nt=nt)
    b.add_factset(doc.facts, doc.source, spans if spans is not None else locate_quotes(doc))
    return b.g


def vocab_graph(vocab: Vocab, onto: Ontology) -> Graph:
    """The SKOS triples of the vocabulary files; adds their concepts to ``onto.concepts``. An id that the
    ontology already defines, or an unknown level, is an error naming the place."""
    g = Graph(bind_namespaces="none")
    levels = {cid for cid, iri in onto.concepts.items() if (iri, RDF.type, KG.HonorLevel) in onto.graph}
    levels |= {c.id for c in vocab.of_kind("levels")}
    for c in vocab.concepts.values():
        if c.id in onto.concepts or c.id in onto.classes or c.id in onto.properties:
            raise FactsError(f"vocabulary id '{c.id}' is already defined in ontology/ (kg:{c.id})", file=c.file,
                             line=c.line, hint="use the existing concept or another id")
        node = KG[c.id]
        cls_name, scheme = KINDS[c.kind]
        g.add((node, RDF.type, KG[cls_name] if cls_name else SKOS.Concept))
        g.add((node, SKOS.inScheme, KG[scheme]))
        for lang, text in sorted(c.label.items()):
            g.add((node, SKOS.prefLabel, Literal(text, lang=lang)))
        for alt in c.alt_labels:
            g.add((node, SKOS.altLabel, Literal(alt, lang=_lang(alt))))
        if c.level is not None:
            if c.level not in levels:
                close = difflib.get_close_matches(c.level, sorted(levels), n=3, cutoff=0.5)
                raise UnknownReference(f"honor '{c.id}': unknown level '{c.level}'", file=c.file, line=c.line,
                                       hint=(f"closest known: {', '.join(close)}; " if close else "") + "add it under levels:")
            g.add((node, KG.level, KG[c.level]))
        if c.rank is not None:
            g.add((node, SKOS.notation, Literal(c.rank)))
        if c.note:
            g.add((node, SKOS.note, Literal(str(c.note), lang="en")))
        if c.definition:
            g.add((node, SKOS.definition, Literal(str(c.definition), lang=_lang(str(c.definition)))))
        if c.wikidata:
            g.add((node, SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/" + c.wikidata)))
    for c in vocab.concepts.values():
        onto.concepts[c.id] = KG[c.id]
    return g


def registry_graph(ctx: Context, used: set[str], factsets: list[FactSet]) -> Graph:
    """The registry's named graph: the entities that the built documents use (and those they refer to),
    plus owl:sameAs for the ``same`` decisions whose entities were built."""
    reg = ctx.registry
    b = _Builder(ctx.onto, ctx.base, registry=reg, vocab=ctx.vocab)
    todo = sorted(used)
    done: set[str] = set()
    while todo:
        rid = todo.pop()
        if rid in done:
            continue
        done.add(rid)
        ent = reg.entities[rid]
        node = b.ns[rid]
        b.add_node(node, ent, reg.files[rid])
        b.g.add((node, KG.registryId, Literal(rid)))
        if rid in reg.wikidata:
            b.g.add((node, SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/" + reg.wikidata[rid])))
        b.add_props(node, ent, ent.props, ent.prop_lines, set(), reg.files[rid], f"entity '{rid}'")
        for name, values in ent.props.items():
            info = ctx.onto.properties.get(name)
            if info is not None and info.kind == "object":
                todo.extend(str(v) for v in values if str(v) in reg.entities and str(v) not in done)
    built = {fs.doc_id: {f.id for f in fs.facts} for fs in factsets}
    for d in reg.decisions:
        nodes = []
        for ref in d.entities:
            doc, _, fid = ref.rpartition("/")
            if not doc:
                if ref not in reg.entities:
                    raise UnknownReference(f"decision names unknown registry entity '{ref}'", file=d.file, line=d.line)
                nodes.append(b.ns[ref] if ref in done else None)
            elif doc in built:
                if fid not in built[doc]:
                    raise UnknownReference(f"decision names '{ref}', but document '{doc}' has no fact '{fid}'",
                                           file=d.file, line=d.line)
                nodes.append(b.ns[ref])
            else:
                nodes.append(None)  # a document that is not part of this build
        if d.decision == "same" and all(n is not None for n in nodes):
            for other in nodes[1:]:
                b.g.add((nodes[0], OWL.sameAs, other))
    return b.g


def select_documents(*, corpus_dir: Path | str | None = None, doc: str | list[str] | None = None,
                     facts_files: list[Path] | None = None) -> list[DocumentRef]:
    """The documents of a build: loose facts files if given, else one or more documents (``doc``) of the
    corpus, else all of them. The same document twice is an error naming both files."""
    if facts_files:
        refs = documents_of([Path(p) for p in facts_files])
    elif doc:
        refs = [find_document(corpus_dir, d) for d in ([doc] if isinstance(doc, str) else doc)]
    else:
        refs = iter_documents(corpus_dir)
        if not refs:
            raise InputError("the corpus has no documents", file=str(paths.corpus_dir(corpus_dir) / "documents"),
                             hint="add documents/<doc-id>/facts.yaml")
    seen: dict[str, DocumentRef] = {}
    for r in refs:
        if r.id in seen:
            raise InputError(f"document '{r.id}' is loaded twice: {seen[r.id].facts}:1 and {r.facts}:1",
                             file=str(r.facts), line=1, hint="give each document once (a document id is its folder or file name)")
        seen[r.id] = r
    return refs


def build_graph(facts_files: list[Path] | None = None, *, base: str = DEFAULT_BASE, ontology: Ontology | None = None,
                corpus_dir: Path | str | None = None, doc: str | list[str] | None = None,
                curated_only: bool = False) -> GraphBuild:
    """Build the graph of a corpus (all documents, or ``doc``), or of loose ``facts_files`` that use the
    corpus's registry and vocabularies: ontology + vocabularies, registry and one named graph per document.
    ``graph`` is their union."""
    check_base(base)
    corpus = paths.corpus_dir(corpus_dir)
    refs = select_documents(corpus_dir=corpus, doc=doc, facts_files=facts_files)
    onto = ontology or load_ontology()
    onto = replace(onto, concepts=dict(onto.concepts))  # vocabularies from data extend a copy of the index
    ctx = Context(onto=onto, registry=load_registry(corpus), base=base)
    vg = ctx.vocab = vocab_graph(load_vocab(corpus), onto)
    union = new_graph(base)
    union += onto.graph
    union += vg
    onto_graph = Graph(bind_namespaces="none")
    onto_graph += onto.graph
    onto_graph += vg
    graphs: dict[str, Graph] = {str(graph_name(base, "ontology")): onto_graph}
    all_facts: list[Fact] = []
    sources: list[SourceText] = []
    factsets: list[FactSet] = []
    used: set[str] = set()
    doc_graphs: dict[str, Graph] = {}
    for ref in refs:
        loaded = load_document(ref, curated_only=curated_only)
        if curated_only and not any(f.id == loaded.facts.document for f in loaded.facts.facts):
            continue  # a document drafted by kg extract and not yet reviewed: nothing curated to build
        g = document_graph(loaded, ctx, locate_quotes(loaded))
        doc_graphs[str(graph_name(base, ref.id))] = g
        all_facts.extend(loaded.facts.facts)
        sources.append(loaded.source)
        factsets.append(loaded.facts)
        used |= registry_uses(loaded.facts, ctx.registry)
    rg = registry_graph(ctx, used, factsets)
    graphs[str(graph_name(base, "registry"))] = rg
    graphs.update(doc_graphs)
    for name, g in graphs.items():
        if g is not onto_graph:
            union += g
    return GraphBuild(graph=union, facts=all_facts, sources=sources, base=base, graphs=graphs,
                      documents=[r.id for r in refs], factsets=factsets)
