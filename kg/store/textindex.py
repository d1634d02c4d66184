"""The text index of a build: the texts a question searches with ``CONTAINS``, found without the store.

Oxigraph has no text index: ``FILTER(CONTAINS(STR(?quote), ?text))`` reads and decodes every quote text of
the store (1.4 million at 10,000 documents: minutes). So a build that keeps the store also writes, beside it
(``text-index/`` next to ``graph.ttl``), every object of ``prov:value`` (the verbatim text of a quote) as the
N-Triples term that SPARQL reads too, one a line; a search is a byte search of those lines (UTF-8 is
self-synchronising, so a byte match is a character match). A question that declares it (``# text-index: quote
contains text``, see :mod:`kg.ask.catalog`) is then asked over the matching texts only (:mod:`kg.ask.textsearch`).

Layout: the lines of each group of documents (by a hash of the document id: :data:`SHARDS` groups) and of the
shared parts (ontology, registry) in a file named by a digest of what it was made from, sorted and without
repeats; ``index.json`` names the files, their sizes and the graph files (name, size, modification time) the
index was written for. A reader takes the index only while those stamps match the graph file it answers
(:func:`open_index`), so a stale index is never used. A rebuild writes again only the files of the groups
that changed, and ``index.json`` only when it differs; each file is written atomically.

Texts are escaped as in SPARQL and N-Triples strings (``\\``, ``"``, line feed, carriage return); the word
is escaped the same way before the search, which therefore finds every text that contains it (and, rarely,
more: a word ``n`` is found in an escaped line feed; the question's own FILTER drops those).

>>> import tempfile
>>> graph = Path(tempfile.mkdtemp()) / "graph.ttl"
>>> _ = graph.write_text("(the graph)")
>>> lines = texts([("<http://e/q1>", PROV_VALUE, '"长江机车有限公司"'), ("<http://e/q2>", PROV_VALUE, '"说“你好”"@zh'),
...               ("<http://e/q1>", "<http://e/p>", '"长江"')])
>>> lines
['"说“你好”"@zh', '"长江机车有限公司"']
>>> write_index(index_dir(graph), {"00": ("k1", lambda: lines)}, [graph])
True
>>> index = open_index(graph)
>>> index.search("机车"), index.search("你好"), index.search("zh"), index.search("长江 ")
(['"长江机车有限公司"'], ['"说“你好”"@zh'], [], [])
>>> write_index(index_dir(graph), {"00": ("k1", lambda: lines)}, [graph])  # nothing changed: nothing written
False
"""
from __future__ import annotations

import json
import re
import zlib
from pathlib import Path
from typing import Callable, Iterable

PROV_VALUE = "<http://www.w3.org/ns/prov#value>"
DIRNAME = "text-index"
MANIFEST = "index.json"
VERSION = 1
SHARDS = 64  # groups of documents (a changed document rewrites its group's file)

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_ECHAR = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))', re.S)
_UNESCAPE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
# what a line of the index must be to go into a query: a string literal (plain, tagged or typed) or an IRI
_TERM = re.compile(r'"(?:[^"\\\n\r]|\\[\\"nr])*"(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^<[^<>"{}|^`\\\x00-\x20]*>)?'
                   r'|<[^<>"{}|^`\\\x00-\x20]*>')


class IndexUnusable(Exception):
    """The index on disk cannot be read as written (a file gone, cut short or not of terms)."""


def escape(text: str) -> str:
    """``text`` with ``\\``, ``"``, line feed and carriage return escaped, as in a SPARQL or N-Triples string.

    >>> print(escape('a"b\\\\c\\nd'))
    a\\"b\\\\c\\nd
    """
    return text.translate(_ESCAPES)


def _unescape(lexical: str) -> str:
    def one(m: re.Match) -> str:
        if m.group(3) is not None:
            return _UNESCAPE.get(m.group(3), m.group(0))
        return chr(int(m.group(1) or m.group(2), 16))

    return _ECHAR.sub(one, lexical)


def term_line(obj: str) -> str | None:
    """The index line of an N-Triples object term: a literal with its lexical form escaped as :func:`escape`
    does (so that the escaped word finds it), an IRI as it is; None for a blank node.

    >>> term_line('"a\\\\u0022b"@zh'), term_line("<http://e/x>"), term_line("_:b1")
    ('"a\\\\"b"@zh', '<http://e/x>', None)
    """
    if obj.startswith('"'):
        close = obj.rindex('"')
        lexical = obj[1:close]
        if "\\" in lexical:
            lexical = escape(_unescape(lexical))
        return '"' + lexical + '"' + obj[close + 1:]
    return obj if obj.startswith("<") else None


def texts(triples: Iterable[tuple]) -> list[str]:
    """The index lines of the ``prov:value`` objects among N-Triples ``(s, p, o)`` texts, sorted, no repeats."""
    found = set()
    for _s, p, o in triples:
        if p == PROV_VALUE:
            line = term_line(o)
            if line is not None:
                found.add(line)
    return sorted(found)


def split_lines(lines: Iterable[str], *, quads: bool = False) -> Iterable[tuple]:
    """``(s, p, o)`` of the N-Triples (or, ``quads``, N-Quads with a graph IRI) lines that state ``prov:value``
    (the others are skipped without being split).

    >>> list(split_lines(['<http://e/q> <http://www.w3.org/ns/prov#value> "a <b> c" <http://e/g> .', '<x> <y> "z" .'],
    ...                  quads=True))
    [('<http://e/q>', '<http://www.w3.org/ns/prov#value>', '"a <b> c"')]
    """
    head = PROV_VALUE + " "
    for ln in lines:
        s, _, rest = ln.partition(" ")
        if not rest.startswith(head):
            continue
        o = rest[len(head):].rstrip()[:-1].rstrip()  # without the final "."
        if quads:  # the graph IRI follows the object
            o = o[: o.rindex("<")].rstrip()
        yield s, PROV_VALUE, o


def shard_of(doc_id: str) -> str:
    """The group a document's texts are kept in.

    >>> shard_of("gen-00001")
    '50'
    """
    return f"{zlib.crc32(doc_id.encode('utf-8')) % SHARDS:02d}"


def index_dir(graph_file: Path | str) -> Path:
    """Where the text index of a built graph file lives: ``text-index/`` beside it."""
    return Path(graph_file).parent / DIRNAME


def _stamp(path: Path) -> dict:
    st = path.stat()
    return {"file": path.name, "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def write_index(folder: Path | str, parts: dict[str, tuple[str, Callable[[], list]]], graph_files: list) -> bool:
    """Bring the index in ``folder`` in line with ``parts`` (name -> (digest of what it is made from, a
    function giving its lines)) for ``graph_files``: a part whose file (named by its digest) exists is kept,
    the others are written; then ``index.json``, if it differs; then the files it no longer names are removed.
    True if anything was written."""
    from kg.output import write_atomic

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files, wrote = [], False
    for name in sorted(parts):
        key, lines = parts[name]
        path = folder / f"{name}-{key[:20]}.txt"
        if not path.is_file():
            body = "".join(ln + "\n" for ln in sorted(set(lines())))
            write_atomic(path, body.encode("utf-8"))
            wrote = True
        files.append([path.name, path.stat().st_size])
    manifest = {"version": VERSION, "graphs": [_stamp(Path(f)) for f in graph_files], "files": files}
    data = json.dumps(manifest, indent=0).encode("utf-8")
    try:
        same = (folder / MANIFEST).read_bytes() == data
    except OSError:
        same = False
    if not same:
        write_atomic(folder / MANIFEST, data)
        wrote = True
    keep = {name for name, _size in files} | {MANIFEST}
    for p in folder.iterdir():
        if p.name not in keep and p.suffix == ".txt":
            p.unlink(missing_ok=True)
    return wrote


class TextIndex:
    """The text index of one built graph file: its files and their sizes."""

    def __init__(self, folder: Path, files: list):
        self.folder = Path(folder)
        self.files = [(Path(p), size) for p, size in files]

    def search(self, word: str) -> list[str]:
        """The index lines (SPARQL terms) whose text contains ``word`` (case and all, as ``CONTAINS``), sorted.
        IndexUnusable if a file is gone, not of its size, or a line found is not a term."""
        needle = escape(word).encode("utf-8")
        found: set = set()
        for path, size in self.files:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise IndexUnusable(f"{path}: {exc.strerror}") from None
            if len(data) != size:
                raise IndexUnusable(f"{path}: {len(data)} bytes, the index says {size}")
            find, rfind = data.find, data.rfind
            i = find(needle)
            while i >= 0:
                start = rfind(b"\n", 0, i) + 1
                end = find(b"\n", i)
                if end < 0:
                    end = len(data)
                # inside the text: after the opening quote (or <) and before the closing one (or >)
                close = data.rfind(b'"', start, end) if data[start:start + 1] == b'"' else end - 1
                if (i > start or not needle) and i + len(needle) <= close:
                    found.add(data[start:end])
                i = find(needle, end + 1)
        out = []
        for line in sorted(found):
            text = line.decode("utf-8", errors="replace")
            if not _TERM.fullmatch(text):
                raise IndexUnusable(f"{self.folder}: not an RDF term: {text[:60]}")
            out.append(text)
        return out


def open_index(graph_file: Path | str) -> TextIndex | None:
    """The text index written for ``graph_file`` as it is now; None if there is none, or it was written for
    another version of the file, or its ``index.json`` cannot be read."""
    graph_file = Path(graph_file)
    folder = index_dir(graph_file)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or manifest.get("version") != VERSION:
            return None
        if _stamp(graph_file) not in manifest.get("graphs", []):
            return None
        files = [(folder / Path(str(name)).name, int(size)) for name, size in manifest["files"]]
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if any(p.name.startswith(".") or p.parent != folder for p, _ in files):
        return None  # a file outside the folder
    return TextIndex(folder, files)
