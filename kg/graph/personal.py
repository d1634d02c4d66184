"""Personal data policy: contact data of private individuals is marked in the ontology and left out of what
kg shows or publishes (``kg viz``, ``kg export``, ``kg push``) unless the user asks for it
(``--include-personal``). The graph file built by ``kg build`` keeps it, so nothing is lost.

A property is personal when the ontology marks it ``kg:personalData true`` or when it is a sub-property of
schema:telephone, schema:email or schema:faxNumber (so a new contact property is covered by default).

>>> from kg.namespaces import KG
>>> KG.telephone in personal_properties() and KG.email in personal_properties()
True
"""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD

from kg.namespaces import KG, SCHEMA

CONTACT_PROPERTIES = (SCHEMA.telephone, SCHEMA.email, SCHEMA.faxNumber)
_TRUE = {Literal(True), Literal("true", datatype=XSD.boolean)}


def _shipped_ontology() -> Graph:
    from kg.facts.ontology import parse_turtle
    from kg.paths import ONTOLOGY_FILES

    return parse_turtle(ONTOLOGY_FILES[0])


def personal_properties(graph: Graph | None = None) -> set[URIRef]:
    """The personal properties declared in ``graph`` (if given) and in the shipped ontology."""
    sub: dict[URIRef, set[URIRef]] = {}
    marked: set[URIRef] = set()
    for g in (graph, _shipped_ontology()) if graph is not None else (_shipped_ontology(),):
        for p, parent in g.subject_objects(RDFS.subPropertyOf):
            if isinstance(p, URIRef) and isinstance(parent, URIRef):
                sub.setdefault(parent, set()).add(p)
        marked |= {p for p, v in g.subject_objects(KG.personalData) if isinstance(p, URIRef) and v in _TRUE}
    found: set[URIRef] = set(marked)
    stack = list(CONTACT_PROPERTIES) + list(marked)
    while stack:  # every sub-property, at any depth
        for child in sub.get(stack.pop(), ()):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def without_personal(graph: Graph) -> Graph:
    """``graph`` without the triples of personal properties (the same Graph when it has none).

    >>> from kg.namespaces import new_graph
    >>> g = new_graph().add((KG.x, KG.telephone, Literal("18000000000"))).add((KG.x, KG.note, Literal("n")))
    >>> len(without_personal(g)), len(g)
    (1, 2)
    """
    props = personal_properties(graph)
    if not any((None, p, None) in graph for p in props):
        return graph
    out = Graph(bind_namespaces="none")
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns)
    for triple in graph:
        if triple[1] not in props:
            out.add(triple)
    return out
