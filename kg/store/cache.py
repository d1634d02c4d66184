"""The build cache (``<out>/cache``): what a corpus build keeps of each document so that the next build
redoes only what changed, and so that a built dataset can be read back one named graph at a time.

Per document ``docs/<id>.nq`` (its own triples as N-Quads in its named graph), ``.ttl`` and ``.trig`` (its
blocks of the outputs); ``index.pickle`` the registry graph, the outputs' layouts and the rest, and the
entries (:class:`DocEntry`), which for a large corpus it keeps in ``entries/*.pickle``.
Only :mod:`kg.pipeline` writes it.

>>> graph_iri("https://w3id.org/kg-talent/", "gen-00001")
'https://w3id.org/kg-talent/graph/gen-00001'
"""
from __future__ import annotations

import hashlib
import os
import pickle
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

CACHE_VERSION = "2"


def graph_iri(base: str, name: str) -> str:
    """The IRI of a named graph: ``<base>graph/<name>`` (a document id, ``registry`` or ``ontology``)."""
    return (base if base.endswith(("/", "#")) else base + "/") + "graph/" + name


@dataclass
class DocEntry:
    """What the cache keeps of one built document."""

    id: str
    stamp: tuple  # ((file name, size, mtime_ns), …) of the document folder
    digest: str  # sha256 over the folder's files
    refs: list  # IRIs of the nodes outside the document that it names (what its build depended on)
    fact_ids: list
    used: list  # registry ids the document mentions or refers to
    registry: dict  # registry id -> its class, for each id it uses
    facts: int
    triples: int
    foreign: list  # N-Triples lines whose subject the document does not own (mentions, shortcuts)
    foreign_types: list  # rdf:type lines of the document's own nodes that foreign lines point to
    results: list  # validation results of the document's own nodes, as tuples (see _result_row)
    prefixes: list  # namespaces its Turtle uses
    first: str  # its first own line (where its block goes in the sorted order)
    chunk: str = ""  # sha256 of its N-Triples (identifies the cached blocks)
    seconds: dict = field(default_factory=dict)  # CPU time of each stage of its build (for benchmarks)

    _PACKED = ("refs", "fact_ids", "used", "foreign", "foreign_types", "prefixes")

    def __getstate__(self) -> dict:
        # lists of lines (which never hold a newline) pickle as one text each: a 10,000-document index then
        # loads in a fraction of the time (fewer objects to unpickle)
        state = {k: v for k, v in self.__dict__.items() if not k.startswith("_p_")}
        for k in self._PACKED:
            state[k] = "\n".join(state[k]) if k in state else self.__dict__["_p_" + k]
        return state

    def __setstate__(self, state: dict) -> None:
        # a list is split from its text when first read: a rebuild reads only some of them (refs and fact_ids
        # only when the registry or the ontology changed), and saving again reuses the texts not read
        for k in self._PACKED:
            text = state.pop(k)
            if isinstance(text, str):
                state["_p_" + k] = text
            else:
                state[k] = text
        self.__dict__.update(state)

    def __getattr__(self, name: str):
        packed = self.__dict__.get("_p_" + name)
        if packed is None or name not in self._PACKED:
            raise AttributeError(name)
        value = self.__dict__[name] = packed.split("\n") if packed else []
        del self.__dict__["_p_" + name]
        return value


class BuildCache:
    """The cache folder of a build: its index and each document's blocks.

    The index is ``index.pickle``; a large corpus's entries are spread over files in ``entries/`` (it names
    them), so that saving after a few documents changed writes only the files that hold them. An entry is
    replaced when its document is rebuilt, never changed in place (but for its ``stamp``). The large values
    of :attr:`SIDE` (the store's owners map) have a file each there too, written again only when replaced.
    """

    SHARDS = 64  # files the entries of a large corpus are spread over
    SHARD_FROM = 256  # entries from which they are spread (below: one file)
    SIDE = (("store", "owners"),)  # large values kept in a file of their own, written again only when replaced

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.docs_dir = self.folder / "docs"
        self.entries_dir = self.folder / "entries"
        self.index_file = self.folder / "index.pickle"
        self.index: dict = {"version": CACHE_VERSION, "global": None, "docs": {}, "outputs": {}}
        self._saved: dict = {}  # (shard count, shard) -> (its file, its entries when read or written)
        self._side: dict = {}  # (section, key) -> (its file, the value read or written)
        try:
            with open(self.index_file, "rb") as fh:
                data = pickle.load(fh)
            if data.get("version") == CACHE_VERSION:
                files = data.pop("entries", None)
                saved = {}
                if files is not None:
                    docs = {}
                    for i, name in enumerate(files):
                        with open(self.entries_dir / name, "rb") as fh:
                            part = pickle.load(fh)
                        docs.update(part)
                        saved[(len(files), i)] = (name, _snapshot(part))
                    data["docs"] = docs
                side = {}
                for where, name in data.pop("sides", {}).items():
                    section, key = where
                    with open(self.entries_dir / name, "rb") as fh:
                        value = pickle.load(fh)
                    data[section][key] = value
                    side[where] = (name, value)
                self.index, self._saved, self._side = data, saved, side
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError, KeyError):
            pass

    def path(self, doc_id: str, kind: str) -> Path:
        return self.docs_dir / f"{doc_id}.{kind}"

    def put(self, doc_id: str, **texts: str | bytes) -> None:
        """Write a document's blocks (``nq``: its own quads, ``ttl``, ``trig``; texts, or their UTF-8), each
        atomically."""
        self.docs_dir.mkdir(parents=True, exist_ok=True)
        for kind, text in texts.items():
            tmp = self.path(doc_id, kind + f".{os.getpid()}.tmp")
            tmp.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
            os.replace(tmp, self.path(doc_id, kind))

    def own_quads(self, doc_id: str) -> str:
        return self.path(doc_id, "nq").read_text(encoding="utf-8")

    def save(self) -> None:
        """Write the index: the entries files that changed, then ``index.pickle`` (which names them), then
        remove the files it no longer names. A crash leaves the previous index whole."""
        from kg.output import write_atomic

        docs = self.index.get("docs", {})
        n = self.SHARDS if len(docs) >= self.SHARD_FROM else 1
        groups: list = [{} for _ in range(n)]
        for doc_id, e in docs.items():
            groups[_shard(doc_id, n)][doc_id] = e
        files, saved = [], {}
        for i, group in enumerate(groups):
            name, before = self._saved.get((n, i), (None, None))
            if before is None or not _same(group, before):
                data = pickle.dumps(group, protocol=pickle.HIGHEST_PROTOCOL)
                name = f"{i:02d}-{hashlib.blake2b(data, digest_size=8).hexdigest()}.pickle"
                if not (self.entries_dir / name).exists():
                    write_atomic(self.entries_dir / name, data)
            files.append(name)
            saved[(n, i)] = (name, _snapshot(group))
        rest = {k: v for k, v in self.index.items() if k != "docs"}
        rest["docs"], rest["entries"], rest["sides"] = {}, files, {}
        side = {}
        for section, key in self.SIDE:
            if not isinstance(rest.get(section), dict) or key not in rest[section]:
                continue
            value = rest[section][key]
            name, before = self._side.get((section, key), (None, None))
            if before is not value:
                data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
                name = f"{section}-{key}-{hashlib.blake2b(data, digest_size=8).hexdigest()}.pickle"
                if not (self.entries_dir / name).exists():
                    write_atomic(self.entries_dir / name, data)
            rest[section] = {k: v for k, v in rest[section].items() if k != key}
            rest["sides"][(section, key)] = name
            side[(section, key)] = (name, value)
        write_atomic(self.index_file, pickle.dumps(rest, protocol=pickle.HIGHEST_PROTOCOL))
        self._saved, self._side = saved, side
        keep = set(files) | {name for name, _v in side.values()}
        for p in self.entries_dir.glob("*.pickle"):
            if p.name not in keep:
                p.unlink(missing_ok=True)

    def parts(self) -> Iterator["Part"]:
        """The named graphs of the last successful build, one :class:`Part` each (ontology, registry, then the
        documents in order); nothing if the cache has no complete build."""
        idx = self.index
        last = idx.get("last_build")
        if not last or "base" not in last:
            return
        base = last["base"]
        for name, key in (("ontology", "onto_lines"), ("registry", "registry_lines")):
            lines = last.get(key, [])
            body = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
            yield Part(graph_iri(base, name), hashlib.sha256(body).hexdigest(), lambda b=body: b, len(lines))
        for doc_id in last.get("order", []):
            e = idx["docs"].get(doc_id)
            if e is None or e.chunk != last["chunks"].get(doc_id):
                from kg.errors import InputError

                raise InputError(f"document '{doc_id}' changed since the last successful build", file=str(self.folder),
                                 hint="run `kg build` until it succeeds")
            g = graph_iri(base, doc_id)
            yield Part(g, e.chunk, lambda e=e: self._doc_body(e), e.triples, lambda e=e, g=g: self._doc_quads(e, g))

    def _doc_body(self, e: DocEntry) -> bytes:
        own = [ln[: ln.rindex("<")] + "." for ln in self.own_quads(e.id).split("\n") if ln]
        return ("\n".join(own + list(e.foreign)) + "\n").encode("utf-8")

    def _doc_quads(self, e: DocEntry, graph: str) -> bytes:
        """The document's graph as N-Quads: its own quads as the cache keeps them, then its other lines."""
        own = self.path(e.id, "nq").read_bytes()
        if own and not own.endswith(b"\n"):
            own += b"\n"
        tail = f" <{graph}> .\n"
        return own + "".join(ln[:-1].rstrip() + tail for ln in e.foreign).encode("utf-8")


def build_parts(path: Path) -> list["Part"] | None:
    """The named graphs of a built dataset file (a build's ``graph.trig`` or ``graph.ttl``), one :class:`Part`
    each, from the build cache beside it — or None when there is no cache or it does not describe this very
    file (its size and modification time as the build left it).

    >>> build_parts(Path("no-such-folder") / "graph.trig") is None
    True
    """
    path = Path(path)
    folder = path.parent / "cache"
    if not (folder / "index.pickle").exists():
        return None
    cache = BuildCache(folder)
    try:
        st = path.stat()
    except OSError:
        return None
    if cache.index.get("outputs", {}).get(path.name) != (st.st_size, st.st_mtime_ns) or not cache.index.get("last_build"):
        return None
    return list(cache.parts())


def _shard(doc_id: str, n: int) -> int:
    return zlib.crc32(doc_id.encode("utf-8")) % n if n > 1 else 0


def _snapshot(entries: dict) -> dict:
    """What a group of entries is now, to tell later whether it changed: each entry (the object: an entry is
    replaced when its document is rebuilt) and its stamp (which alone may change in place)."""
    return {doc_id: (e, e.stamp) for doc_id, e in entries.items()}


def _same(entries: dict, snapshot: dict) -> bool:
    if len(entries) != len(snapshot):
        return False
    for doc_id, e in entries.items():
        was = snapshot.get(doc_id)
        if was is None or was[0] is not e or was[1] != e.stamp:
            return False
    return True


@dataclass
class Part:
    """One named graph of a built dataset: its IRI, a digest of its content, its N-Triples (read on demand)
    and, when the cache has them as such, its N-Quads in this graph (read on demand)."""

    graph: str
    digest: str
    body: object  # () -> bytes
    triples: int
    quads: object = None  # None, or () -> bytes

    def nquads(self) -> bytes:
        """The part as N-Quads in its graph: the cache's quads as they are, or — when it has none, or they hold
        blank nodes — its N-Triples with blank node labels of its own graph (``kg.serialize.quadlines``)."""
        body = self.quads() if self.quads is not None else b"_:"
        if b"_:" in body:
            from kg.serialize.quadlines import nquads

            body = nquads(self.graph, self.body())
        return body
