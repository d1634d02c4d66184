"""The embedded store: a large graph in Oxigraph (on disk beside the graph file, or in memory), one named
graph per document, queried by Oxigraph directly.

A store kept on disk for a graph file lives in the folder ``store/`` beside it (``build/store`` for
``build/graph.ttl``) with a stamp, ``kg-store.json``, naming the file it holds (name, size and modification
time); :func:`store_for` returns it only while the stamp still matches, so a stale store is never used.

Each distinct triple is stored once, so the union of the named graphs (the default graph of every query)
is the same set of triples as the graph file. Queries see that union.

>>> import pyoxigraph as ox
>>> st = memory_store(b'<http://e/a> <http://e/p> "x" <http://e/g1> .\\n<http://e/a> <http://e/p> "y" <http://e/g2> .\\n')
>>> len(st), st.graphs()
(2, ['http://e/g1', 'http://e/g2'])
>>> [str(r["o"]) for r in st.ox.query('SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o', use_default_graph_as_union=True)]
['"x"', '"y"']
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from kg.errors import InputError

STAMP = "kg-store.json"
STORE_DIRNAME = "store"
ANSWERS_DIRNAME = "answers"  # kept answers of questions (kg.ask.answers), dropped whenever the store is stamped
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_rdflib(t):
    """An Oxigraph term as the equal rdflib term (plain literals stay plain; lexical forms are Oxigraph's)."""
    from kg.facts.ontology import _term

    return _term(t)


def from_rdflib(t):
    """An rdflib term (IRI, blank node or literal) as the Oxigraph term."""
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
    raise TypeError(f"not an RDF term: {t!r}")


@dataclass
class Store:
    """An Oxigraph store holding a graph as named graphs; ``path`` is None for a store in memory."""

    ox: object
    path: Path | None = None
    source: Path | None = None  # the graph file this store holds, if any
    stamp: str | None = None  # sha256 of the stamp it was opened under (on disk, by store_for); None otherwise
    files: tuple = ()  # the graph files of the build it holds exactly, as they are now (by store_for)
    _size: int | None = field(default=None, repr=False)

    def __len__(self) -> int:
        if self._size is None:
            self._size = len(self.ox)
        return self._size

    def graphs(self) -> list[str]:
        """IRIs of the named graphs, sorted."""
        return sorted(g.value for g in self.ox.named_graphs())

    def triples(self, graph: str | None = None):
        """(s, p, o) Oxigraph triples of one named graph, or of all graphs."""
        import pyoxigraph as ox

        g = ox.NamedNode(graph) if graph else None
        for q in self.ox.quads_for_pattern(None, None, None, g):
            yield q.subject, q.predicate, q.object

    def to_graph(self, graph: str | None = None):
        """One named graph (or all) as an rdflib Graph — for small parts of a large store."""
        from kg.namespaces import new_graph

        g = new_graph()
        for s, p, o in self.triples(graph):
            g.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
        return g

    def neighbourhood(self, iris: Iterable[str], *, depth: int = 1):
        """The triples around some nodes, as a small rdflib Graph to draw: every triple whose subject or
        object is within ``depth`` links of ``iris``, plus the types and labels of every node it names and the
        ontology's classes (so ``kg.draw.network.to_networkx`` can label and colour them).

        >>> st = memory_store(b'<http://e/a> <http://e/p> <http://e/b> <http://e/g> .\\n'
        ...                   b'<http://e/b> <http://e/p> <http://e/c> <http://e/g> .\\n')
        >>> sorted(str(o) for _, _, o in st.neighbourhood(["http://e/a"], depth=1))
        ['http://e/b']
        """
        import pyoxigraph as ox
        from rdflib import Literal
        from rdflib.namespace import RDF, RDFS, SKOS

        from kg.namespaces import new_graph

        g = new_graph()
        frontier = {ox.NamedNode(i) for i in iris}
        seen: set = set()
        for _ in range(max(depth, 0)):
            nxt = set()
            for node in frontier - seen:
                seen.add(node)
                for q in self.ox.quads_for_pattern(node, None, None, None):
                    g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
                    if isinstance(q.object, ox.NamedNode):
                        nxt.add(q.object)
                for q in self.ox.quads_for_pattern(None, None, node, None):
                    g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
                    nxt.add(q.subject)
            frontier = nxt
        named = {t for triple in list(g) for t in (triple[0], triple[2]) if not isinstance(t, Literal)}
        wanted = (RDF.type, RDFS.label, SKOS.prefLabel, RDFS.subClassOf)
        for node in named:
            on = from_rdflib(node)
            for p in wanted:
                for q in self.ox.quads_for_pattern(on, ox.NamedNode(str(p)), None, None):
                    g.add((node, p, to_rdflib(q.object)))
        for q in self.ox.quads_for_pattern(None, ox.NamedNode(str(RDFS.subClassOf)), None, None):
            g.add((to_rdflib(q.subject), RDFS.subClassOf, to_rdflib(q.object)))
        return g


def _stamp(graph_file: Path) -> dict:
    st = graph_file.stat()
    return {"file": graph_file.name, "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def store_dir(graph_file: Path) -> Path:
    """Where the store of ``graph_file`` lives: ``store/`` beside it."""
    return Path(graph_file).parent / STORE_DIRNAME


def store_for(graph_file: Path | str) -> Store | None:
    """The on-disk store that holds exactly ``graph_file`` (by its stamp), opened read-only; None if there is
    none or it is stale."""
    graph_file = Path(graph_file)
    folder = store_dir(graph_file)
    try:
        raw = (folder / STAMP).read_bytes()
        stamp = json.loads(raw)
        if _stamp(graph_file) not in stamp.get("graphs", [stamp.get("graph")]):
            return None
    except (OSError, ValueError, AttributeError):
        return None
    import hashlib

    st = open_store(folder, source=graph_file, size=stamp.get("triples"))
    st.stamp = hashlib.sha256(raw).hexdigest()
    held = [graph_file.parent / g["file"] for g in stamp.get("graphs", [stamp.get("graph")]) if isinstance(g, dict)]
    st.files = tuple(f for f in held if f.name == graph_file.name or _same_stamp(f, stamp))
    return st


def _same_stamp(graph_file: Path, stamp: dict) -> bool:
    try:
        return _stamp(graph_file) in stamp.get("graphs", [stamp.get("graph")])
    except OSError:
        return False


def open_store(folder: Path | str, *, source: Path | None = None, size: int | None = None) -> Store:
    """Open an on-disk store read-only (many readers may share it)."""
    import pyoxigraph as ox

    try:
        return Store(ox=ox.Store.read_only(str(folder)), path=Path(folder), source=source, _size=size)
    except OSError as exc:
        raise InputError(f"cannot open the store: {' '.join(str(exc).split())[:200]}", file=str(folder),
                         hint="run `kg build` again") from None


def memory_store(nquads: bytes | None = None, *, path: Path | None = None, fmt: str = "nquads") -> Store:
    """A store in memory, from N-Quads bytes or from a graph file (Turtle, N-Triples, N-Quads, TriG)."""
    import pyoxigraph as ox

    st = ox.Store()
    formats = {"nquads": ox.RdfFormat.N_QUADS, "turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
               "trig": ox.RdfFormat.TRIG}
    try:
        if path is not None:
            st.bulk_load(path=str(path), format=formats[fmt])
        elif nquads:
            st.bulk_load(nquads, format=formats[fmt])
    except SyntaxError as exc:
        raise InputError(f"cannot parse graph: {exc.msg}", file=str(path) if path else None, line=exc.lineno) from None
    except OSError as exc:
        raise InputError(f"cannot read graph: {exc}", file=str(path) if path else None) from None
    return Store(ox=st, path=None, source=path)


class StoreWriter:
    """A new on-disk store being bulk loaded in a temporary folder beside ``folder``: :meth:`add` N-Quads
    chunks (from any one thread at a time), then :meth:`commit` renames it into place (readers see the old
    store or the new one) or :meth:`abort` throws it away.

    >>> import tempfile
    >>> w = StoreWriter(Path(tempfile.mkdtemp()) / "store")
    >>> w.add(b'<http://e/a> <http://e/p> "x" <http://e/g> .\\n')
    >>> w.commit().name, len(open_store(w.folder))
    ('store', 1)
    """

    def __init__(self, folder: Path | str):
        import tempfile

        import pyoxigraph as ox

        self.folder = Path(folder)
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.folder.name}.", dir=self.folder.parent))
        self.st = ox.Store(str(self.tmp))

    def add(self, chunk: bytes) -> None:
        import pyoxigraph as ox

        if chunk:
            self.st.bulk_load(chunk, format=ox.RdfFormat.N_QUADS)

    def commit(self) -> Path:
        import shutil

        try:
            self.st.optimize()  # compacts what the bulk loads wrote: questions read ~2x fewer blocks
            self.st.flush()
            del self.st
            old = None
            if self.folder.exists():
                old = self.folder.with_name(f".{self.folder.name}.old-{os.getpid()}")
                os.replace(self.folder, old)
            os.replace(self.tmp, self.folder)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            self.abort()
            raise
        return self.folder

    def abort(self) -> None:
        import shutil

        self.__dict__.pop("st", None)
        shutil.rmtree(self.tmp, ignore_errors=True)


def write_store(folder: Path | str, chunks: Iterable[bytes], *, graph_file: Path | list | None = None,
                triples: int | None = None) -> Path:
    """Replace the on-disk store in ``folder`` with the N-Quads ``chunks`` (bulk loaded), then stamp it for
    ``graph_file``. The store is built in a temporary folder beside it and renamed into place, so readers see
    the old store or the new one; the stamp is written last."""
    w = StoreWriter(folder)
    try:
        for chunk in chunks:
            w.add(chunk)
        size = len(w.st) if triples is None else triples
    except BaseException:
        w.abort()
        raise
    folder = w.commit()
    if graph_file is not None:
        stamp_store(folder, graph_file, triples=size)
    return folder


def stamp_store(folder: Path | str, graph_file: Path | list, *, triples: int) -> None:
    """Record that the store in ``folder`` holds ``graph_file`` (or each of a list of files with the same
    graph, e.g. a build's graph.trig and graph.ttl) as it is now. The answers kept for the store's previous
    content (``answers/``, see ``kg.ask.answers``) are dropped first; they were only ever read under the old
    stamp."""
    import shutil

    from kg.output import write_atomic

    shutil.rmtree(Path(folder) / ANSWERS_DIRNAME, ignore_errors=True)

    files = graph_file if isinstance(graph_file, list) else [graph_file]
    data = {"graphs": [_stamp(Path(f)) for f in files], "triples": triples}
    write_atomic(Path(folder) / STAMP, json.dumps(data, indent=1).encode("utf-8"))
