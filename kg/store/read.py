"""Read a graph: the functions every command uses, so all see the same default graph and the same errors.

Turtle goes through Oxigraph's fast parser (errors with line and column); TriG and N-Quads files are read
with their named graphs merged; other formats are guessed from the file name.

:func:`open_graph` chooses for the user: a small graph is read into memory (rdflib, the quick path for one
document); a large one — a corpus — is answered from Oxigraph: the on-disk store that ``kg build`` kept
beside the file when it is up to date, else the file loaded into an Oxigraph store in memory.

>>> from kg.paths import DEFAULT_GRAPH
>>> read_graph(DEFAULT_GRAPH.parent / "no-such-file.ttl")
Traceback (most recent call last):
kg.errors.InputError: ...no-such-file.ttl: graph file not found (run `kg build` first)
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.errors import InputError
from kg.namespaces import new_graph
from kg.paths import DEFAULT_GRAPH

# Past this size a graph file is answered by Oxigraph, not read into rdflib (~40,000 triples of Turtle: the
# shipped letter is 0.1 MB; rdflib's SPARQL is minutes on 100,000+ triples, Oxigraph's milliseconds).
LARGE_FILE_BYTES = 4_000_000
OXIGRAPH_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig"}


def read_graph(source: Graph | Path | str | None = None) -> Graph:
    """A Graph as given, or the graph of a file (default the built graph, ``build/graph.ttl``)."""
    if isinstance(source, Graph):
        return source
    path = Path(source) if source else DEFAULT_GRAPH
    if not path.exists():
        raise InputError("graph file not found", file=str(path), hint="run `kg build` first")
    if path.suffix in (".trig", ".nq"):
        from kg.serialize.rdf import parse_export

        try:
            return parse_export(path.read_text(encoding="utf-8"), "trig" if path.suffix == ".trig" else "nquads")
        except Exception as exc:  # rdflib raises several parser exception types
            raise InputError(f"cannot parse graph: {' '.join(str(exc).split())[:200]}", file=str(path)) from None
    from rdflib.util import guess_format

    fmt = guess_format(str(path)) or "turtle"
    if fmt == "turtle":  # the common case: Oxigraph's parser, fast, with line and column in errors
        from kg.facts.ontology import parse_turtle

        return parse_turtle(path, kind="graph")
    g = new_graph()
    try:
        g.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises several parser exception types
        raise InputError(f"cannot parse graph: {' '.join(str(exc).split())[:200]}", file=str(path)) from None
    return g


def is_large(path: Path) -> bool:
    """Whether a graph file is big enough for the Oxigraph path."""
    try:
        return path.stat().st_size > LARGE_FILE_BYTES
    except OSError:
        return False


def open_graph(source=None):
    """The graph to answer questions on: an rdflib Graph for a small graph, a ``kg.store.embedded.Store``
    for a large one (the up-to-date on-disk store beside the file, else the file loaded into Oxigraph in
    memory). A Graph or a Store given is returned as it is.

    >>> open_graph(DEFAULT_GRAPH.parent / "no-such-file.ttl")
    Traceback (most recent call last):
    kg.errors.InputError: ...no-such-file.ttl: graph file not found (run `kg build` first)
    """
    if source is not None and not isinstance(source, (str, Path)):
        return source
    path = Path(source) if source else DEFAULT_GRAPH
    if not path.exists():
        raise InputError("graph file not found", file=str(path), hint="run `kg build` first")
    from kg.store.embedded import memory_store, store_for

    store = store_for(path)
    if store is not None:
        return store
    if is_large(path) and path.suffix in OXIGRAPH_FORMATS:
        return memory_store(path=path, fmt=OXIGRAPH_FORMATS[path.suffix])
    return read_graph(path)
