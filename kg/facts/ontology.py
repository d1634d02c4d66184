"""Load the ontology, vocabularies and shapes (Turtle files) and index what the loader needs.

>>> onto = load_ontology()
>>> onto.properties["employer"].kind
'object'
>>> "Person" in onto.classes
True
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, XSD

from kg.errors import InputError, OntologyError
from kg.namespaces import KG, SCHEMA, new_graph
from kg.paths import ONTOLOGY_FILES, SHAPES_FILE

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


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _term(t):
    """An Oxigraph term as the equal rdflib term (plain literals stay plain)."""
    import pyoxigraph as ox

    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    dt = t.datatype.value
    return Literal(t.value) if dt == _XSD_STRING else Literal(t.value, datatype=URIRef(dt))


def parse_turtle(path: Path, graph: Graph | None = None, *, kind: str = "ontology") -> Graph:
    """Parse one Turtle file (with Oxigraph's fast parser) into an rdflib graph.

    A syntax error becomes a one-line OntologyError (or InputError for ``kind="graph"``) naming the file,
    line and column.
    """
    import pyoxigraph as ox

    error = OntologyError if kind == "ontology" else InputError

    g = graph if graph is not None else new_graph()
    try:
        parser = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
        triples = [(_term(q.subject), _term(q.predicate), _term(q.object)) for q in parser]
    except FileNotFoundError:
        raise error("file not found", file=str(path)) from None
    except SyntaxError as exc:
        raise error(f"malformed Turtle: {exc.msg}", file=str(path), line=exc.lineno,
                    hint="fix the syntax of this file") from None
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", file=str(path)) from None
    for prefix, ns in sorted(parser.prefixes.items()):  # keep the file's prefixes (kgr: for a built graph)
        if prefix not in dict(g.namespaces()):
            g.bind(prefix, ns)
    for triple in triples:
        g.add(triple)
    return g


def load_ontology(files: list[Path] | None = None) -> Ontology:
    """Parse ontology and vocabulary files into one graph and index classes, properties, concepts."""
    g = new_graph()
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
            temporal = bool(supers & TEMPORAL_SUPERS) or rng in (XSD.date, XSD.gYear)
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
