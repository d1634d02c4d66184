"""Turn facts and their source into an RDF graph with PROV-O provenance for every node.

Every fact becomes one node ``<base>id/<fact id>``; each quote becomes a ``kg:SourceQuote`` node
``<base>id/q-<source>-<start>-<end>`` with the exact words and their offsets.

>>> from kg.paths import default_facts
>>> g = build_graph(default_facts())
>>> len(g.facts) > 100
True
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.errors import FactsError, QuoteNotFound, UnknownReference
from kg.facts.loader import Fact, FactSet, load_facts
from kg.namespaces import DEFAULT_BASE, KG, check_base, iri_segment, new_graph, resource_ns
from kg.facts.ontology import Ontology, PropertyInfo, load_ontology
from kg.sources.text import SourceText, read_source

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


@dataclass
class GraphBuild:
    """The built graph and what went into it."""

    graph: Graph
    facts: list[Fact]
    sources: list[SourceText]
    base: str


def _decimal(value: int | float) -> Literal:
    """An xsd:decimal in canonical form ("20000.0"), so that every writer and parser agrees on it.

    >>> str(_decimal(20000)), str(_decimal(0.5))
    ('20000.0', '0.5')
    """
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"not a finite number: {value}")
    text = format(Decimal(str(value)).normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def _lang(text: str) -> str:
    return "zh" if CJK.search(text) else "en"


class _Builder:
    def __init__(self, onto: Ontology, base: str, *, reuse: bool = False):
        self.onto = onto
        self.ns = resource_ns(base)
        if reuse:  # the ontology graph was loaded for this build only: grow it instead of copying it
            self.g = onto.graph
            self.g.bind("kgr", str(self.ns))
        else:
            self.g = new_graph(base)
            self.g += onto.graph

    def add_factset(self, fs: FactSet, src: SourceText) -> None:
        ids = {f.id for f in fs.facts}
        if fs.document not in ids:
            raise UnknownReference(f"document '{fs.document}' is not the id of a fact in this file", file=fs.file, line=1)
        snode = self.ns[f"source-{iri_segment(src.stem)}"]
        g = self.g
        g.add((snode, RDF.type, KG.SourceText))
        g.add((snode, RDFS.label, Literal(src.name)))
        g.add((snode, KG.fileName, Literal(src.name)))
        g.add((snode, KG.sha256, Literal(src.sha256)))
        g.add((snode, KG.describes, self.ns[fs.document]))
        for fact in fs.facts:
            self.add_fact(fact, fs, src, snode, ids)

    def add_fact(self, fact: Fact, fs: FactSet, src: SourceText, snode: URIRef, ids: set[str]) -> None:
        g = self.g
        node = self.ns[fact.id]
        cls = self.onto.classes.get(fact.cls)
        if cls is None:
            raise UnknownReference(f"fact '{fact.id}': unknown class '{fact.cls}'", file=fs.file, line=fact.line,
                                   hint="use a class of ontology/kg.ttl, e.g. Person")
        g.add((node, RDF.type, cls))
        for lang, text in sorted(fact.label.items()):
            g.add((node, RDFS.label, Literal(text, lang=lang)))
        for alt in fact.alt_labels:
            g.add((node, SKOS.altLabel, Literal(alt, lang=_lang(alt))))
        if fact.note:
            g.add((node, KG.note, Literal(str(fact.note), lang="en")))
        g.add((node, KG.origin, KG[fact.origin]))
        if fact.confidence is not None:
            g.add((node, KG.confidence, _decimal(fact.confidence)))
        for quote in fact.quotes:
            span = src.locate(quote)
            if span is None:
                from kg.sources.mismatch import explain_mismatch

                why = explain_mismatch(src.text, quote)
                raise QuoteNotFound(f"fact '{fact.id}': quote not found in {src.name}: '{quote[:40]}'"
                                    + (f"; it {why}" if why else ""), file=fs.file, line=fact.line,
                                    hint="copy the exact words of the source")
            start, end = span
            qnode = self.ns[f"q-{iri_segment(src.stem)}-{start}-{end}"]
            g.add((node, PROV.wasDerivedFrom, qnode))
            g.add((qnode, RDF.type, KG.SourceQuote))
            g.add((qnode, PROV.value, Literal(quote)))
            g.add((qnode, KG.startOffset, Literal(start, datatype=XSD.integer)))
            g.add((qnode, KG.endOffset, Literal(end, datatype=XSD.integer)))
            g.add((qnode, KG.sourceText, snode))
        for name, values in fact.props.items():
            info = self.onto.properties.get(name)
            line = fact.prop_lines.get(name, fact.line)
            if info is None:
                raise UnknownReference(f"fact '{fact.id}': unknown property '{name}'", file=fs.file, line=line,
                                       hint="use a property of ontology/kg.ttl")
            for value in values:
                obj = self.object_value(info, value, ids, fact, name, fs.file, line) if info.kind == "object" \
                    else self.data_value(info, value, fact, name, fs.file, line)
                for o in obj:
                    g.add((node, info.iri, o))
        if fact.cls == "HonorConferral":
            for recipient in g.objects(node, KG.recipient):
                for honor in g.objects(node, KG.honor):
                    g.add((recipient, KG.awardReceived, honor))

    def object_value(self, info: PropertyInfo, value: Any, ids: set[str], fact: Fact, name: str, file: str, line: int) -> list:
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise FactsError(f"fact '{fact.id}': {name} must be the id of a fact or a vocabulary concept, "
                             f"not {type(value).__name__}", file=file, line=line)
        ref = str(value)
        if ref in ids:
            return [self.ns[ref]]
        concept = self.onto.concepts.get(ref)
        if concept is not None:
            return [concept]
        what = "honor" if name == "honor" else "entity"
        hint = "add it to ontology/vocab.ttl" if name == "honor" else "use the id of a fact in this file or a concept of ontology/vocab.ttl"
        raise UnknownReference(f"fact '{fact.id}': {name} points to unknown {what} '{ref}'", file=file, line=line, hint=hint)

    def data_value(self, info: PropertyInfo, value: Any, fact: Fact, name: str, file: str, line: int) -> list:
        rng = info.range
        bad = FactsError(f"fact '{fact.id}': {name} has a value of the wrong kind: {value!r}", file=file, line=line)
        if isinstance(value, dict):
            from kg.facts.loader import LANG_RE

            items = {k: v for k, v in value.items() if not str(k).startswith("__")}
            if not items or not all(isinstance(k, str) and LANG_RE.fullmatch(k) and isinstance(v, (str, int, float))
                                    and not isinstance(v, bool) for k, v in items.items()):
                raise FactsError(f"fact '{fact.id}': {name} as a map must map language tags to text, e.g. "
                                 "{zh: 电焊工, en: welder}", file=file, line=line)
            return [Literal(str(v), lang=k) for k, v in sorted(items.items())]
        if isinstance(value, list):
            raise FactsError(f"fact '{fact.id}': {name} holds a list inside a list; give one list of values",
                             file=file, line=line)
        if info.temporal:
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                return [Literal(value, datatype=XSD.date)]
            if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 2999:
                return [Literal(str(value), datatype=XSD.gYear)]
            if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}", value):
                if not 1 <= int(value[5:]) <= 12:
                    raise FactsError(f"fact '{fact.id}': {name} '{value}' is not a month that exists", file=file, line=line)
                return [Literal(value, datatype=XSD.gYearMonth)]
            raise FactsError(f"fact '{fact.id}': {name} must be a date (2022-07-03), a year (2022) or a month ('2022-07')",
                             file=file, line=line)
        if rng == XSD.integer:
            if isinstance(value, bool) or not isinstance(value, int):
                raise bad
            return [Literal(value, datatype=XSD.integer)]
        if rng == XSD.decimal:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise bad
            return [_decimal(value)]
        if rng == XSD.string:
            return [Literal(str(value))]
        if isinstance(value, bool):
            raise bad
        if isinstance(value, int):
            return [Literal(value, datatype=XSD.integer)]
        if isinstance(value, float):
            return [_decimal(value)]
        text = str(value)
        return [Literal(text, lang=_lang(text))]


def _source_path(facts_file: Path, fs: FactSet) -> Path:
    """The source text of a facts file: it must resolve inside the facts file's folder tree.

    >>> _source_path(Path("/d/x.facts.yaml"), FactSet(file="x", source="../../etc/passwd", document="d", facts=[]))
    Traceback (most recent call last):
    kg.errors.FactsError: x:1: source '../../etc/passwd' is outside the facts file's folder /d (put the source text in that folder or below it)
    """
    folder = facts_file.parent.resolve()
    if not (folder / fs.source).resolve().is_relative_to(folder):
        raise FactsError(f"source '{fs.source}' is outside the facts file's folder {folder}", file=fs.file, line=1,
                         hint="put the source text in that folder or below it")
    return facts_file.parent / fs.source


def build_graph(facts_files: list[Path], *, base: str = DEFAULT_BASE, ontology: Ontology | None = None) -> GraphBuild:
    """Load facts files and their sources and build one graph (ontology and vocabularies included)."""
    check_base(base)
    onto = ontology or load_ontology()
    builder = _Builder(onto, base, reuse=ontology is None)
    all_facts: list[Fact] = []
    sources: list[SourceText] = []
    for path in facts_files:
        fs = load_facts(Path(path))
        src = read_source(_source_path(Path(path), fs))
        builder.add_factset(fs, src)
        all_facts.extend(fs.facts)
        sources.append(src)
    return GraphBuild(graph=builder.g, facts=all_facts, sources=sources, base=base)
