"""Load the ontology, vocabularies and shapes (Turtle files) and index what the loader needs.

>>> onto = load_ontology()
>>> onto.properties["employer"].kind
'object'
>>> "Person" in onto.classes
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, XSD

from .errors import OntologyError
from .namespaces import KG, PREFIXES, SCHEMA
from .paths import ONTOLOGY_FILES, SHAPES_FILE

TEMPORAL_SUPERS = {DCTERMS.date, SCHEMA.startDate, SCHEMA.endDate}


@dataclass(frozen=True)
class PropertyInfo:
    """What the loader needs to know about one kg: property."""

    iri: URIRef
    kind: str  # "object" or "data"
    range: URIRef | None
    temporal: bool


@dataclass
class Ontology:
    """The parsed ontology and vocabularies, with indexes by local name."""

    graph: Graph
    classes: dict[str, URIRef]
    properties: dict[str, PropertyInfo]
    concepts: dict[str, URIRef]


def _turtle_error(exc: Exception) -> str:
    """A one-line summary of an rdflib Turtle parser error: line and reason."""
    text = " ".join(str(exc).split())
    line = re.search(r"at line (\d+)", text)
    reason = re.search(r"Bad syntax \(([^)]*)\)", text)
    summary = reason.group(1) if reason else text[:160]
    return f"malformed Turtle at line {line.group(1)}: {summary}" if line else f"malformed Turtle: {summary}"


def parse_turtle(path: Path, graph: Graph | None = None) -> Graph:
    """Parse one Turtle file; a syntax error becomes a one-line OntologyError naming the file."""
    g = graph if graph is not None else Graph()
    try:
        g.parse(path, format="turtle")
    except FileNotFoundError:
        raise OntologyError("file not found", file=str(path)) from None
    except Exception as exc:  # rdflib raises several parser exception types
        raise OntologyError(_turtle_error(exc), file=str(path), hint="fix the syntax of this file") from None
    return g


def load_ontology(files: list[Path] | None = None) -> Ontology:
    """Parse ontology and vocabulary files into one graph and index classes, properties, concepts."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for path in files or ONTOLOGY_FILES:
        parse_turtle(path, g)
    kg = str(KG)
    classes = {str(s)[len(kg):]: s for s in g.subjects(RDF.type, OWL.Class) if str(s).startswith(kg)}
    properties: dict[str, PropertyInfo] = {}
    for kind, cls in (("object", OWL.ObjectProperty), ("data", OWL.DatatypeProperty)):
        for s in g.subjects(RDF.type, cls):
            if not str(s).startswith(kg):
                continue
            rng = g.value(s, RDFS.range)
            supers = set(g.objects(s, RDFS.subPropertyOf))
            temporal = bool(supers & TEMPORAL_SUPERS) or rng == XSD.date
            properties[str(s)[len(kg):]] = PropertyInfo(iri=s, kind=kind, range=rng, temporal=temporal)
    concepts = {}
    for s in set(g.subjects(RDF.type, None)):
        name = str(s)[len(kg):] if str(s).startswith(kg) else None
        if name and name not in classes and name not in properties:
            concepts[name] = s
    return Ontology(graph=g, classes=classes, properties=properties, concepts=concepts)


def load_shapes(path: Path | None = None) -> Graph:
    """Parse the SHACL shapes file."""
    return parse_turtle(path or SHAPES_FILE)
