"""Read what the picture needs from RDF with SPARQL on Oxigraph, fast at corpus scale.

The drawing stage never iterates an rdflib graph triple by triple: whatever it is given (an rdflib
Graph or Dataset, a graph file, an Oxigraph store or its folder on disk) becomes a pyoxigraph
``Store``, and the picture's material comes out of it as a few SPARQL SELECTs whose results Oxigraph
serializes as CSV (Rust) and Python splits with the csv module: about a million rows a second.

Documents are the named graphs ``<base>graph/<doc-id>`` of the corpus (``registry`` and ``ontology`` are
not documents). ``Source.restrict(doc)`` keeps one document's graph plus the shared registry and
ontology graphs.

>>> from kg.api import build
>>> from kg.paths import DEMO_CORPUS
>>> src = open_source(build(write=False, validate=False, corpus=DEMO_CORPUS).graph)
>>> src.documents, src.graphs
([], None)
>>> rows = src.select("SELECT ?label WHERE { ?s rdfs:label ?label FILTER(LANG(?label) = 'en' && STR(?label) = 'Zhang San') }")
>>> rows
[('Zhang San',)]
"""
from __future__ import annotations

import csv
import io
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterator, NamedTuple

from kg.errors import InputError
from kg.namespaces import PREFIXES

NOT_DOCUMENTS = ("registry", "ontology")
XSD = "http://www.w3.org/2001/XMLSchema#"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")


class Lit(NamedTuple):
    """A literal as read from the store: lexical form, language tag, datatype IRI."""

    value: str
    lang: str = ""
    dt: str = ""


def _unescape(m: re.Match) -> str:
    e = m.group(1)
    return chr(int(e[1:], 16)) if len(e) > 1 else _ESCAPES.get(e, e)


def tsv_term(field: str) -> Any:
    """One term of a SPARQL TSV result: an IRI as a plain string, a blank node as ``_:id``, a literal as a
    ``Lit``, unbound as None.

    >>> tsv_term("<http://e/a>"), tsv_term('"甲"@zh'), tsv_term("12").dt[-7:], tsv_term("_:b1"), tsv_term("")
    ('http://e/a', Lit(value='甲', lang='zh', dt='http://www.w3.org/1999/02/22-rdf-syntax-ns#langString'), 'integer', '_:b1', None)
    """
    head = field[:1]
    if head == "<":
        return sys.intern(field[1:-1])  # the same node in many rows and tables: one string
    if head == '"':
        end = field.rfind('"')
        value = field[1:end]
        if "\\" in value:
            value = _ESCAPE.sub(_unescape, value)
        rest = field[end + 1:]
        if rest[:1] == "@":
            return Lit(value, rest[1:], LANG_STRING)
        return Lit(value, "", rest[3:-1] if rest else XSD + "string")
    if not field:
        return None
    if head == "_":
        return field
    if field in ("true", "false"):
        return Lit(field, "", XSD + "boolean")
    return Lit(field, "", XSD + ("double" if "e" in field.lower() else "decimal" if "." in field else "integer"))

FORMATS = {".ttl": "TURTLE", ".trig": "TRIG", ".nq": "N_QUADS", ".nt": "N_TRIPLES", ".n3": "N3",
           ".rdf": "RDF_XML", ".xml": "RDF_XML", ".owl": "RDF_XML"}


def graph_document(name: str) -> str | None:
    """The document id of a named graph ``<base>graph/<doc-id>``, or None for other graphs.

    >>> graph_document("https://w3id.org/kg-talent/graph/demo-2025-7"), graph_document("https://w3id.org/kg-talent/graph/registry")
    ('demo-2025-7', None)
    """
    head, sep, last = name.rstrip("/").rpartition("/graph/")
    if not sep or not last or "/" in last or last in NOT_DOCUMENTS:
        return None
    return last


@dataclass
class Source:
    """An Oxigraph store to read from, and which of its graphs make the default graph of the queries
    (``None``: the union of all graphs)."""

    store: Any
    graphs: list[str] | None = None
    doc: str | None = None

    @property
    def documents(self) -> list[str]:
        """Ids of the documents (named graphs ``…/graph/<doc-id>``) in the store, sorted."""
        return sorted(d for d in (graph_document(g.value) for g in self.store.named_graphs()) if d)

    def restrict(self, doc: str | None) -> "Source":
        """This source seen through one document's named graph (plus the registry and ontology graphs)."""
        if not doc:
            return self
        names = [g.value for g in self.store.named_graphs()]
        mine = [n for n in names if graph_document(n) == doc]
        if not mine:
            docs = self.documents
            shown = ", ".join(docs[:8]) + (f" … ({len(docs)} in all)" if len(docs) > 8 else "")
            raise InputError(f"no document '{doc}' in the graph",
                             hint=f"documents: {shown}" if docs else "the graph has no named graph per document "
                             "(give a TriG or N-Quads file, or build the corpus)")
        shared = [n for n in names if n.rstrip("/").rsplit("/", 1)[-1] in NOT_DOCUMENTS]
        return replace(self, graphs=mine + shared, doc=doc)

    def _ask(self, query: str):
        """The answer of a SELECT query over this source's graphs (all of them, or a document's and the shared)."""
        from pyoxigraph import NamedNode

        prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
        if self.graphs is None:
            results = self.store.query(prologue + query, use_default_graph_as_union=True)
        else:
            graphs = [NamedNode(g) for g in self.graphs]
            results = self.store.query(prologue + query, default_graph=graphs, named_graphs=graphs)
        return results

    def _results(self, query: str, fmt: str) -> bytes:
        from pyoxigraph import QueryResultsFormat

        return self._ask(query).serialize(format=getattr(QueryResultsFormat, fmt))

    def select(self, query: str) -> list[tuple[str, ...]]:
        """Rows of a SELECT query as tuples of plain strings (lexical forms; IRIs without <>; unbound is '')."""
        reader = csv.reader(io.StringIO(self._results(query, "CSV").decode("utf-8"), newline=""))
        next(reader, None)  # header
        return [tuple(row) for row in reader]

    def terms(self, query: str) -> Iterator[list[Any]]:
        """Rows of a SELECT query as lists of terms (see ``tsv_term``): IRIs, blank nodes and literals told
        apart without SPARQL functions such as isIRI (which are slow over millions of rows)."""
        rows: list[list[Any]] = []
        self.each(query, rows.append)
        return iter(rows)

    def each(self, query: str, fn: Callable[[list[Any]], None]) -> None:
        """Call ``fn`` with each row of a SELECT query (as ``terms`` gives them) while Oxigraph writes the
        answer: a large answer is never held whole, as bytes or as rows."""
        from pyoxigraph import QueryResultsFormat

        intern = sys.intern
        state = {"rest": b"", "header": True}

        def lines(chunk: bytes) -> None:
            data = state["rest"] + chunk
            *complete, state["rest"] = data.split(b"\n")
            if state["header"] and complete:
                complete = complete[1:]
                state["header"] = False
            for raw in complete:
                if raw:
                    fn([intern(f[1:-1]) if f[:1] == "<" else tsv_term(f) for f in raw.decode("utf-8").split("\t")])

        class Out:
            def write(self, chunk: bytes) -> int:
                lines(bytes(chunk))
                return len(chunk)

            def flush(self) -> None:
                pass

        self._ask(query).serialize(Out(), format=QueryResultsFormat.TSV)
        lines(b"\n")  # the last line, if it had no line break


def open_source(source: Any) -> Source:
    """A ``Source`` for an rdflib Graph/Dataset, a pyoxigraph Store or kg's embedded store, a graph file or
    an Oxigraph store folder."""
    import pyoxigraph as ox

    if isinstance(source, Source):
        return source
    if isinstance(source, ox.Store):
        return Source(source)
    if hasattr(source, "ox") and isinstance(source.ox, ox.Store):  # kg.store.embedded.Store
        return Source(source.ox)
    if isinstance(source, (str, Path)):
        return Source(_open_path(Path(source)))
    from rdflib import Graph

    if isinstance(source, Graph):
        return Source(_from_rdflib(source))
    raise InputError(f"cannot draw a {type(source).__name__}", hint="give a graph, a graph file or a store")


def _open_path(path: Path):
    """An Oxigraph store for a path: an Oxigraph store folder; the up-to-date on-disk store that `kg build`
    keeps beside a graph file; else the file parsed by Oxigraph (named graphs kept); else (JSON-LD, RDF/XML)
    the file read by kg's one graph reader."""
    import pyoxigraph as ox

    if path.is_dir():
        try:
            return ox.Store.read_only(str(path))
        except OSError as exc:
            raise InputError(f"cannot open the Oxigraph store: {exc}", file=str(path)) from None
    if not path.exists():
        raise InputError("graph file not found", file=str(path), hint="run `kg build` first")
    from kg.inputs import check_input
    from kg.store.embedded import store_for

    kept = store_for(path)  # the file's up-to-date store: the file itself is not read (no size limit)
    if kept is not None:
        return kept.ox
    check_input(path, what="graph file")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None or fmt == "RDF_XML":
        from kg.store.read import read_graph

        return _from_rdflib(read_graph(path))
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, fmt))
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(f"cannot parse graph: {' '.join(str(exc).split())[:200]}", file=str(path)) from None
    if len(store) == 0:
        raise InputError("the graph file is empty", file=str(path), hint="give a graph built by `kg build`")
    return store


def _term(t: Any):
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, BNode):
        return ox.BlankNode(str(t))
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype is not None:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    raise InputError(f"unsupported RDF term {t!r}")


def _from_rdflib(g):
    """An in-memory Oxigraph store holding an rdflib graph (its named graphs kept for a Dataset)."""
    import pyoxigraph as ox
    from rdflib import Dataset, Graph

    store = ox.Store()
    cache: dict = {}

    def term(t):
        found = cache.get(t)
        if found is None:
            found = cache[t] = _term(t)
        return found

    if isinstance(g, Dataset):
        quads = []
        for s, p, o, c in g.quads((None, None, None, None)):
            name = getattr(c, "identifier", c)
            graph = ox.DefaultGraph() if name is None or str(name) == "urn:x-rdflib:default" else ox.NamedNode(str(name))
            quads.append(ox.Quad(term(s), term(p), term(o), graph))
        store.bulk_extend(quads)
    elif isinstance(g, Graph):
        store.bulk_extend([ox.Quad(term(s), term(p), term(o)) for s, p, o in g])
    return store
