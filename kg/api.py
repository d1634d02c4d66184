"""The public Python API of kg: build, load, validate and write the knowledge graph.

>>> result = build(write=False)
>>> result.conforms, result.facts
(True, 139)
>>> g = result.graph
>>> len(g) == result.triples
True
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .errors import CheckFailed, InputError
from .namespaces import DEFAULT_BASE, new_graph
from .paths import DEFAULT_FACTS, DEFAULT_GRAPH
from .validate import ValidationReport


@dataclass
class BuildResult:
    """What ``build`` made: the graph, its size, the validation report and where it was written."""

    graph: Graph
    facts: int
    triples: int
    report: ValidationReport
    output: Path | None

    @property
    def conforms(self) -> bool:
        return self.report.conforms


def build(*, facts: list[Path] | None = None, output: Path | None = DEFAULT_GRAPH, base: str = DEFAULT_BASE,
          validate: bool = True, write: bool = True, ontology_dir: Path | None = None) -> BuildResult:
    """Build the graph from facts files, validate it, and write Turtle atomically.

    ``ontology_dir`` replaces the shipped ontology/ folder (kg.ttl, vocab.ttl, shapes.ttl).
    Nothing is written when validation fails (``CheckFailed`` is raised with the report text).
    """
    from .graph import build_graph
    from .output import write_atomic
    from .turtle import to_turtle
    from .validate import validate_graph

    from .ontology import load_ontology

    onto_files = [Path(ontology_dir) / "kg.ttl", Path(ontology_dir) / "vocab.ttl"] if ontology_dir else None
    shapes_file = Path(ontology_dir) / "shapes.ttl" if ontology_dir else None
    built = build_graph(list(facts or DEFAULT_FACTS), base=base,
                        ontology=load_ontology(onto_files) if onto_files else None)
    report = validate_graph(built.graph, shapes_file=shapes_file) if validate else ValidationReport(conforms=True)
    if not report.conforms:
        raise CheckFailed("the graph does not conform to the shapes:\n" + report.text())
    written = None
    if write and output is not None:
        written = write_atomic(Path(output), to_turtle(built.graph).encode("utf-8"))
    return BuildResult(graph=built.graph, facts=len(built.facts), triples=len(built.graph), report=report, output=written)


def load(path: Path = DEFAULT_GRAPH) -> Graph:
    """Load a built graph (Turtle, or any format rdflib guesses from the file name).

    >>> build(write=True) and len(load()) > 2000
    True
    """
    from rdflib.util import guess_format

    from .ontology import parse_turtle

    path = Path(path)
    if not path.exists():
        raise InputError("graph file not found", file=str(path), hint="run `kg build` first")
    fmt = guess_format(str(path)) or "turtle"
    if fmt == "turtle":  # the common case: Oxigraph's parser, fast, with line and column in errors
        return parse_turtle(path, kind="graph")
    g = new_graph()
    try:
        g.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises several parser exception types
        raise InputError(f"cannot parse graph: {' '.join(str(exc).split())[:200]}", file=str(path)) from None
    return g


def validate(graph: Graph | Path | None = None) -> ValidationReport:
    """Validate a graph (or a graph file; default the built graph) against the shipped shapes.

    >>> validate(build(write=False).graph).conforms
    True
    """
    from .validate import validate_graph

    g = graph if isinstance(graph, Graph) else load(Path(graph) if graph else DEFAULT_GRAPH)
    return validate_graph(g)


# ---------------------------------------------------------------- query, export, verify


@dataclass
class ExportResult:
    """What ``export`` wrote: the text, its format, the number of triples and the file (None for text only)."""

    text: str
    format: str
    triples: int
    output: Path | None


def graph_of(graph: Graph | Path | str | None) -> Graph:
    """A Graph, or the graph of a file; TriG and N-Quads files are read with their named graphs merged."""
    if isinstance(graph, Graph):
        return graph
    path = Path(graph) if graph else DEFAULT_GRAPH
    if path.suffix in (".trig", ".nq") and path.is_file():
        from .export import parse_export

        try:
            return parse_export(path.read_text(encoding="utf-8"), "trig" if path.suffix == ".trig" else "nquads")
        except Exception as exc:  # rdflib raises several parser exception types
            raise InputError(f"cannot parse graph: {' '.join(str(exc).split())[:200]}", file=str(path)) from None
    return load(path)


def catalog() -> dict:
    """The question catalog (queries/*.rq) by name: each a ``kg.catalog.CatalogQuery`` with its header.

    >>> q = catalog()["honors-by-person"]
    >>> q.title_en.startswith("Which persons"), q.columns
    (True, ['recipient', 'honor', 'level', 'quote'])
    """
    from .catalog import load_catalog

    return load_catalog()


def query(query: str, *, graph: Graph | Path | str | None = None, endpoint: str | None = None,
          params: dict[str, str] | None = None):
    """Answer a catalog question (by name), a ``.rq`` file or a SPARQL string; return a ``QueryResult``.

    Parameters are bound as escaped literals by ``kg.sparql.bind_params``; catalog questions fill in the
    defaults of their header. ``graph`` is a Graph or a graph file (default the built graph).

    >>> g = build(write=False).graph
    >>> r = query("person-profile", graph=g, params={"name": "易冉"})
    >>> sorted(row["value"] for row in r.as_dicts() if row["aspect"] == "荣誉")
    ['党的二十大代表', '大国工匠']
    >>> query("person-mentioned", graph=g, params={"name": '易冉" } ; DELETE WHERE { ?s ?p ?o } #'}).boolean
    False
    """
    from .catalog import resolve
    from .sparql import run_query

    entry = resolve(query)
    bindings = entry.bindings(params) if entry.title_en else dict(params or {})
    g = None if endpoint else graph_of(graph)
    return run_query(entry.text, graph=g, endpoint=endpoint, params=bindings)


def export(*, format: str = "turtle", output: Path | str | None = None, graph: Graph | Path | str | None = None,
           graph_name: str | None = None) -> ExportResult:
    """Serialize the graph (default the built graph) as turtle, nt, jsonld, xml, trig or nquads.

    With ``output`` the text is written atomically to that file.

    >>> r = export(format="nt", graph=build(write=False).graph)
    >>> r.triples == len(r.text.splitlines())
    True
    """
    from .export import DEFAULT_GRAPH_NAME, serialize
    from .output import write_atomic

    g = graph_of(graph)
    text = serialize(g, format, graph_name=graph_name or DEFAULT_GRAPH_NAME)
    written = write_atomic(Path(output), text.encode("utf-8")) if output is not None else None
    return ExportResult(text=text, format=format, triples=len(g), output=written)


def verify(graph: Graph | Path | str | None = None):
    """Run the checks of queries/verify/ and the quote-offset check; return a ``kg.verify.VerifyReport``.

    >>> report = verify(build(write=False).graph)
    >>> report.ok, [c.name for c in report.failed]
    (True, [])
    """
    from .verify import verify_graph

    return verify_graph(graph_of(graph))
