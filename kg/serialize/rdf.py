"""Serialize the graph: Turtle, N-Triples, JSON-LD, RDF/XML, TriG, N-Quads.

Every format is byte-identical for the same graph, whatever the process's hash seed: Turtle and N-Triples
are sorted; JSON-LD and RDF/XML are put in canonical order (kg.serialize.canonical). TriG and N-Quads keep the named
graphs of a dataset apart (one per document, the registry, the ontology); a plain graph goes into the
default graph, or into the named graph ``graph_name`` when one is given.

>>> from rdflib import Graph, URIRef, Literal
>>> g = Graph().add((URIRef("http://e/b"), URIRef("http://e/p"), Literal("乙"))).add((URIRef("http://e/a"), URIRef("http://e/p"), Literal("甲")))
>>> print(serialize(g, "nt"), end="")
<http://e/a> <http://e/p> "甲" .
<http://e/b> <http://e/p> "乙" .
"""
from __future__ import annotations

from rdflib import Dataset, Graph, URIRef

from kg.errors import InputError
from kg.namespaces import DEFAULT_BASE, PREFIXES
from kg.serialize.canonical import to_jsonld, to_rdfxml
from kg.serialize.turtle import dataset_texts, sorted_lines, to_turtle

# format name → (rdflib serializer, file extension, media type)
EXPORT_FORMATS: dict[str, tuple[str, str, str]] = {
    "turtle": ("turtle", "ttl", "text/turtle"),
    "nt": ("nt", "nt", "application/n-triples"),
    "jsonld": ("json-ld", "jsonld", "application/ld+json"),
    "xml": ("xml", "rdf", "application/rdf+xml"),
    "trig": ("trig", "trig", "application/trig"),
    "nquads": ("nquads", "nq", "application/n-quads"),
}


def jsonld_context(graph: Graph | None = None) -> dict[str, str]:
    """The JSON-LD @context: our prefixes (and the graph's own bindings, e.g. kgr:)."""
    ctx = dict(PREFIXES)
    if graph is not None:
        for prefix, ns in graph.namespaces():
            if prefix and prefix not in ctx:
                ctx[prefix] = str(ns)
    return dict(sorted(ctx.items()))


def bind_prefixes(graph: Graph) -> Graph:
    """Bind kg's prefixes on ``graph`` where missing, and ``kgr:`` to the namespace its source quotes live in
    (a graph read from a file may have lost the binding); the triples are not touched."""
    from rdflib.namespace import RDF

    from kg.namespaces import KG

    bound = {str(p) for p, _ in graph.namespaces()}
    for prefix, ns in PREFIXES.items():
        if prefix not in bound:
            graph.bind(prefix, ns)
    if "kgr" not in bound:
        for quote in graph.subjects(RDF.type, KG.SourceQuote):
            iri = str(quote)  # <base>id/<doc-id>/q-…: kgr: is <base>id/
            cut = iri.rfind("/id/")
            graph.bind("kgr", iri[: cut + 4] if cut >= 0 else iri[: iri.rfind("/") + 1])
            break
        else:  # no quotes (e.g. a CONSTRUCT result): resources are minted as <base>id/… (kg.namespaces.resource_ns)
            iris = sorted(str(s) for s in graph.subjects() if isinstance(s, URIRef) and "/id/" in str(s))
            if iris:
                graph.bind("kgr", iris[0][: iris[0].rfind("/id/") + 4])
    return graph


def check_options(fmt: str, *, graph_name: str | None = None) -> None:
    """Refuse an unknown format or a named-graph IRI that is not absolute (before any graph is read).

    >>> check_options("trig", graph_name="notaurl")
    Traceback (most recent call last):
    kg.errors.InputError: --graph-iri 'notaurl' is not an absolute IRI: it has no scheme (e.g. https://) (e.g. https://example.org/graph/talent)
    """
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format '{fmt}'", hint="use one of " + ", ".join(EXPORT_FORMATS))
    if fmt in ("trig", "nquads") and graph_name is not None:
        from kg.namespaces import iri_problem

        problem = iri_problem(graph_name)
        if problem:
            raise InputError(f"--graph-iri {graph_name!r} is not an absolute IRI: {problem}",
                             hint="e.g. https://example.org/graph/talent")


def serialize(graph: Graph, fmt: str = "turtle", *, graph_name: str | None = None,
              graphs: dict[str, Graph] | None = None) -> str:
    """The graph as text in ``fmt`` (one of EXPORT_FORMATS). For trig and nquads, ``graphs`` (graph IRI ->
    graph, as ``kg.store.read.read_dataset`` gives them) keeps named graphs apart; without it the whole
    graph goes into ``graph_name`` (default: the default graph)."""
    check_options(fmt, graph_name=graph_name)
    bind_prefixes(graph)
    if fmt == "turtle":
        return to_turtle(graph)
    if fmt == "nt":
        return sorted_lines(graph.serialize(format="nt"))
    if fmt == "jsonld":
        return to_jsonld(graph, context=jsonld_context(graph))
    if fmt == "xml":
        return to_rdfxml(graph)
    named = {graph_name: graph} if graph_name else graphs if graphs else {"": graph}
    # TriG by Oxigraph: stable, and literals keep their exact lexical form (rdflib's TriG writer would not)
    return dataset_texts(named, graph, turtle=False, trig=fmt == "trig", nquads=fmt == "nquads")[fmt]


def parse_export(text: str, fmt: str) -> Graph:
    """Parse an export back into one graph (named graphs merged) — the round trip of :func:`serialize`."""
    rdflib_fmt = EXPORT_FORMATS[fmt][0]
    if fmt in ("trig", "nquads"):
        ds = Dataset()
        ds.parse(data=text, format=rdflib_fmt)
        g = Graph()
        for s, p, o, _ctx in ds.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    g = Graph()
    g.parse(data=text, format=rdflib_fmt)
    return g


SLOW_NOTE_TRIPLES = 1_000_000  # past this, a store written one triple at a time (~10 s a million) says so first


def serialize_store(store, fmt: str = "turtle", *, output=None, exclude: frozenset[str] = frozenset(),
                    parts: list | None = None, note=None) -> str:
    """A large graph held in a ``kg.store.embedded.Store``, written by Oxigraph: the text, or, with ``output``
    (a path), streamed into that file atomically (then "" is returned).

    Turtle is the build's Turtle file itself (``graph.ttl``: the merged graph, sorted per document) when the
    store holds one, whichever of the build's files was given; TriG likewise its ``graph.trig``. N-Quads and
    TriG keep one named graph per document for bulk loaders: given the build's ``parts`` (the named graphs as
    the build wrote them, ``kg.store.cache.build_parts``), each document's graph holds every triple the
    document states, as in ``graph.trig``; else the store's named graphs.
    Triples whose predicate is in ``exclude`` (e.g. personal data, ``kg.graph.personal``) are left out.
    Every other case is written one triple at a time (about 10 s a million): past ``SLOW_NOTE_TRIPLES``,
    ``note`` (a function of one line of text) is told so first, with the formats that are quick.
    """
    import shutil

    import pyoxigraph as ox

    from kg.output import atomic_file

    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format '{fmt}'", hint="use one of " + ", ".join(EXPORT_FORMATS))
    exclude = frozenset(p for p in exclude if next(iter(store.ox.quads_for_pattern(None, ox.NamedNode(p), None)), None))
    suffix = {"turtle": ".ttl", "trig": ".trig"}.get(fmt)
    held = [f for f in (store.source, *getattr(store, "files", ())) if f is not None and f.suffix == suffix]
    src = held[0] if held else None  # a file of the build that is already the export asked for
    if src is not None and not exclude:
        if output is None:
            return src.read_text(encoding="utf-8")
        with atomic_file(output) as tmp:
            shutil.copyfile(src, tmp)
        return ""
    if fmt not in ("trig", "nquads"):
        parts = None
    if note is not None and not (parts is not None and fmt == "nquads") and len(store) > SLOW_NOTE_TRIPLES:
        name = {"turtle": "Turtle", "nt": "N-Triples", "jsonld": "JSON-LD", "xml": "RDF/XML", "trig": "TriG",
                "nquads": "N-Quads"}[fmt]
        quick = "--format nquads (one graph per document)" if exclude else \
            "--format turtle or --format trig (the build's files) or --format nquads"
        note(f"note: {name} of {len(store):,} triples is written one triple at a time from the store, which "
             f"takes minutes at this size; {quick} take seconds")
    oxfmt = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
             "xml": ox.RdfFormat.RDF_XML, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}[fmt]
    prefixes = dict(PREFIXES, kgr=DEFAULT_BASE + "id/") if fmt in ("turtle", "trig") else None

    def write(target):
        if parts is not None and fmt == "nquads":
            return _write_part_quads(parts, target, exclude)
        if parts is not None:
            quads = (q for p in parts for q in ox.parse(p.nquads(), format=ox.RdfFormat.N_QUADS)
                     if q.predicate.value not in exclude)
            return ox.serialize(quads, target, format=oxfmt, prefixes=prefixes)
        if fmt in ("trig", "nquads"):
            if not exclude:
                return store.ox.dump(target, format=oxfmt, prefixes=prefixes)
            quads = (q for q in store.ox.quads_for_pattern(None, None, None) if q.predicate.value not in exclude)
            return ox.serialize(quads, target, format=oxfmt, prefixes=prefixes)
        triples = (ox.Triple(q.subject, q.predicate, q.object) for q in store.ox.quads_for_pattern(None, None, None)
                   if q.predicate.value not in exclude)
        return ox.serialize(triples, target, format=oxfmt, prefixes=prefixes)

    if output is None:
        return write(None).decode("utf-8")
    with atomic_file(output) as tmp:
        write(str(tmp))
    return ""


def _write_part_quads(parts, target, exclude: frozenset[str]):
    """The parts' N-Quads (``kg.store.cache.Part.nquads``) into the file ``target`` (or returned as bytes when
    it is None), lines whose predicate is in ``exclude`` left out."""
    from kg.serialize.quadlines import without_predicates

    marks = {f"<{p}>" for p in exclude}
    chunks = (without_predicates(part.nquads(), marks) for part in parts)
    if target is None:
        return b"".join(chunks)
    with open(target, "wb") as f:
        for data in chunks:
            f.write(data)
    return None
