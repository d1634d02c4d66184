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


_IRI_BAD = set('<>"{}|\\^` ') | {chr(c) for c in range(0x21)} | {chr(0x7F)}


def iri_problem(iri: str) -> str | None:
    """Why ``iri`` is not an absolute IRI (None if it is one).

    >>> iri_problem("https://w3id.org/kg-talent/"), iri_problem("notaurl"), iri_problem("http://x y/")
    (None, 'it has no scheme (e.g. https://)', "it contains ' '")
    """
    import re

    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", iri):
        return "it has no scheme (e.g. https://)"
    bad = next((c for c in iri if c in _IRI_BAD), None)
    if bad is not None:
        return f"it contains {bad!r}"
    return None


def language_problem(tag: object) -> str | None:
    """Why ``tag`` is not a BCP 47 language tag that RDF stores accept (None if it is one).

    >>> language_problem("zh"), language_problem("zh-Hant"), language_problem("zh cn") is not None
    (None, None, True)
    >>> language_problem("x")
    'The given language subtag is invalid'
    """
    import re

    if not isinstance(tag, str) or not re.fullmatch(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*", tag):
        return "not letters and digits in dash-separated parts of at most 8"
    import pyoxigraph as ox  # the parser that reads the graph back: its verdict is the one that counts

    try:
        ox.Literal("x", language=tag)
    except ValueError as exc:
        return str(exc)
    return None


def check_base(base: str) -> str:
    """``base`` if it is an absolute IRI usable as a namespace, else an InputError.

    >>> check_base("notaurl")
    Traceback (most recent call last):
    kg.errors.InputError: --base 'notaurl' is not an absolute IRI: it has no scheme (e.g. https://) (e.g. https://w3id.org/kg-talent/)
    """
    from kg.errors import InputError

    problem = iri_problem(base)
    if problem:
        raise InputError(f"--base {base!r} is not an absolute IRI: {problem}", hint=f"e.g. {DEFAULT_BASE}")
    return base


def iri_segment(text: str) -> str:
    """``text`` made safe as one segment of an IRI path: characters an IRI cannot hold are %-encoded.

    >>> iri_segment("000_cac52bcbbc1639b0"), iri_segment("my letter#1")
    ('000_cac52bcbbc1639b0', 'my%20letter%231')
    """
    return "".join("".join(f"%{b:02X}" for b in c.encode("utf-8")) if c in _IRI_BAD or c in "%#?/" else c
                   for c in text)


def resource_ns(base: str = DEFAULT_BASE) -> Namespace:
    """The namespace of resources (entities, facts, quotes) under ``base``.

    >>> str(resource_ns("http://example.org/")["zhang-san"])
    'http://example.org/id/zhang-san'
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
