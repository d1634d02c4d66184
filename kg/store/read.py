"""Read a graph: the functions every command uses, so all see the same default graph and the same errors.

The default is the dataset ``kg build`` writes, ``build/graph.trig`` (one named graph per document);
reading it as a graph gives the union of its named graphs (:func:`read_dataset` keeps them apart). Turtle,
TriG and N-Quads go through Oxigraph's fast parser (errors with line and column); other formats are
guessed from the file name.

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

# Past this size a graph file is answered by Oxigraph, not read into rdflib (~8,000 triples of Turtle: the
# shipped letter is 0.1 MB, an eight-document corpus 0.33 MB; rdflib's SPARQL slows down sharply as documents
# share registry entities: 12 generated documents, 0.77 MB, took 37 s for a catalog question that Oxigraph
# answers in milliseconds).
LARGE_FILE_BYTES = 400_000
OXIGRAPH_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig"}
DATASET_SUFFIXES = {".trig": "TRIG", ".nq": "N_QUADS"}


def _path(source: Path | str | None) -> Path:
    from kg.inputs import check_input

    path = Path(source) if source else DEFAULT_GRAPH
    if not path.exists():
        raise InputError("graph file not found", file=str(path), hint="run `kg build` first")
    check_input(path, what="graph file")
    return path


def parse_quads(path: Path) -> tuple:
    """(prefixes, quads) of a TriG or N-Quads file by Oxigraph; syntax errors name line and column."""
    import pyoxigraph as ox

    try:
        parser = ox.parse(path=str(path), format=getattr(ox.RdfFormat, DATASET_SUFFIXES[path.suffix]))
        quads = list(parser)
    except SyntaxError as exc:
        raise InputError(f"malformed {path.suffix[1:]}: {exc.msg}", file=str(path), line=exc.lineno,
                         hint="fix the syntax of this file") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read graph: {' '.join(str(exc).split())[:200]}", file=str(path)) from None
    if not quads:
        raise InputError("the graph file holds no triples", file=str(path), hint="give a graph built by `kg build`")
    return parser.prefixes, quads


def _bound(prefixes: dict) -> Graph:
    g = new_graph()
    bound = dict(g.namespaces())
    for prefix, ns in sorted(prefixes.items()):
        if prefix not in bound:
            g.bind(prefix, ns)
    return g


def read_dataset(source: Path | str | None = None) -> dict[str, Graph]:
    """The named graphs of a TriG or N-Quads file (default the built dataset ``build/graph.trig``) by graph
    IRI; triples of the default graph are under ``""``. Any other graph file is one graph under ``""``."""
    path = _path(source)
    if path.suffix not in DATASET_SUFFIXES:
        return {"": read_graph(path)}
    import pyoxigraph as ox

    from kg.facts.ontology import _term

    prefixes, quads = parse_quads(path)
    graphs: dict[str, Graph] = {}
    for q in quads:
        name = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        g = graphs.get(name)
        if g is None:
            g = graphs[name] = _bound(prefixes)
        g.add((_term(q.subject), _term(q.predicate), _term(q.object)))
    return graphs


def remote_contexts(data) -> list[str]:
    """The contexts a JSON-LD document would load from elsewhere (``"@context": "URL"``, ``@import``).

    >>> remote_contexts({"@context": ["http://example.org/context.jsonld", {"x": {"@context": {"@import": "ctx.jsonld"}}}]})
    ['http://example.org/context.jsonld', 'ctx.jsonld']
    """
    found: list[str] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            for key, value in item.items():
                if key == "@context":
                    for ctx in value if isinstance(value, list) else [value]:
                        if isinstance(ctx, str):
                            found.append(ctx)
                elif key == "@import" and isinstance(value, str):
                    found.append(value)
            stack.extend(reversed(list(item.values())))
    return found


def _read_jsonld(path: Path, text: str) -> Graph:
    """JSON-LD without the network: a context that would be fetched (remote or another file) is refused."""
    import json

    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InputError(f"cannot parse graph: malformed JSON: {' '.join(str(exc).split())[:200]}", file=str(path)) from None
    remote = remote_contexts(data)
    if remote:
        raise InputError(f"JSON-LD context {remote[0]!r} would be fetched; kg never loads remote contexts",
                         file=str(path), hint="put the context in the file (an inline @context object)")
    g = new_graph()
    g.parse(data=text, format="json-ld", base=path.resolve().as_uri())
    return g


def read_graph(source: Graph | Path | str | None = None) -> Graph:
    """A Graph as given, or the graph of a file (default the built dataset ``build/graph.trig``, its named
    graphs merged: the union).

    The file must be a regular file within the input size limit (``kg.inputs``) and hold at least one
    triple; nothing is fetched from the network (JSON-LD remote contexts are refused).
    """
    if isinstance(source, Graph):
        return source
    from kg.inputs import check_input, read_input

    path = Path(source) if source else DEFAULT_GRAPH
    if not path.exists():
        raise InputError("graph file not found", file=str(path), hint="run `kg build` first")
    check_input(path, what="graph file")
    if path.suffix in DATASET_SUFFIXES:  # TriG / N-Quads by Oxigraph: fast, line and column in errors
        from kg.facts.ontology import _term

        prefixes, quads = parse_quads(path)
        g = _bound(prefixes)
        for q in quads:
            g.add((_term(q.subject), _term(q.predicate), _term(q.object)))
        return g
    from rdflib.util import guess_format

    fmt = "trig" if path.suffix == ".trig" else "nquads" if path.suffix == ".nq" else guess_format(str(path)) or "turtle"
    if fmt == "turtle":  # the common case: Oxigraph's parser, fast, with line and column in errors
        from kg.facts.ontology import parse_turtle

        g = parse_turtle(path, kind="graph")
    else:
        try:
            text = read_input(path, what="graph file").decode("utf-8")
            if fmt in ("trig", "nquads"):
                from kg.serialize.rdf import parse_export

                g = parse_export(text, fmt)
            elif fmt == "json-ld":
                g = _read_jsonld(path, text)
            else:
                g = new_graph()
                g.parse(data=text, format=fmt, publicID=path.resolve().as_uri())
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - rdflib raises many parser exception types
            raise InputError(f"cannot parse graph: {' '.join(str(exc).split())[:200]}", file=str(path)) from None
    if len(g) == 0:
        raise InputError("the graph file holds no triples", file=str(path), hint="give a graph built by `kg build`")
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
    from kg.inputs import check_input
    from kg.store.embedded import memory_store, store_for

    store = store_for(path)  # the file's own up-to-date store: the file is not read, so no size limit applies
    if store is not None:
        return store
    check_input(path, what="graph file")  # a regular file within the size limit, on every other path
    if is_large(path) and path.suffix in OXIGRAPH_FORMATS:
        return memory_store(path=path, fmt=OXIGRAPH_FORMATS[path.suffix])
    return read_graph(path)
