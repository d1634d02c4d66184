"""Namespaces used by kg. schema.org is used with http://schema.org/ everywhere.

>>> str(KG.Person)
'https://w3id.org/kg-talent/ontology#Person'
>>> str(SCHEMA.name)
'http://schema.org/name'
"""
from __future__ import annotations

from rdflib import Namespace

KG = Namespace("https://w3id.org/kg-talent/ontology#")
SCHEMA = Namespace("http://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")

DEFAULT_BASE = "https://w3id.org/kg-talent/"

PREFIXES = {
    "kg": "https://w3id.org/kg-talent/ontology#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "schema": "http://schema.org/",
    "sh": "http://www.w3.org/ns/shacl#",
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
}


def resource_ns(base: str = DEFAULT_BASE) -> Namespace:
    """The namespace of resources (entities, facts, quotes) under ``base``.

    >>> str(resource_ns("http://example.org/")["yi-ran"])
    'http://example.org/id/yi-ran'
    """
    if not base.endswith(("/", "#")):
        base += "/"
    return Namespace(base + "id/")


def new_graph(base: str | None = None):
    """An empty rdflib Graph with only kg's prefixes bound (schema: is http://schema.org/, not rdflib's https).

    >>> g = new_graph()
    >>> dict(g.namespaces())["schema"].toPython()
    'http://schema.org/'
    """
    from rdflib import Graph

    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    if base is not None:
        g.bind("kgr", str(resource_ns(base)))
    return g
