"""Read a graph: the one function every command uses, so all see the same default graph and the same errors.

Turtle goes through Oxigraph's fast parser (errors with line and column); TriG and N-Quads files are read
with their named graphs merged; other formats are guessed from the file name.

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
