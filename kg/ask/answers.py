"""Answers kept per build: the answer of a question on a build's on-disk store, kept beside the store so that
asking it again over the same build reads a small file instead of running the query.

A kept answer is one file, ``<store>/answers/<stamp>/<key>.json`` (a line of JSON, then for a SELECT its
cells as binary integers): ``stamp`` is the digest of the
store's stamp (``kg-store.json``, which names the graph files the store holds by size and modification
time, see ``kg.store.embedded``), ``key`` the digest of the bound query text (parameters included), of this
format, the Oxigraph version and the stamps of kg's modules that make an answer. The file says which query
it answers and holds the rows: each distinct term once, as text, and each row as indexes into them
(``kg.ask.results.TermRows``); rdflib terms are made only when a row is read. Files are written atomically
(``kg.output.write_atomic``), so a reader sees a whole answer or none. Any build that changes the store
stamps it again, which drops ``answers/``; an answer kept under another stamp is never read, and a reader
whose store was stamped again while it asked keeps nothing. A file that cannot be read, does not start with a line of JSON, is of
another format or answers another query is ignored (and written again). Only SELECT and ASK answers are kept.

>>> import tempfile
>>> from kg.store.embedded import store_for, write_store
>>> folder = Path(tempfile.mkdtemp())
>>> (folder / "g.nq").write_text('<http://e/a> <http://e/p> "x"@zh <http://e/g> .\\n', encoding="utf-8")
48
>>> _ = write_store(folder / "store", [(folder / "g.nq").read_bytes()], graph_file=folder / "g.nq")
>>> st = store_for(folder / "g.nq")
>>> from kg.ask.sparql import run_store
>>> text = "SELECT ?o WHERE { ?s ?p ?o }"
>>> first = answer(text, store=st, compute=lambda: run_store(text, st))
>>> again = answer(text, store=st, compute=lambda: 1 / 0)  # kept: not computed again
>>> again.rows == first.rows, again.rows[0], kept(text, store=st).name.endswith(".json")
(True, {'o': rdflib.term.Literal('x', lang='zh')}, True)
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kg.ask.results import QueryResult, TermPairs, TermRows, collector_paused, term_tag

FORMAT = "kg-answer/2"
# How much one build keeps: past either bound the answers used least recently are dropped (a read marks its
# file used). The 34 catalog answers of 10,000 generated documents take ~70 MB; each other parameter value or
# SPARQL text asked adds a file.
KEEP_BYTES = 512 * 2**20
KEEP_FILES = 2000


@dataclass
class Answer:
    """One kept answer as its file holds it: the query it answers, its kind (``select`` or ``ask``), and for
    a SELECT the variables, the distinct terms as (tag, text) pairs and the rows as term indexes (-1: unbound),
    ``count`` rows of ``len(variables)`` indexes each; for an ASK ``boolean``."""

    query: str
    kind: str
    variables: list[str] = field(default_factory=list)
    terms: "list[tuple[str, str]] | TermPairs" = field(default_factory=list)
    cells: "list[int] | array" = field(default_factory=list)
    count: int = 0
    boolean: bool | None = None

    def result(self) -> QueryResult:
        """The answer as a QueryResult (rows a ``TermRows``: rdflib terms made when read)."""
        if self.kind == "ask":
            return QueryResult(kind="ask", boolean=self.boolean)
        return QueryResult(kind="select", variables=list(self.variables),
                           rows=TermRows(self.variables, self.terms, self.cells, count=self.count))

    @classmethod
    def of(cls, query: str, result: QueryResult) -> "Answer":
        """The answer to keep for ``result`` (SELECT or ASK)."""
        if result.kind == "ask":
            return cls(query=query, kind="ask", boolean=bool(result.boolean))
        if isinstance(result.rows, TermRows) and result.rows.variables == result.variables:
            r = result.rows
            return cls(query=query, kind="select", variables=list(r.variables),
                       terms=r.terms if isinstance(r.terms, TermPairs) else list(r.terms),
                       cells=list(r.cells), count=len(r))
        index: dict = {}
        terms: list = []
        cells: list[int] = []
        for row in result.rows:
            for v in result.variables:
                term = row.get(v)
                if term is None:
                    cells.append(-1)
                    continue
                i = index.get(term)
                if i is None:
                    i = index[term] = len(terms)
                    terms.append(term_tag(term))
                cells.append(i)
        return cls(query=query, kind="select", variables=list(result.variables), terms=terms, cells=cells,
                   count=len(result.rows))

    def to_bytes(self) -> bytes:
        """The file's bytes: one line of JSON (format, query, kind, and for a SELECT the variables, the row
        count and the terms as a flat list of tag, text), then for a SELECT the cells as 32-bit little-endian
        integers (read back without parsing a number each)."""
        data = {"format": FORMAT, "query": self.query, "kind": self.kind}
        packed = b""
        if self.kind == "ask":
            data["boolean"] = self.boolean
        else:
            cells = array("i", self.cells)
            if sys.byteorder == "big":
                cells.byteswap()
            packed = cells.tobytes()
            flat = self.terms.flat if isinstance(self.terms, TermPairs) else [x for pair in self.terms for x in pair]
            data.update(variables=self.variables, count=self.count, terms=flat, cells=_digest(packed, len(self.terms)))
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n" + packed

    @classmethod
    def from_bytes(cls, data: bytes, *, query: str) -> "Answer | None":
        """The answer a file holds, or None if it is not a whole answer of this format to ``query``."""
        with collector_paused():
            return cls._from_bytes(data, query=query)

    @classmethod
    def _from_bytes(cls, data: bytes, *, query: str) -> "Answer | None":
        head, newline, tail = data.partition(b"\n")
        try:
            d = json.loads(head)
            if not newline or not isinstance(d, dict) or d.get("format") != FORMAT or d.get("query") != query:
                return None
            if d.get("kind") == "ask":
                return cls(query=query, kind="ask", boolean=d["boolean"]) \
                    if isinstance(d.get("boolean"), bool) and not tail else None
            variables, count, flat = d["variables"], d["count"], d["terms"]
            if d.get("kind") != "select" or type(variables) is not list or type(flat) is not list \
                    or not set(map(type, variables)) <= {str} or type(count) is not int or len(flat) % 2 \
                    or not set(map(type, flat)) <= {str} or len(tail) != 4 * count * len(variables) \
                    or d.get("cells") != _digest(tail, len(flat) // 2):
                return None
            cells = array("i")
            cells.frombytes(tail)
            if sys.byteorder == "big":
                cells.byteswap()
        except (ValueError, KeyError, TypeError, RecursionError):
            return None
        return cls(query=query, kind="select", variables=variables, terms=TermPairs(flat), cells=cells, count=count)


def _digest(cells: bytes, terms: int) -> str:
    """What the header says of the cells: the digest of their bytes and of the number of terms they index. The
    writer wrote only indexes of its terms (-1 to terms - 1), so cells whose digest matches need no bounds
    check (a check of every index costs more than this digest, ~1 ms per MB)."""
    h = hashlib.blake2b(cells, digest_size=16)
    h.update(terms.to_bytes(8, "little"))
    return h.hexdigest()


# The code that makes an answer from a query and a store: a kept answer is read only by the same code.
_CODE = ("ask/answers.py", "ask/results.py", "ask/sparql.py", "ask/catalog.py", "store/embedded.py",
         "facts/ontology.py")


def code_stamp(names: tuple[str, ...] = _CODE) -> str:
    """The size and modification time of each of kg's modules ``names`` (paths under kg/): what is kept is
    read only by the same code."""
    import kg

    root = Path(kg.__file__).resolve().parent
    stamps = []
    for name in names:
        try:
            st = (root / name).stat()
            stamps.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            stamps.append(name)
    return ",".join(stamps)


def key(query: str) -> str:
    """The file name's digest for a bound query text (with this format, the Oxigraph version and the stamps
    of the code that makes an answer)."""
    import pyoxigraph

    return hashlib.sha256(f"{FORMAT}\0{pyoxigraph.__version__}\0{code_stamp()}\0{query}".encode("utf-8")).hexdigest()


def current(store) -> bool:
    """Whether ``store`` is still stamped as it was when it was opened (no build has stamped it since)."""
    from kg.store.embedded import STAMP

    try:
        return hashlib.sha256((Path(store.path) / STAMP).read_bytes()).hexdigest() == store.stamp
    except (OSError, TypeError):
        return False


def folder(store) -> Path | None:
    """Where the answers of ``store``'s present content are kept; None for a store that has no stamp (in
    memory, or opened without its graph file)."""
    from kg.store.embedded import ANSWERS_DIRNAME

    if getattr(store, "path", None) is None or not getattr(store, "stamp", None):
        return None
    return Path(store.path) / ANSWERS_DIRNAME / store.stamp[:32]


def kept(query: str, *, store) -> Path | None:
    """The file that keeps (or would keep) the answer of ``query`` on ``store``; None if it cannot be kept."""
    where = folder(store)
    return None if where is None else where / f"{key(query)[:40]}.json"


def read_kept(name: str, *, store) -> bytes | None:
    """The bytes kept as file ``name`` among ``store``'s kept answers (see ``keep``), or None; a read marks the
    file used (the last to go when the folder is trimmed)."""
    where = folder(store)
    if where is None:
        return None
    path = where / name
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        os.utime(path)
    except OSError:  # a store shared read-only: its answers are not trimmed by this reader either
        pass
    return data


def read_answer(query: str, *, store) -> Answer | None:
    """The kept answer of ``query`` on ``store``, or None (none kept, or unreadable, foreign or corrupt)."""
    path = kept(query, store=store)
    if path is None:
        return None
    data = read_kept(path.name, store=store)
    return None if data is None else Answer.from_bytes(data, query=query)


def keep(name: str, data: bytes, *, store) -> Path | None:
    """Keep ``data`` as file ``name`` (a ``.json`` name) beside ``store``, atomically, among its answers: under
    the store's present stamp, so any later build drops it; what is kept under an older stamp is removed and
    the folder trimmed (``trim``). Returns the file, or None when nothing was kept: a store without a stamp, a
    store stamped again since it was opened (a build ran meanwhile: the data may be of the old content or of a
    mix), or a folder that cannot be written (a store shared read-only)."""
    import shutil

    from kg.errors import InputError
    from kg.output import write_atomic

    here = folder(store)
    if here is None or not current(store):
        return None
    try:
        for other in here.parent.iterdir():
            if other != here and other.is_dir():
                shutil.rmtree(other, ignore_errors=True)
    except OSError:
        pass
    try:
        written = write_atomic(here / name, data)
    except InputError:
        return None
    trim(here, keep=written)
    return written


def write_answer(query: str, result: QueryResult, *, store) -> Path | None:
    """Keep ``result`` as the answer of ``query`` on ``store`` (``keep``). Returns the file, or None when
    nothing was kept: a CONSTRUCT/DESCRIBE answer, or what ``keep`` does not keep."""
    path = kept(query, store=store)
    if path is None or result.kind not in ("select", "ask"):
        return None
    return keep(path.name, Answer.of(query, result).to_bytes(), store=store)


def trim(here: Path, *, keep: Path | None = None, max_bytes: int | None = None, max_files: int | None = None) -> int:
    """Drop the answers of ``here`` used least recently (oldest modification time: written or read) until it
    holds at most ``max_bytes`` (default KEEP_BYTES) in at most ``max_files`` (KEEP_FILES); ``keep`` (the
    answer just written) stays. Returns how many files were dropped.

    >>> import tempfile, time
    >>> d = Path(tempfile.mkdtemp())
    >>> for i, name in enumerate(["a", "b", "c"]):
    ...     (d / f"{name}.json").write_bytes(b"x" * 10)
    ...     os.utime(d / f"{name}.json", (i, i))
    10
    10
    10
    >>> trim(d, keep=d / "a.json", max_files=2), sorted(p.name for p in d.iterdir())
    (1, ['a.json', 'c.json'])
    >>> trim(d, max_bytes=15), sorted(p.name for p in d.iterdir())
    (1, ['c.json'])
    """
    max_bytes = KEEP_BYTES if max_bytes is None else max_bytes
    max_files = KEEP_FILES if max_files is None else max_files
    try:
        entries = []
        with os.scandir(here) as it:
            for e in it:
                if e.name.endswith(".json") and e.is_file(follow_symlinks=False):
                    st = e.stat(follow_symlinks=False)
                    entries.append((st.st_mtime_ns, st.st_size, Path(e.path)))
    except OSError:
        return 0
    total, count = sum(size for _, size, _ in entries), len(entries)
    dropped = 0
    for _, size, path in sorted(entries, key=lambda x: (x[0], x[2].name)):
        if total <= max_bytes and count <= max_files:
            break
        if keep is not None and path == keep:
            continue
        try:
            path.unlink()
        except OSError:
            continue
        total, count, dropped = total - size, count - 1, dropped + 1
    return dropped


def answer(query: str, *, store, compute: Callable[[], QueryResult], use: bool = True) -> QueryResult:
    """The answer of the bound ``query`` on ``store``: the kept one when there is one, else ``compute()``'s,
    which is then kept. ``use=False`` neither reads nor keeps (the question is asked of the store)."""
    if not use or folder(store) is None:
        return compute()
    found = read_answer(query, store=store)
    if found is not None:
        return found.result()
    result = compute()
    write_answer(query, result, store=store)
    return result
