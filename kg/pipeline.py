"""Corpus builds that scale: each document loaded, quote-checked, built and validated on its own, on every
core, and again only when it changed.

A build keeps a cache (``<out>/cache/``): for each document the content hash of its folder, its triples
(sorted N-Triples), its Turtle and TriG blocks, its validation results and what it depends on outside
itself — the types of the registry entities and vocabulary concepts it names. A document is rebuilt when its
files change or one of those dependencies does; everything else comes from the cache, so a rebuild with no
change reads only file stamps. The registry graph and the validation of shared nodes (registry entities,
vocabulary concepts: they gather provenance from every document that mentions them) are redone from the
cached parts when any document changed.

Validation is :mod:`kg.check.localshacl` over each document's part (its graph plus the types of what it
names) and over the shared part: together exactly the results of pySHACL over the whole graph. Shapes
outside that engine's core make the build validate the union with pySHACL instead (slow, but right).

The outputs are the same bytes as the one-graph writer (``kg.serialize.turtle.dataset_texts``): sorted
N-Triples lines written by Oxigraph as Turtle (the union) and TriG (one named graph per document). A
document's own triples are a contiguous run of that order (their subjects share the prefix
``<base>id/<doc-id>/``), so its cached blocks are spliced in as they are. A rebuild copies from the previous
output files every piece they already hold (the index keeps their layouts), so after one document changed
it writes that document's blocks and copies the rest in the kernel. A large build also keeps the embedded
store (``<out>/store``, see :mod:`kg.store.embedded`) up to date, each triple stored once.

>>> import tempfile, shutil
>>> from kg.paths import DEMO_CORPUS
>>> out = Path(tempfile.mkdtemp())
>>> r = build_corpus(corpus=DEMO_CORPUS, out_dir=out)
>>> r.conforms, r.rebuilt, r.documents
(True, 1, 1)
>>> build_corpus(corpus=DEMO_CORPUS, out_dir=out).rebuilt
0
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import time
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import CheckFailed, KgError
from kg.progress import Progress
from kg.store.cache import CACHE_VERSION, BuildCache, DocEntry, graph_iri as _graph_iri
# A build this large also keeps the embedded store (queries on Oxigraph): rdflib's SPARQL took 37 s on a catalog
# question over 12 generated documents (20,000 triples) and over 120 s over 30; the store answers in ms.
STORE_MIN_TRIPLES = 10_000


# ---------------------------------------------------------------------------------------------- records

@dataclass
class CorpusBuild:
    """What :func:`build_corpus` did."""

    documents: int
    rebuilt: int
    facts: int
    triples: int
    report: Any
    outputs: list = field(default_factory=list)
    store: Path | None = None
    seconds: dict = field(default_factory=dict)
    cache: Path | None = None
    ids: list = field(default_factory=list)  # the documents, in order

    @property
    def conforms(self) -> bool:
        return self.report.conforms


# ---------------------------------------------------------------------------------------------- helpers

def _sha(*parts: bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(len(p).to_bytes(8, "little"))
        h.update(p)
    return h.hexdigest()


def _folder_stamp(folder: Path) -> tuple:
    out = []
    try:
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.is_file() and not entry.name.endswith(".draft.yaml"):
                st = entry.stat()
                out.append((entry.name, st.st_size, st.st_mtime_ns))
    except OSError:
        return ()
    return tuple(out)


def _folder_digest(folder: Path, stamp: tuple) -> str:
    parts = []
    for name, _size, _mtime in stamp:
        parts.append(name.encode("utf-8"))
        parts.append((folder / name).read_bytes())
    return _sha(*parts)


def _code_key() -> str:
    """The code that decides what a document's graph and results are: a change of it invalidates the cache."""
    import kg

    root = Path(kg.__file__).resolve().parent
    names = ["facts/loader.py", "facts/ontology.py", "facts/registry.py", "facts/vocab.py", "facts/corpus.py",
             "graph/builder.py", "sources/text.py", "check/localshacl.py", "serialize/turtle.py", "pipeline.py",
             "namespaces.py", "inputs.py"]
    parts = [CACHE_VERSION.encode()]
    for n in names:
        p = root / n
        parts.append(p.read_bytes() if p.exists() else b"")
    return _sha(*parts)


def _subject(line: str) -> str:
    return line[: line.index(" ")]


def _object(line: str) -> str:
    """The object of an N-Triples line when it is an IRI or a blank node (else "")."""
    rest = line.split(" ", 2)[2]
    if rest.startswith("<"):
        return rest[: rest.index(">") + 1]
    return rest[: rest.index(" ")] if rest.startswith("_:") else ""


# ---------------------------------------------------------------------------------------------- the context

@dataclass
class _Context:
    """What every document's build reads: the builder's context, shared types, shapes, prefixes."""

    ctx: Any  # kg.graph.builder.Context
    base: str
    id_ns: str
    shared_types: dict  # rdflib node -> frozenset of types (registry entities, ontology and vocabulary nodes)
    supers: dict  # class -> its superclasses, as N-Triples texts (kg.check.localshacl's terms)
    shapes: Any  # CompiledShapes, or None when the shapes need pySHACL over the union
    prefixes: dict  # prefix -> namespace (the writer's)
    onto_graph: Any  # ontology + vocabularies (rdflib Graph)
    global_key: str
    onto_lines: list = field(default_factory=list)  # its N-Triples, sorted
    shared_nt: dict = field(default_factory=dict)  # shared_types as N-Triples texts
    registry_lines: list = field(default_factory=list)  # the registry graph's, once built


def _context(corpus: Path, base: str, ontology_dir: Path | None) -> _Context:
    from dataclasses import replace

    from rdflib.namespace import RDF

    from kg.check.localshacl import Unsupported, compile_shapes, nt_triples, subclass_closure
    from kg.facts.ontology import load_ontology, load_shapes
    from kg.facts.registry import load_registry
    from kg.facts.vocab import load_vocab
    from kg.graph.builder import Context, NtTerms, vocab_graph
    from kg.namespaces import new_graph, resource_ns

    onto_files = [Path(ontology_dir) / "kg.ttl", Path(ontology_dir) / "vocab.ttl"] if ontology_dir else None
    shapes_file = Path(ontology_dir) / "shapes.ttl" if ontology_dir else None
    onto = load_ontology(onto_files)
    onto = replace(onto, concepts=dict(onto.concepts))
    registry = load_registry(corpus)
    vg = vocab_graph(load_vocab(corpus), onto)
    ctx = Context(onto=onto, registry=registry, base=base)
    onto_graph = new_graph(base)
    onto_graph += onto.graph
    onto_graph += vg
    id_ns = str(resource_ns(base))
    types: dict = {}
    for s, o in onto_graph.subject_objects(RDF.type):
        types.setdefault(s, set()).add(o)
    for rid, ent in registry.entities.items():
        cls = onto.classes.get(ent.cls)
        types.setdefault(resource_ns(base)[rid], set()).update({cls} if cls is not None else set())
    shared_types = {k: frozenset(v) for k, v in types.items()}
    sg = load_shapes(shapes_file)
    try:
        shapes = compile_shapes(sg)
    except Unsupported:
        shapes = None
    prefixes = {str(p): str(ns) for p, ns in new_graph(base).namespaces() if p}
    files = [*(onto_files or []), shapes_file] if ontology_dir else []
    if not ontology_dir:
        from kg.paths import ONTOLOGY_FILES, SHAPES_FILE

        files = [*ONTOLOGY_FILES, SHAPES_FILE]
    vocab_files = sorted((corpus / "vocab").glob("*.yaml")) if (corpus / "vocab").is_dir() else []
    key = _sha(_code_key().encode(), base.encode(), *(Path(f).read_bytes() for f in files),
               *(p.name.encode() + p.read_bytes() for p in vocab_files))
    nt = NtTerms()
    shared_nt = {nt.term(k): frozenset(nt.term(t) for t in v) for k, v in shared_types.items()}
    return _Context(ctx=ctx, base=base, id_ns=id_ns, shared_types=shared_types, shared_nt=shared_nt,
                    supers=subclass_closure(nt_triples(onto_graph)), shapes=shapes, prefixes=prefixes, onto_graph=onto_graph,
                    global_key=key, onto_lines=sorted({ln for ln in onto_graph.serialize(format="nt").split("\n") if ln}))


# ---------------------------------------------------------------------------------------------- one document

def _result_row(graph_ns: Any, r, label: str | None) -> tuple:
    """A local validation result (N-Triples terms) as the report's row."""
    from kg.check.localshacl import from_nt
    from kg.check.shacl import _short

    return (_short(graph_ns, from_nt(r.focus)), label, _short(graph_ns, from_nt(r.path)) if r.path is not None else None,
            r.message, r.severity)


_LABEL_NT = "<http://www.w3.org/2000/01/rdf-schema#label>"
_PREF_LABEL_NT = "<http://www.w3.org/2004/02/skos/core#prefLabel>"


def _label_of(data, node) -> str | None:
    from rdflib import Literal

    from kg.check.localshacl import from_nt

    labels = [from_nt(x) for x in (*data.objects(node, _LABEL_NT), *data.objects(node, _PREF_LABEL_NT))]
    zh = [x for x in labels if isinstance(x, Literal) and x.language == "zh"]
    pick = zh or labels
    return str(sorted(pick)[0]) if pick else None


def _blocks(lines: list[str], prefixes: dict) -> tuple[str, list]:
    """Turtle of sorted N-Triples lines (without @prefix lines), and the namespaces it uses."""
    import pyoxigraph as ox

    text = "\n".join(lines) + "\n" if lines else ""
    used = sorted(ns for ns in prefixes.values() if f"<{ns}" in text)
    pre = {p: ns for p, ns in prefixes.items() if ns in used}
    ttl = ox.serialize(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                       prefixes=pre).decode("utf-8")
    return _strip_prefixes(ttl), used


def _lines(text: str) -> list:
    """Lines of a text with their "\\n" (not ``splitlines()``: U+2028, U+0085… may sit inside literals)."""
    parts = text.split("\n")
    return [ln + "\n" for ln in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _strip_prefixes(text: str) -> str:
    """Oxigraph's Turtle or TriG without its ``@prefix`` lines, which are all at its head (a newline in a
    literal is written ``\\n``: no later line starts so)."""
    at = 0
    while text.startswith("@prefix ", at):
        at = text.index("\n", at) + 1
    return text[at:]


def _indented(text: str) -> str:
    """Each line of a text with a tab before it (a TriG graph block's body)."""
    if not text:
        return ""
    if text.endswith("\n"):
        return "\t" + text[:-1].replace("\n", "\n\t") + "\n"
    return "\t" + text.replace("\n", "\n\t")


def _trig(quad_lines: list[str], prefixes: dict) -> str:
    import pyoxigraph as ox

    text = "\n".join(quad_lines) + "\n" if quad_lines else ""
    return _strip_prefixes(ox.serialize(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS),
                                        format=ox.RdfFormat.TRIG, prefixes=prefixes).decode("utf-8"))


_W: dict = {}  # the worker's context (inherited by forked worker processes)


def _document_graph(loaded, ctx, spans):
    """The document's triples as N-Triples texts, into a plain set (much faster than rdflib terms in an
    rdflib Graph, which a document's build never needs)."""
    from kg.graph.builder import document_graph

    return document_graph(loaded, ctx, spans, into=set(), nt=True)


class TripleSet:
    """A set of triples (of rdflib terms or N-Triples texts) with what the builder asks of its graph: add,
    objects, iteration."""

    def __init__(self):
        self._set: set = set()
        self._sp: dict = {}

    def add(self, triple):
        if triple not in self._set:
            self._set.add(triple)
            self._sp.setdefault((triple[0], triple[1]), []).append(triple[2])
        return self

    def objects(self, subject=None, predicate=None):
        return iter(self._sp.get((subject, predicate), ()))

    def __iter__(self):
        return iter(self._set)

    def __len__(self) -> int:
        return len(self._set)

    def __contains__(self, triple) -> bool:
        return triple in self._set


def _build_document(ref, stamp: tuple, digest: str) -> DocEntry:
    """Build, quote-check and validate one document; write its blocks into the cache; return its entry. Its
    triples are N-Triples texts from the builder on: lines, validation and blocks never make an rdflib term."""
    from kg.check.localshacl import Data, validate_part
    from kg.graph.builder import load_document, locate_quotes, registry_uses
    from kg.namespaces import new_graph
    from kg.store.textindex import texts

    c: _Context = _W["c"]
    cache: BuildCache = _W["cache"]
    clock = time.process_time
    t0 = clock()
    loaded = load_document(ref)
    t1 = clock()
    spans = locate_quotes(loaded)
    t2 = clock()
    triples = list(_document_graph(loaded, c.ctx, spans))
    t3 = clock()
    own = "<" + c.id_ns + ref.id + "/"
    own_t, foreign_t = [], []
    ext_types: dict = {}
    shared_types = c.shared_nt
    for t in triples:
        s, o = t[0], t[2]
        (own_t if s[0] == "_" or s.startswith(own) else foreign_t).append(t)
        if o[0] == "<" and o not in ext_types and not o.startswith(own):
            ext_types[o] = shared_types.get(o, frozenset())
    own_lines = sorted([s + " " + p + " " + o + " ." for s, p, o in own_t])
    foreign = sorted([s + " " + p + " " + o + " ." for s, p, o in foreign_t])
    t4 = clock()
    data = Data(triples, types=ext_types, supers=c.supers)
    results = []
    if c.shapes is not None:
        ns_graph = None
        for r in validate_part(c.shapes, data, [s for s in data.out if s.startswith(own)]):
            ns_graph = ns_graph or new_graph(c.base)
            results.append(_result_row(ns_graph, r, _label_of(data, r.focus)))
    t5 = clock()
    from rdflib.namespace import RDF

    rdf_type = f"<{RDF.type}>"
    pointed = {t[2] for t in foreign_t if t[2].startswith(own)}
    type_lines = sorted(f"{o} {rdf_type} {k} ." for o in pointed for k in data.types.get(o, ()))
    ttl, used_ns = _blocks(own_lines, c.prefixes)
    gname = _graph_iri(c.base, ref.id)
    tail = f"<{gname}> .\n"
    nq = "".join(ln[:-1] + tail for ln in own_lines).encode("utf-8")  # encoded once: written, and its digest
    trig = f"<{gname}> {{\n" + _indented(ttl) + "}\n" if own_lines else ""
    cache.put(ref.id, nq=nq, ttl=ttl, trig=trig, texts="".join(ln + "\n" for ln in texts(triples)))
    used = registry_uses(loaded.facts, c.ctx.registry)
    t6 = clock()
    return DocEntry(id=ref.id, stamp=stamp, digest=digest, refs=sorted(k[1:-1] for k in ext_types),
                    fact_ids=[f.id for f in loaded.facts.facts], used=sorted(used),
                    registry={rid: c.ctx.registry.entities[rid].cls for rid in used},
                    facts=len(loaded.facts.facts), triples=len(own_lines) + len(foreign), foreign=foreign,
                    foreign_types=type_lines, results=results, prefixes=used_ns,
                    first=own_lines[0] if own_lines else "", chunk=_sha(nq, "\n".join(foreign).encode()),
                    seconds={"load": t1 - t0, "quotes": t2 - t1, "graph": t3 - t2, "lines": t4 - t3,
                             "validate": t5 - t4, "write": t6 - t5})


def _work(job: tuple) -> tuple:
    ref, stamp, digest = job
    _W["jobs"] = _W.get("jobs", 0) + 1
    if _W["jobs"] % 50 == 0 and not gc.isenabled():
        # `kg build` turns the cyclic collector off (a short process); a worker building thousands of
        # documents collects now and then, or each document's cycles stay (~0.4 MB a document). What the
        # worker inherited is frozen when it starts (gc.freeze), so a collection looks at new objects only
        # and leaves the inherited pages shared.
        gc.collect()
    try:
        return ("ok", _build_document(ref, stamp, _folder_digest(ref.folder, stamp) if digest is None else digest))
    except KgError as exc:
        return ("error", (type(exc).__name__, exc.message, exc.file, exc.line, exc.hint))


def _raise(err: tuple) -> None:
    import kg.errors as errors

    name, message, file, line, hint = err
    raise getattr(errors, name, KgError)(message, file=file, line=line, hint=hint)


# ---------------------------------------------------------------------------------------------- the cache

# ---------------------------------------------------------------------------------------------- the build

QUICK_FILE = "unchanged.pickle"


def _stat(path: Path) -> tuple:
    try:
        st = path.stat()
    except OSError:
        return (str(path), None)
    return (str(path), st.st_size, st.st_mtime_ns)


def _quick_key(corpus: Path, base: str, ontology_dir: Path | None, refs: list, stamps: dict, store) -> str:
    """What a build's result depends on, read from file stamps only: the code, the options, the ontology,
    registry and vocabulary files, and every document folder's files (names, sizes, modification times)."""
    from kg.paths import ONTOLOGY_FILES, SHAPES_FILE

    onto = [Path(ontology_dir) / n for n in ("kg.ttl", "vocab.ttl", "shapes.ttl")] if ontology_dir else \
        [*ONTOLOGY_FILES, SHAPES_FILE]
    shared = [p for sub in ("registry", "vocab") if (corpus / sub).is_dir() for p in sorted((corpus / sub).iterdir())]
    return _sha(_code_key().encode(), repr((base, str(store), [_stat(p) for p in (*onto, *shared)])).encode(),
                repr([(ref.id, str(ref.folder), stamps[ref.id]) for ref in refs]).encode())


def _outputs_state(out_dir: Path) -> tuple:
    from kg.store.embedded import STAMP, store_dir
    from kg.store.textindex import MANIFEST, index_dir

    graph = out_dir / "graph.ttl"
    return (_stat(out_dir / "graph.trig"), _stat(graph), _stat(store_dir(graph) / STAMP),
            _stat(index_dir(graph) / MANIFEST))


def _unchanged(quick_file: Path, key: str, out_dir: Path) -> CorpusBuild | None:
    """The previous build's result when nothing it depends on has changed (and its outputs are as it left
    them): a rebuild with no change reads only file stamps."""
    try:
        with open(quick_file, "rb") as fh:
            got = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError, TypeError):
        return None
    if not isinstance(got, dict) or got.get("key") != key or got.get("outputs") != _outputs_state(out_dir):
        return None
    from kg.check.shacl import ValidationReport

    r = got["result"]
    if r.get("store") is not None:
        from kg.store.embedded import store_for

        if store_for(out_dir / "graph.ttl") is None:
            return None
    return CorpusBuild(documents=r["documents"], rebuilt=0, facts=r["facts"], triples=r["triples"],
                       report=ValidationReport(conforms=True, results=[]), outputs=[Path(p) for p in r["outputs"]],
                       store=Path(r["store"]) if r.get("store") else None, cache=quick_file.parent, ids=list(r["ids"]))


def _remember(quick_file: Path, key: str, result: CorpusBuild, out_dir: Path) -> None:
    """Record a successful build for :func:`_unchanged`."""
    from kg.output import write_atomic

    r = {"documents": result.documents, "facts": result.facts, "triples": result.triples, "ids": result.ids,
         "outputs": [str(p) for p in result.outputs], "store": str(result.store) if result.store else None}
    write_atomic(quick_file, pickle.dumps({"key": key, "outputs": _outputs_state(out_dir), "result": r},
                                          protocol=pickle.HIGHEST_PROTOCOL))


def _changes(c: _Context, index: dict) -> tuple[set, set]:
    """What changed outside the documents since the last build: the shared nodes (registry entities,
    concepts, ontology nodes) whose types changed, and the ids that are new in the registry or vocabularies."""
    sig = {str(k): tuple(sorted(str(x) for x in v)) for k, v in c.shared_types.items()}
    ids = set(c.ctx.registry.entities) | set(c.ctx.onto.concepts)
    old_sig, old_ids = index.get("sig"), index.get("ids")
    index["sig"], index["ids"] = sig, ids
    if old_sig is None or old_ids is None:
        return set(sig), ids
    moved = {k for k in set(sig) | set(old_sig) if sig.get(k) != old_sig.get(k)}
    return moved, ids - old_ids


def _still_valid(entry: DocEntry, c: _Context, moved: set, new_ids: set) -> bool:
    """Whether nothing the document named outside itself changed type (or went away), and none of its fact
    ids now collides with a new registry id or vocabulary concept."""
    if moved:
        if any(iri in moved for iri in entry.refs) or any(c.id_ns + rid in moved for rid in entry.registry):
            return False
    if new_ids and any(f in new_ids for f in entry.fact_ids):
        return False
    return True


def build_corpus(*, corpus: Path | str | None = None, out_dir: Path | str = "build", doc: list[str] | None = None,
                 base: str | None = None, ontology_dir: Path | None = None, jobs: int | None = None,
                 progress: bool | None = None, store: bool | None = None) -> CorpusBuild:
    """Build (or bring up to date) the graph of a corpus in ``out_dir``: ``graph.trig`` and ``graph.ttl``,
    the cache, and for a large corpus the store. Only changed documents are rebuilt; ``jobs`` worker
    processes (default: every core) build them. Nothing is written when validation fails (CheckFailed).
    """
    from kg.graph.builder import select_documents
    from kg.namespaces import DEFAULT_BASE
    from kg.paths import corpus_dir

    timings: dict = {}
    t0 = time.perf_counter()
    corpus = corpus_dir(corpus)
    out_dir = Path(out_dir)
    base = base or DEFAULT_BASE
    refs = select_documents(corpus_dir=corpus, doc=doc)
    stamps = {ref.id: _folder_stamp(ref.folder) for ref in refs}
    quick_file = out_dir / "cache" / QUICK_FILE
    quick_key = _quick_key(corpus, base, ontology_dir, refs, stamps, store)
    done = _unchanged(quick_file, quick_key, out_dir)
    if done is not None:
        done.seconds = {"total": time.perf_counter() - t0}
        return done
    quick_file.unlink(missing_ok=True)
    c = _context(corpus, base, ontology_dir)
    cache = BuildCache(out_dir / "cache")
    if cache.index.get("global") != c.global_key:
        cache.index = {"version": CACHE_VERSION, "global": c.global_key, "docs": {}, "outputs": {},
                       "sig": cache.index.get("sig"), "ids": cache.index.get("ids")}
    entries: dict = cache.index["docs"]
    timings["context"] = time.perf_counter() - t0

    # 1. which documents changed
    moved, new_ids = _changes(c, cache.index)
    todo = []
    keep: dict = {}
    for ref in refs:
        stamp = stamps[ref.id]
        old = entries.get(ref.id)
        if old is not None and old.stamp == stamp and _still_valid(old, c, moved, new_ids):
            keep[ref.id] = old
            continue
        if old is None:  # a new document: its worker reads and digests its files (a cold build: all of them)
            todo.append((ref, stamp, None))
            continue
        digest = _folder_digest(ref.folder, stamp)
        if old.digest == digest and _still_valid(old, c, moved, new_ids):
            old.stamp = stamp
            keep[ref.id] = old
            continue
        todo.append((ref, stamp, digest))
    timings["scan"] = time.perf_counter() - t0 - timings["context"]

    # 2. build them, on every core; a cold store is bulk loaded meanwhile, from the documents as they come
    t1 = time.perf_counter()
    _W["c"], _W["cache"] = c, cache
    graph_file = out_dir / "graph.ttl"
    loader = None
    if store is not False and not _store_reusable(cache, graph_file) and (
            store or len(todo) * _TRIPLES_PER_DOCUMENT >= STORE_MIN_TRIPLES):
        loader = _StoreLoader(graph_file, cache, documents=len(todo))
    try:
        result = _build_rest(c, cache, refs, todo, keep, entries, timings, t0, t1, corpus, out_dir, store, jobs,
                             progress, loader, base)
    finally:
        if loader is not None:
            loader.abort()
    _remember(quick_file, quick_key, result, out_dir)
    return result


def _build_rest(c, cache, refs, todo, keep, entries, timings, t0, t1, corpus, out_dir, store, jobs, progress,
                loader, base) -> CorpusBuild:
    """build_corpus from stage 2 on (``loader``: the store being loaded meanwhile, or None)."""
    done = _run(todo, jobs=jobs, progress=progress, each=loader.document if loader is not None else None)
    errors = []
    changed: dict = {}  # id -> previous entry, for every document rebuilt or gone
    for (ref, _stamp, _digest), (status, value) in zip(todo, done):
        changed[ref.id] = entries.get(ref.id)
        if status == "error":
            errors.append(value)
            entries.pop(ref.id, None)
        else:
            entries[ref.id] = keep[ref.id] = value
    wanted = {r.id for r in refs}
    for gone in [d for d in entries if d not in wanted]:
        changed[gone] = entries.pop(gone)
    timings["documents"] = time.perf_counter() - t1
    if errors:
        cache.save()
        _raise(errors[0])
    ordered = [keep[r.id] for r in refs]

    # 3. the registry graph and the shared part's validation
    t2 = time.perf_counter()
    c.registry_lines = _registry_part(c, cache, ordered, corpus)
    shared_lines = sorted(set(c.onto_lines) | set(c.registry_lines))
    shared_results = _shared(c, cache, ordered, changed)
    timings["shared"] = time.perf_counter() - t2

    # 4. the report
    from kg.check.shacl import ValidationReport, ValidationResult

    if c.shapes is None:
        report = _pyshacl_union(c, cache, ordered, shared_lines)
    else:
        rows = [r for e in ordered for r in e.results] + shared_results
        results = sorted((ValidationResult(focus=f, label=lab, path=p, message=m, severity=s) for f, lab, p, m, s in rows),
                         key=lambda r: (r.focus, r.path or "", r.message))
        report = ValidationReport(conforms=not results, results=results)
    delta = _loose_delta(c, cache, ordered, shared_lines, changed)
    n_triples = _count_triples(ordered, shared_lines, cache, delta)
    result = CorpusBuild(documents=len(ordered), rebuilt=len(todo), facts=sum(e.facts for e in ordered),
                         triples=n_triples, report=report, seconds=timings, cache=cache.folder,
                         ids=[e.id for e in ordered])
    if not report.conforms:
        cache.save()
        raise CheckFailed(f"the graph does not conform to the shapes: {len(report.results)} violation(s), listed above",
                          details=report.text())

    # 5. the store (a large corpus), then the outputs, only when something changed
    t3 = time.perf_counter()
    key = _sha(*(e.chunk.encode() for e in ordered), *(ln.encode() for ln in shared_lines))
    targets = [out_dir / "graph.trig", out_dir / "graph.ttl"]
    outs = cache.index.get("outputs", {})
    fresh = outs.get("key") == key and all(
        p.exists() and outs.get(p.name) == (p.stat().st_size, p.stat().st_mtime_ns) for p in targets)
    want_store = store if store is not None else n_triples >= STORE_MIN_TRIPLES
    from kg.store.embedded import store_dir, store_for

    store_ok = fresh and store_for(targets[1]) is not None
    pending = want_store and not store_ok and loader is not None
    if pending:  # the loader's thread compacts it and puts it in place while the outputs are written
        loader.finish(c, ordered)
    elif want_store and not store_ok:
        result.store = _update_store(c, cache, ordered, set(changed), out_dir, targets[1], previous=changed, delta=delta)
    elif want_store:
        result.store = store_dir(targets[1])
    timings["store"] = time.perf_counter() - t3
    t4 = time.perf_counter()
    if not fresh:
        written = _write_outputs(c, cache, ordered, shared_lines, targets, changed, delta)
        outs = {"key": key, **{p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in targets}, **written}
        cache.index["outputs"] = outs
    result.outputs = targets
    timings["write"] = time.perf_counter() - t4
    if want_store:
        t5 = time.perf_counter()
        _update_text_index(c, cache, ordered, targets)
        timings["text index"] = time.perf_counter() - t5
    if pending:
        t6 = time.perf_counter()
        result.store = loader.wait()
        timings["store wait"] = time.perf_counter() - t6  # the compaction left when the outputs were written
    if want_store and not store_ok:
        _stamp_store(cache, result.store, targets, n_triples)
    timings["total"] = time.perf_counter() - t0
    cache.index["last_build"] = {"triples": n_triples, "facts": result.facts, "documents": len(ordered),
                                 "rebuilt": len(todo), "seconds": dict(timings), "base": base,
                                 "order": [e.id for e in ordered], "chunks": {e.id: e.chunk for e in ordered},
                                 "onto_lines": c.onto_lines, "registry_lines": c.registry_lines}
    cache.save()
    return result


def _run(todo: list, *, jobs: int | None, progress: bool | None, each=None) -> list:
    """Run the document jobs: in this process for a few, else in forked worker processes. ``each`` is called
    with every result as it comes."""
    if not todo:
        return []
    bar = Progress(len(todo), "building", progress)
    try:
        n = jobs or os.cpu_count() or 1
        if n <= 1 or len(todo) < 4 or sys.platform == "win32":
            results = map(_work, todo)
            pool = None
        else:
            import multiprocessing as mp

            pool = mp.get_context("fork").Pool(n, initializer=gc.freeze)
            results = pool.imap(_work, todo, chunksize=4)
        try:
            out = []
            for res in results:
                out.append(res)
                if each is not None and res[0] == "ok":
                    each(res[1])
                bar.update()
            return out
        finally:
            if pool is not None:
                pool.terminate()
                pool.join()
    finally:
        bar.close()


def _count_triples(ordered: list, shared_lines: list, cache: BuildCache, delta: _LooseDelta | None = None) -> int:
    """Triples of the union: each document's own, and the shared lines (counted from those of the previous
    build and ``delta`` when there is one)."""
    own = sum(e.triples - len(e.foreign) for e in ordered)
    if delta is not None:
        return own + cache.index["outputs"]["loose"]["ttl"][2] + len(delta.added["ttl"]) - len(delta.gone["ttl"])
    shared = set(shared_lines)
    for e in ordered:
        shared.update(e.foreign)
    return own + len(shared)


def _registry_part(c: _Context, cache: BuildCache, ordered: list, corpus: Path) -> list:
    """The registry graph's lines: the entities the documents use (and what they refer to), with owl:sameAs
    for ``same`` decisions. Redone only when the registry files or what the documents use changed."""
    from kg.graph.builder import registry_graph

    used = set()
    for e in ordered:
        used.update(e.used)
    files = sorted((corpus / "registry").glob("*.yaml")) if (corpus / "registry").is_dir() else []
    decisions = bool(c.ctx.registry.decisions)
    key = _sha(c.global_key.encode(), *(f.name.encode() + f.read_bytes() for f in files), "\n".join(sorted(used)).encode(),
               *((e.id + e.chunk).encode() for e in ordered if decisions))
    got = cache.index.get("registry")
    if got is not None and got[0] == key:
        return got[1]
    # the documents' fact ids matter only to the ``same`` decisions (10,000 stand-ins cost ~0.4 s)
    rg = registry_graph(c.ctx, used, [_StandIn(e.id, e.fact_ids) for e in ordered] if decisions else [])
    lines = sorted({ln for ln in rg.serialize(format="nt").split("\n") if ln})
    cache.index["registry"] = (key, lines)
    return lines


def _shared(c: _Context, cache: BuildCache, ordered: list, changed: dict) -> list:
    """Validation results of the shared nodes (registry entities, concepts: every node no document owns),
    each checked with the ontology, the registry and every document's statements about it. Only the nodes
    about which a changed document or the registry now says something else are checked again (lines about
    them, types of what they point to), unless the ontology changed.
    ``changed``: id -> the document's previous entry (None if new) for every rebuilt or removed document."""
    from kg.check.localshacl import Data, validate_part
    from kg.namespaces import new_graph

    if c.shapes is None:
        return []
    base_key = c.global_key
    got = cache.index.get("shared")
    type_p = " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "

    def subjects() -> tuple:
        """Every document's lines about nodes it does not own, and the ontology's and registry's lines, by
        subject (built only when some node is checked: a rebuild usually checks none)."""
        by_subject: dict = {}
        for e in ordered:
            for ln in (*e.foreign, *e.foreign_types):
                by_subject.setdefault(_subject(ln), []).append(ln)
        shared_by_subject: dict = {}
        for ln in (*c.onto_lines, *c.registry_lines):
            shared_by_subject.setdefault(_subject(ln), []).append(ln)
        return by_subject, shared_by_subject

    docs = {e.id for e in ordered}
    id_ns = c.id_ns

    def owned(subject: str) -> bool:  # "<…/id/doc/x>" is a document's node
        if not subject.startswith("<" + id_ns):
            return subject.startswith("_:")
        rest = subject[len(id_ns) + 1:]
        return "/" in rest and rest.split("/", 1)[0] in docs

    def every_line(own_types: bool = True):
        """The lines of the ontology, the registry and every document's foreign lines and (``own_types``)
        the types of its own nodes that they point to."""
        yield from c.onto_lines
        yield from c.registry_lines
        for e in ordered:
            yield from e.foreign
            if own_types:
                yield from e.foreign_types

    def lines_about(wanted: set, *, types: bool = False) -> list:
        """The lines (of the ontology, registry and every document) about the nodes in ``wanted`` (only the
        rdf:type ones with ``types``): one pass, no index of every subject. A document's types of its own
        nodes are read only for ``types`` (``wanted`` is else shared nodes, which no document owns)."""
        return [ln for ln in every_line(types) if ln[: ln.index(" ")] in wanted and (not types or type_p in ln)]

    found = None
    if got is not None and got["key"] == base_key and got.get("registry") is not None:
        results = dict(got["results"])
        # a shared node is checked again when what a changed document says about it changed: a line about
        # it, or the type of one of the document's nodes it points to (usually nothing: an edit of a letter
        # rarely touches the lines about a registry entity that every letter names)
        now = {e.id: e for e in ordered if e.id in changed}
        affected = set()
        for doc_id, old in changed.items():
            new = now.get(doc_id)
            before = set(old.foreign) | set(old.foreign_types) if old is not None else set()
            after = set(new.foreign) | set(new.foreign_types) if new is not None else set()
            diff = before ^ after
            affected.update(_subject(ln) for ln in diff)
            retyped = {_subject(ln) for ln in diff if " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> " in ln}
            if retyped:
                affected.update(_subject(ln) for ln in before | after if _object(ln) in retyped)
        # the registry graph is one more part that changed (an entity's label, say: the entity is checked again)
        before, after = set(got["registry"]), set(c.registry_lines)
        diff = before ^ after
        affected.update(_subject(ln) for ln in diff)
        retyped = {_subject(ln) for ln in diff if type_p in ln}
        if retyped:  # every line that points to a retyped entity, whoever states it
            affected.update(_subject(ln) for ln in every_line() if _object(ln) in retyped)
            affected.update(_subject(ln) for ln in before if _object(ln) in retyped)
        affected = {s for s in affected if not owned(s)}
        for s in affected:
            results.pop(s, None)
    else:
        results = {}
        found = subjects()
        affected = {s for s in set(found[0]) | set(found[1]) if not owned(s)}
    if affected:
        if found is not None:
            by_subject, shared_by_subject = found
            lines = [ln for s in affected for ln in (*shared_by_subject.get(s, ()), *by_subject.get(s, ()))]
        else:  # a few nodes: their lines found in one pass
            lines = lines_about(affected)
        objects = set()
        for ln in lines:
            parts = ln.split(" ", 2)
            if parts[2].startswith("<"):
                objects.add(parts[2][: parts[2].index(">") + 1])
        if found is not None:
            lines += [ln for o in objects - affected for ln in (*shared_by_subject.get(o, ()), *by_subject.get(o, ()))
                      if type_p in ln]
        elif objects - affected:
            lines += lines_about(objects - affected, types=True)
        triples = []
        for ln in dict.fromkeys(lines):
            s_, p_, rest = ln.split(" ", 2)
            triples.append((s_, p_, rest[:-2]))
        data = Data(triples, supers=c.supers)
        ns_graph = new_graph(c.base)
        focus = [n for n in data.out if n in affected]
        for n in focus:
            results[n] = []
        for r in validate_part(c.shapes, data, focus):
            results[r.focus].append(_result_row(ns_graph, r, _label_of(data, r.focus)))
    cache.index["shared"] = {"key": base_key, "registry": c.registry_lines, "results": results}
    return [row for rows in results.values() for row in rows]


@dataclass
class _StandIn:
    """What registry_graph reads of a built document: its id and its facts' ids."""

    doc_id: str
    fact_ids: list

    @property
    def facts(self):
        return [_Id(f) for f in self.fact_ids]


@dataclass
class _Id:
    id: str


def _pyshacl_union(c: _Context, cache: BuildCache, ordered: list, shared_lines: list):
    """Shapes outside the local engine: pySHACL over the union (the reference, slow on a large corpus)."""
    from rdflib import Graph

    from kg.check.shacl import validate_graph

    g = Graph(bind_namespaces="none")
    text = "\n".join(shared_lines) + "\n" + "".join("\n".join(_doc_lines(cache, e)) + "\n" for e in ordered)
    g.parse(data=text, format="nt")
    from kg.namespaces import new_graph

    u = new_graph(c.base)
    u += g
    return validate_graph(u)


# ---------------------------------------------------------------------------------------------- outputs

def _loose(c: _Context, ordered: list, shared_lines: list, *, quads: bool) -> list:
    """The shared lines of the union (or the shared quads of the dataset), sorted: every line but the
    documents' own (the ontology's, the registry's and the documents' foreign lines)."""
    if quads:
        onto_name = _graph_iri(c.base, "ontology")
        reg_name = _graph_iri(c.base, "registry")
        shared = {ln[:-1] + f"<{onto_name}> ." for ln in c.onto_lines}
        shared.update(ln[:-1] + f"<{reg_name}> ." for ln in c.registry_lines)
        for e in ordered:
            gname = _graph_iri(c.base, e.id)
            shared.update(ln[:-1] + f"<{gname}> ." for ln in e.foreign)
    else:
        shared = set(shared_lines)
        for e in ordered:
            shared.update(e.foreign)
    return sorted(shared)


def _segments(c: _Context, ordered: list, loose: list, *, quads: bool) -> list:
    """The sorted order of the union's lines (or of the dataset's quads) as segments: ("doc", entry) for a
    document's own block, ("lines", [line, …]) for shared lines (``loose``: those of :func:`_loose` in
    UTF-8) between blocks."""
    blocks = sorted((e for e in ordered if e.first), key=lambda e: e.first)
    out: list = []
    pos = 0
    for e in blocks:
        key = e.first if not quads else e.first[:-1] + f"<{_graph_iri(c.base, e.id)}> ."
        at = bisect_left(loose, key.encode("utf-8"), lo=pos)
        if at > pos:
            out.append(("lines", loose[pos:at]))
        out.append(("doc", e))
        pos = at
    if pos < len(loose):
        out.append(("lines", loose[pos:]))
    return out


@dataclass
class _LooseDelta:
    """How the shared lines of each output changed since the files were written (see :func:`_loose_delta`):
    kind -> lines added, lines gone; ``lines``: every line whose owner in the store may have changed."""

    added: dict
    gone: dict
    lines: set


def _loose_delta(c: _Context, cache: BuildCache, ordered: list, shared_lines: list, changed: dict) -> _LooseDelta | None:
    """What changed in the sorted shared lines of graph.ttl and graph.trig since the files were written, from
    the parts that changed alone — the documents added, removed or rebuilt (their foreign lines) and the
    registry's and ontology's lines: a line of theirs is in the union while some part states it (the other
    documents are only asked whether they state one of these lines). None when the cache does not describe
    the files (then the shared lines are gathered from every part) or many documents changed."""
    outs = cache.index.get("outputs", {})
    was = outs.get("from")
    last = cache.index.get("last_build") or {}
    kept = outs.get("loose") or {}
    if was is None or last.get("chunks") != was or any(k not in kept for k in ("ttl", "trig")):
        return None
    now = {e.id: e for e in ordered}
    before, after = [], []  # the previous and the new versions of the documents that differ
    for doc_id, chunk in was.items():
        e = now.get(doc_id)
        if e is not None and e.chunk == chunk:
            continue
        prev = changed.get(doc_id)
        if prev is None or prev.chunk != chunk:
            return None  # the files hold a version the cache no longer has
        before.append(prev)
    after = [e for e in ordered if was.get(e.id) != e.chunk]
    if len(before) + len(after) > 64:
        return None
    onto_old, reg_old = last.get("onto_lines"), last.get("registry_lines")
    if onto_old is None or reg_old is None:
        return None
    parts_old = set(onto_old) | set(reg_old)
    parts_new = set(shared_lines)
    lines = parts_old ^ parts_new
    for e in (*before, *after):
        lines.update(e.foreign)
    differ = {e.id for e in after}
    stated = set()  # which of these lines the other documents state
    for e in ordered:
        if e.id not in differ:
            stated.update(lines.intersection(e.foreign))
    old = (lines & parts_old) | stated
    new = (lines & parts_new) | stated
    for e in before:
        old.update(e.foreign)
    for e in after:
        new.update(e.foreign)

    def quads(part_lines, name: str) -> set:
        g = f"<{_graph_iri(c.base, name)}> ."
        return {ln[:-1] + g for ln in part_lines}

    q_old = quads(set(onto_old) - set(c.onto_lines), "ontology") | quads(set(reg_old) - set(c.registry_lines), "registry")
    q_new = quads(set(c.onto_lines) - set(onto_old), "ontology") | quads(set(c.registry_lines) - set(reg_old), "registry")
    for e in before:
        q_old |= quads(e.foreign, e.id)
    for e in after:
        q_new |= quads(e.foreign, e.id)
    return _LooseDelta(added={"ttl": new - old, "trig": q_new - q_old}, gone={"ttl": old - new, "trig": q_old - q_new},
                       lines=lines)


def _loose_file(cache: BuildCache, kind: str) -> Path:
    """Where the cache keeps the sorted shared lines of an output file (see :func:`_loose`)."""
    return cache.folder / f"loose-{kind}.txt"


def _edited_loose(c: _Context, cache: BuildCache, kind: str, delta: _LooseDelta) -> tuple | None:
    """The sorted shared lines of an output file (UTF-8: bytes sort as their texts do) and the namespaces
    they use: those the previous file was made from (kept in the cache) with ``delta`` applied. None if the
    cache's copy is not that one."""
    rec = (cache.index.get("outputs", {}).get("loose") or {}).get(kind)
    path = _loose_file(cache, kind)
    try:
        st = path.stat()
    except OSError:
        return None
    if rec is None or tuple(rec[0]) != (st.st_size, st.st_mtime_ns):
        return None
    text = path.read_bytes()
    lines = text.split(b"\n") if text else []
    del text
    if len(lines) != rec[2]:
        return None
    added = {ln.encode("utf-8") for ln in delta.added[kind]}
    gone = {ln.encode("utf-8") for ln in delta.gone[kind]}
    if gone:
        lines = [ln for ln in lines if ln not in gone]
    if added:
        lines.extend(added)
        lines.sort()  # sorted runs merged: about linear
    ns = set(rec[1])
    for n in c.prefixes.values():
        if n not in ns and any(f"<{n}" in ln for ln in delta.added[kind]):
            ns.add(n)
    lost = [n for n in ns if any(f"<{n}" in ln for ln in delta.gone[kind])]
    if lost:
        text = b"\n".join(lines)
        ns.difference_update(n for n in lost if f"<{n}".encode("utf-8") not in text)
    return lines, ns


def _keep_loose(cache: BuildCache, kind: str, lines: list, ns: set) -> tuple:
    """Keep the sorted shared lines of an output file in the cache (for the next build's :func:`_edited_loose`);
    returns what the index records of them: (size, mtime) of the file, the namespaces, how many lines."""
    path = _loose_file(cache, kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_bytes(b"\n".join(lines))
    os.replace(tmp, path)
    st = path.stat()
    return (st.st_size, st.st_mtime_ns), sorted(ns), len(lines)


def _write_outputs(c: _Context, cache: BuildCache, ordered: list, shared_lines: list, targets: list,
                   changed: dict | None = None, delta: _LooseDelta | None = None) -> dict:
    """graph.trig and graph.ttl: the same bytes as the one-graph writer, spliced from the previous files
    (what they already hold, in long runs: a rebuild after one document changed copies all but that
    document's block) and from cached blocks. ``changed``: id -> previous entry of each rebuilt document;
    ``delta``: how the shared lines changed since the previous files (then they are not gathered again).
    Returns what the index keeps of the files (their layouts, what they were made from) and, for each, how
    many bytes were made and how many copied from the previous file."""
    from kg.output import write_spliced

    outs = cache.index.get("outputs", {})
    layouts = outs.get("layout") or {}
    kinds = (("trig", targets[0]), ("ttl", targets[1]))
    previous = {kind: _previous_layout(target, outs, layouts.get(kind)) for kind, target in kinds}
    frame = _sha("\n".join(e.id for e in ordered).encode(), "\n".join(shared_lines).encode())
    swap = _swaps(ordered, changed or {}, outs, previous, frame)
    new_layouts: dict = {}
    made: dict = {}
    if swap is not None:
        # the same pieces in the same places but for the changed documents' blocks (see _swaps): the two
        # files are mostly kernel copies and syncs, written side by side
        from concurrent.futures import ThreadPoolExecutor

        def swapped(kind: str, target: Path):
            pieces = [(swap[k][0], cache.path(swap[k][1], kind)) if k in swap else (k, None)
                      for k, _n in previous[kind]]
            return write_spliced(target, pieces, previous=previous[kind])

        with ThreadPoolExecutor(max_workers=2) as pool:
            jobs = {kind: pool.submit(swapped, kind, target) for kind, target in kinds}
        for kind, job in jobs.items():
            done = job.result()
            new_layouts[kind] = _pack_layout(done.layout)
            made[kind] = (done.made, done.copied)
        kinds = ()
    used = set()
    for e in ordered if kinds else ():
        used.update(e.prefixes)
    kept = outs.get("loose") if swap is not None else {}
    edited: list = []  # the kinds whose shared lines were the previous ones edited (see _edited_loose)
    todo: dict = {}  # kind -> (its file, its pieces)
    for kind, target in kinds:
        got = _edited_loose(c, cache, kind, delta) if delta is not None else None
        if got is not None:
            loose, ns_loose = got
            edited.append(kind)
        else:
            loose = [ln.encode("utf-8") for ln in _loose(c, ordered, shared_lines, quads=kind == "trig")]
            text = b"\n".join(loose)
            ns_loose = {ns for ns in c.prefixes.values() if f"<{ns}".encode("utf-8") in text}
            del text
        kept[kind] = _keep_loose(cache, kind, loose, ns_loose)
        segs = _segments(c, ordered, loose, quads=kind == "trig")
        held = {k for k, _n in previous[kind] or ()}
        ns_used = used | ns_loose
        pre = {p: ns for p, ns in sorted(c.prefixes.items()) if ns in ns_used}
        head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(pre.items()))
        head = head + ("\n" if head else "")
        salt = head.encode("utf-8")  # the Turtle of shared lines depends on the prefixes too
        pieces = [("h" + hashlib.blake2b(salt, digest_size=16).hexdigest(), salt)]
        if kind == "ttl":
            for k, v in segs:
                if k == "doc":
                    pieces.append(_block(cache, v, "ttl", held))
                else:
                    for run in _runs(v, lambda a, b: a[: a.index(b" ")] != b[: b.index(b" ")]):
                        pieces.append((_lines_key(salt, run), lambda run=run: _blocks(_texts(run), pre)[0].encode()))
        else:
            pieces.extend(_trig_pieces(segs, cache, pre, c, salt, held))
        todo[kind] = (target, pieces)
    if todo:
        # the two files written side by side (mostly kernel copies, syncs and Oxigraph writing the pieces
        # made again: both let the other thread run)
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=2) as pool:
            jobs = {kind: pool.submit(write_spliced, target, pieces, previous=previous[kind])
                    for kind, (target, pieces) in todo.items()}
        for kind, job in jobs.items():
            done = job.result()
            new_layouts[kind] = _pack_layout(done.layout)
            made[kind] = (done.made, done.copied)
    return {"layout": new_layouts, "made": made, "frame": frame, "from": {e.id: e.chunk for e in ordered},
            "swapped": swap is not None, "loose": kept, "edited": edited}


def _previous_layout(target: Path, outs: dict, packed) -> list | None:
    """The layout of the output file as the index describes it, if the file on disk is that one."""
    layout = _unpack_layout(packed)
    try:
        st = target.stat()
    except OSError:
        return None
    if layout is None or outs.get(target.name) != (st.st_size, st.st_mtime_ns) or sum(n for _k, n in layout) != st.st_size:
        return None
    return layout


def _swaps(ordered: list, changed: dict, outs: dict, previous: dict, frame: str) -> dict | None:
    """When the output files differ from what they were made from only in the blocks of rebuilt documents
    that say the same about the rest (the same foreign lines, first line and namespaces) — the usual edit
    of a document —, each such block's old key -> (new key, document id); else None (the files are laid
    out afresh). The other pieces (shared lines, the head, every other block) are then the same bytes in
    the same places, so the segments need not be worked out again."""
    was = outs.get("from")
    if was is None or outs.get("frame") != frame or any(p is None for p in previous.values()) or len(was) != len(ordered):
        return None
    keys = {kind: {k for k, _n in layout} for kind, layout in previous.items()}
    if any(None in k for k in keys.values()):  # a piece that is always made (an older layout's head)
        return None
    swap = {}
    for e in ordered:
        before = was.get(e.id)
        if before == e.chunk:
            continue
        old = changed.get(e.id)
        if (before is None or old is None or old.chunk != before or old.foreign != e.foreign or old.first != e.first
                or old.prefixes != e.prefixes or any("d" + before not in k for k in keys.values())):
            return None  # (a block written with shared quads of its graph has no key of its own)
        swap["d" + before] = ("d" + e.chunk, e.id)
    return swap


def _lines_key(salt: bytes, lines: list) -> str:
    """What names the output bytes of shared lines (UTF-8): a digest of the lines (and of the prefixes)."""
    h = hashlib.blake2b(salt, digest_size=16)
    h.update(b"\n".join(lines))
    return "l" + h.hexdigest()


def _texts(lines: list) -> list:
    return [ln.decode("utf-8") for ln in lines]


def _pack_layout(layout: list) -> tuple:
    """A file's layout as a text of keys and a list of lengths (it pickles faster than 20,000 tuples)."""
    return "\n".join(k or "" for k, _n in layout), [n for _k, n in layout]


def _unpack_layout(packed) -> list | None:
    if not packed:
        return None
    keys, lengths = packed
    return [(k or None, n) for k, n in zip(keys.split("\n"), lengths)]


def _block(cache: BuildCache, e: DocEntry, kind: str, held: set) -> tuple:
    """A document's block as a piece of an output file: its cached file, or — when the previous file holds
    it (``held``: the keys of its pieces), so it is copied from there — a function reading it (the file's
    path is not made for each of 10,000 blocks)."""
    key = "d" + e.chunk
    if key in held:
        return key, lambda: cache.path(e.id, kind).read_bytes()
    return key, cache.path(e.id, kind)


def _trig_pieces(segs: list, cache: BuildCache, pre: dict, c: _Context, salt: bytes, held: set = frozenset()) -> list:
    """TriG: a graph block runs while consecutive quads share a graph, so a document's cached block is used
    as it is unless a neighbouring shared quad is in the same graph (then they are written together)."""
    def graph_of(line: bytes) -> bytes:
        return line[line.rindex(b"<", 0, len(line) - 2):]

    def shared(lines: list) -> tuple:
        return _lines_key(salt, lines), lambda: _trig(_texts(lines), pre).encode("utf-8")

    def cut(before: bytes, after: bytes) -> bool:  # a graph block ends there
        return graph_of(before) != graph_of(after)

    out: list = []
    pending: list = []
    for i, (k, v) in enumerate(segs):
        if k == "lines":
            pending.extend(v)
            continue
        g = f"<{_graph_iri(c.base, v.id)}> .".encode("utf-8")
        after = segs[i + 1] if i + 1 < len(segs) else None
        joins = (pending and graph_of(pending[-1]) == g) or (
            after is not None and after[0] == "lines" and graph_of(after[1][0]) == g)
        if joins:  # rare: the run of this graph goes on across the block's edge
            pending.extend(ln for ln in cache.path(v.id, "nq").read_bytes().split(b"\n") if ln)
            continue
        if pending:
            out.extend(shared(run) for run in _runs(pending, cut))
            pending = []
        out.append(_block(cache, v, "trig", held))
    if pending:
        out.extend(shared(run) for run in _runs(pending, cut))
    return out


PIECE_LINES = 1024  # shared lines in a piece of an output file, about (a change makes only its piece again)


def _runs(lines: list, cut) -> list:
    """Sorted lines (UTF-8) in runs of about PIECE_LINES, each ending where ``cut(last, next)`` says the writer's
    output can be cut (a subject's or a graph's block ends): the runs' texts joined are the text of all.
    Where a run ends is decided by the lines there (a digest of the next line), not by a count from the
    start: a line added or removed changes only the run that holds it, not every run after it (which a
    count would shift, so a document added or removed made most of the shared pieces again). A line whose
    digest says so ends its run at the next place where the output may be cut (not only if it is one: where
    few places are, as between the subjects of graph.ttl that every document names, runs were 1,000s of
    subjects long, and one added line made such a run again)."""
    if len(lines) <= PIECE_LINES:
        return [lines]
    from zlib import crc32

    out, start, due = [], 0, False
    for i in range(1, len(lines)):
        if not due and crc32(lines[i]) % PIECE_LINES == 0:
            due = True
        if due and cut(lines[i - 1], lines[i]):
            out.append(lines[start:i])
            start, due = i, False
    out.append(lines[start:])
    return out


def _doc_lines(cache: BuildCache, e: DocEntry) -> list:
    """A document's N-Triples lines: its own (from its cached quads) and the foreign ones."""
    own = [ln[: ln.rindex("<")] + "." for ln in cache.own_quads(e.id).split("\n") if ln]
    return own + list(e.foreign)


# ---------------------------------------------------------------------------------------------- the store

def _owners(c: _Context, ordered: list) -> dict:
    """Each line that more than one part may state (ontology, registry, documents' foreign lines) -> the
    part whose named graph holds it in the store: the first that states it (ontology, registry, documents
    in order). Lines a document owns are stored in its graph and need no entry."""
    owner: dict = {}
    for ln in c.onto_lines:
        owner.setdefault(ln, "ontology")
    for ln in c.registry_lines:
        owner.setdefault(ln, "registry")
    for e in ordered:
        for ln in e.foreign:
            owner.setdefault(ln, e.id)
    return owner


_TRIPLES_PER_DOCUMENT = 1_000  # a guess, to decide before the build whether its store is wanted


def _store_reusable(cache: BuildCache, graph_file: Path) -> bool:
    """Whether the store on disk is the one the previous build left (then only what changed is redone)."""
    from kg.store.embedded import store_for

    old = cache.index.get("store")
    return (old is not None and graph_file.exists() and store_for(graph_file) is not None
            and old.get("graph") == (graph_file.stat().st_size, graph_file.stat().st_mtime_ns))


class _StoreLoader:
    """A new store bulk loaded while the documents are built: each built document's own quads are queued
    and loaded by a thread (Oxigraph releases the GIL), in batches; :meth:`finish` adds the shared parts
    (ontology, registry, the lines several documents state) and has the thread compact the store and put
    it in place while the outputs are written; :meth:`wait` returns it there. The same content as
    :func:`_update_store` loading it afresh."""

    # bytes of N-Quads per bulk load. Each bulk load adds its own sorted files, which overlap all the others
    # (keys are hashes), and RocksDB merges them: fewer, larger loads leave less to merge. Measured on copies of
    # the 1,000-document quads (/work/notes/buildspeed.md): at 4.5 M quads the load took 11.3 µs of CPU a quad
    # in 48 MB loads, 10.3 in 100 MB, 9.7 in 190 MB (about Oxigraph's own 1 M-quad batch); at 9 M quads 48 and
    # 128 MB loads cost the same (11.6 / 11.5 µs) but the final compaction 22.5 / 18.9 s. A load holds about
    # 0.5 GB (48 MB), 1.0 GB (128 MB), 1.4 GB (190 MB).
    BATCH = 128_000_000

    def __init__(self, graph_file: Path, cache: BuildCache, documents: int = 0):
        import queue
        import threading

        from kg.store.embedded import StoreWriter, store_dir

        self.cache = cache
        self.writer = StoreWriter(store_dir(graph_file))
        self.queue: queue.Queue = queue.Queue(maxsize=1)  # at most three batches held: loading, queued, filling
        self.batch: list = []
        self.size = 0
        # once what is still to come of the ``documents`` fits in one batch, batches of a quarter: the thread
        # keeps up, so that little is left to load after the workers are done (the store waits for it)
        self.expected, self.received, self.received_bytes, self.limit = documents, 0, 0, self.BATCH
        self.loaded: set = set()
        self.error: BaseException | None = None
        self.commit = False  # set by finish(): the thread then compacts the store and puts it in place
        self.folder: Path | None = None
        self.thread = threading.Thread(target=self._load, name="kg-store-loader", daemon=True)
        self.thread.start()

    def _load(self) -> None:
        while True:
            chunk = self.queue.get()
            if chunk is None:
                break
            if self.error is None:
                try:
                    self.writer.add(chunk)
                except BaseException as exc:  # re-raised by wait() in the building thread
                    self.error = exc
        if self.error is None and self.commit:
            try:
                self.folder = self.writer.commit()  # compacts (one core, ~15 % of a cold build) and renames
            except BaseException as exc:
                self.error = exc

    def _put(self, data: bytes, force: bool = False) -> None:
        if data:
            self.batch.append(data)
            self.size += len(data)
        if self.batch and (force or self.size >= self.limit):
            self.queue.put(b"".join(self.batch))
            self.batch, self.size = [], 0

    def document(self, entry: DocEntry) -> None:
        data = self.cache.path(entry.id, "nq").read_bytes()  # its UTF-8 as it is (no decoding)
        self.received += 1
        self.received_bytes += len(data)
        tail = self.limit == self.BATCH and \
            (self.expected - self.received) * self.received_bytes < self.BATCH * self.received
        if tail:
            self.limit = self.BATCH // 4
        self._put(data, force=tail)
        self.loaded.add(entry.id)

    def finish(self, c: _Context, ordered: list) -> Path:
        owners = _owners(c, ordered)
        by_owner: dict = {}
        for ln, who in owners.items():
            by_owner.setdefault(who, []).append(ln)
        for e in ordered:
            if e.id not in self.loaded:  # from the cache (the store was missing or stale)
                self._put(self.cache.path(e.id, "nq").read_bytes())
        for who, lines in by_owner.items():
            g = f"<{_graph_iri(c.base, who)}> .\n"
            self._put("".join(ln[:-1] + g for ln in lines).encode("utf-8"))
        self._put(b"", force=True)
        self.commit = True
        self.queue.put(None)
        self.cache.index["store"] = _store_entry(owners, ordered, _store_frame(c, ordered))

    def wait(self) -> Path:
        """The store in place, once the thread has loaded, compacted and renamed it (after :meth:`finish`)."""
        self.thread.join()
        if self.error is not None:
            raise self.error
        self.writer = None
        return self.folder

    def abort(self) -> None:
        """Stop and throw the new store away, unless the thread put it in place."""
        if self.writer is None:
            return
        if self.thread.is_alive():
            self.error = self.error or RuntimeError("aborted")
            self.commit = False
            self.queue.put(None)
            self.thread.join()
        if self.folder is None:
            self.writer.abort()
        self.writer = None


def _pack_owners(owners: dict) -> tuple:
    """The owners map as two texts (it pickles and loads many times faster than a dict of 100,000s of lines)."""
    return "\n".join(owners), "\n".join(owners.values())


def _unpack_owners(packed) -> dict:
    if isinstance(packed, dict):
        return packed
    lines, who = packed
    return dict(zip(lines.split("\n"), who.split("\n"))) if lines else {}


def _update_store(c: _Context, cache: BuildCache, ordered: list, changed: set, out_dir: Path, graph_file: Path,
                  previous: dict | None = None, delta: _LooseDelta | None = None) -> Path:
    """Bring the embedded store in line with the build: one named graph per part, each distinct triple stored
    once (in the graph of the first part that states it). Only the parts that changed are touched when the
    store is the one the previous build left; else it is loaded afresh. ``previous``: id -> the previous
    entry of each rebuilt document (then a document that says the same about the rest has only its own
    quads swapped, see :func:`_swap_own_quads`); ``delta``: the lines whose owner may have changed since the
    store was written, when it holds what the previous outputs were made from (see :func:`_store_delta`)."""
    from kg.store.embedded import store_dir, store_for, write_store

    folder = store_dir(graph_file)
    old = cache.index.get("store")
    prev_ok = (old is not None and graph_file.exists() and store_for(graph_file) is not None
               and old.get("graph") == (graph_file.stat().st_size, graph_file.stat().st_mtime_ns))
    ids = {e.id for e in ordered}
    if prev_ok:
        # a document whose blocks differ from what the store holds is changed for the store too (say it was
        # rebuilt by a build that then failed validation, which left the store as it was)
        held = old.get("chunks", {})
        frame = _store_frame(c, ordered)
        stale = {e.id: e for e in ordered if held.get(e.id) != e.chunk}
        if old.get("frame") == frame and _swap_own_quads(c, cache, folder, stale, held, previous or {}):
            cache.index["store"] = dict(old, graph=None, frame=frame, chunks={e.id: e.chunk for e in ordered})
            return folder
        if delta is not None and held == cache.index.get("outputs", {}).get("from"):
            owners = _store_delta(c, cache, folder, ordered, held, _unpack_owners(old["owners"]), delta)
            cache.index["store"] = _store_entry(owners, ordered, frame)
            return folder
        changed = set(changed) | set(stale)
        owners = _owners(c, ordered)
        old_owners = _unpack_owners(old["owners"])
        old_docs = set(old["docs"])
        dropped = (old_docs - ids) | (changed & old_docs)
        gone = [ln[:-1] + f"<{_graph_iri(c.base, was)}> .\n" for ln, was in old_owners.items()
                if owners.get(ln) != was and was not in dropped]  # shared lines that moved or went away
        add = [cache.own_quads(e.id) for e in ordered if e.id in changed]
        for ln, now in owners.items():
            was = old_owners.get(ln)
            if now != was or now in dropped or now in changed:
                add.append(ln[:-1] + f"<{_graph_iri(c.base, now)}> .\n")
        _change_store(c, folder, dropped, gone, add)
    else:
        owners = _owners(c, ordered)

        def chunks():
            by_owner: dict = {}
            for ln, who in owners.items():
                by_owner.setdefault(who, []).append(ln)
            for part in ("ontology", "registry"):
                g = f"<{_graph_iri(c.base, part)}> .\n"
                yield "".join(ln[:-1] + g for ln in by_owner.get(part, ())).encode("utf-8")
            batch: list = []
            size = 0
            for e in ordered:
                g = f"<{_graph_iri(c.base, e.id)}> .\n"
                own = cache.own_quads(e.id)
                batch.append(own)
                batch.extend(ln[:-1] + g for ln in by_owner.get(e.id, ()))
                size += len(own)
                if size > 64_000_000:
                    yield "".join(batch).encode("utf-8")
                    batch, size = [], 0
            if batch:
                yield "".join(batch).encode("utf-8")

        write_store(folder, chunks())
    cache.index["store"] = _store_entry(owners, ordered, _store_frame(c, ordered))
    return folder


def _store_delta(c: _Context, cache: BuildCache, folder: Path, ordered: list, held: dict, owners: dict,
                 delta: _LooseDelta) -> dict:
    """Bring the store in line when it holds what the previous outputs were made from (``held``: id -> block of
    each document it holds; ``owners``: its owners map, see :func:`_owners`): the graphs of the documents
    whose blocks differ are replaced, and of the shared lines only those of ``delta.lines`` (the lines of the
    parts that changed: no other line can have another first stater now) move, go or come. Returns the new
    owners map (``owners`` updated)."""
    ids = {e.id for e in ordered}
    after = {e.id: e for e in ordered if held.get(e.id) != e.chunk}
    dropped = (set(held) - ids) | (set(after) & set(held))
    onto, reg = set(c.onto_lines), set(c.registry_lines)
    now: dict = {}  # line -> the first part that states it now
    for ln in delta.lines:
        if ln in onto:
            now[ln] = "ontology"
        elif ln in reg:
            now[ln] = "registry"
    rest = delta.lines.difference(now)
    for e in ordered:
        if not rest:
            break
        hit = rest.intersection(e.foreign)
        if hit:
            for ln in hit:
                now[ln] = e.id
            rest -= hit

    def quad(ln: str, who: str) -> str:
        return ln[:-1] + f"<{_graph_iri(c.base, who)}> .\n"

    gone, add = [], [cache.own_quads(d) for d in sorted(after)]
    for ln in delta.lines:
        was, who = owners.get(ln), now.get(ln)
        if was is not None and was != who and was not in dropped:
            gone.append(quad(ln, was))
        if who is not None and (who != was or who in dropped):
            add.append(quad(ln, who))
        if who is None:
            owners.pop(ln, None)
        else:
            owners[ln] = who
    _change_store(c, folder, dropped, gone, add)
    return owners


def _change_store(c: _Context, folder: Path, dropped: set, gone: list[str], add: list[str]) -> None:
    """Change the on-disk store in ``folder`` in place: the graphs of the ``dropped`` parts removed, then the
    N-Quads lines ``gone`` removed and ``add`` loaded. Its stamp goes first, so that no reader takes the store
    for the graph file's while it changes (the build stamps it again when it is done)."""
    import pyoxigraph as ox

    from kg.store.embedded import STAMP

    (folder / STAMP).unlink(missing_ok=True)
    st = ox.Store(str(folder))
    try:
        for d in sorted(dropped):
            st.remove_graph(ox.NamedNode(_graph_iri(c.base, d)))
        text = "".join(gone)
        for q in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS) if text else ():
            st.remove(q)
        text = "".join(add)
        if text:
            st.load(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        st.flush()
    finally:
        del st


def _store_entry(owners: dict, ordered: list, frame: str) -> dict:
    """What the cache's index records of the store it describes: the owners map (packed), the documents and
    the block of each, the frame; ``graph`` (the graph file it is stamped for) is set once the file is written."""
    return {"owners": _pack_owners(owners), "docs": sorted(e.id for e in ordered), "graph": None,
            "chunks": {e.id: e.chunk for e in ordered}, "frame": frame}


def _store_frame(c: _Context, ordered: list) -> str:
    """What decides which part's graph holds a line that several parts state (see :func:`_owners`), but for
    the documents' foreign lines: the ontology's and registry's lines and the documents in order."""
    return _sha("\n".join(e.id for e in ordered).encode(), "\n".join(c.onto_lines).encode(),
                "\n".join(c.registry_lines).encode())


def _swap_own_quads(c: _Context, cache: BuildCache, folder: Path, stale: dict, held: dict, previous: dict) -> bool:
    """Replace in the store the own quads of each document in ``stale`` (id -> entry: those whose blocks differ
    from what the store holds), when each says the same about the rest as the version the store holds
    (its foreign lines): which graph holds each shared line is then unchanged, so only the document's own
    quads differ (its graph keeps the shared lines it holds). False (nothing done) otherwise."""
    import pyoxigraph as ox

    for doc_id, e in stale.items():
        was = previous.get(doc_id)
        if was is None or was.chunk != held.get(doc_id) or was.foreign != e.foreign:
            return False
    if not stale:
        return True
    from kg.store.embedded import STAMP

    # no reader takes the store for graph.ttl's while it changes (it is stamped again once graph.ttl is written)
    (folder / STAMP).unlink(missing_ok=True)
    st = ox.Store(str(folder))
    try:
        for doc_id, e in stale.items():
            g = ox.NamedNode(_graph_iri(c.base, doc_id))
            have = set(st.quads_for_pattern(None, None, None, g))
            new = set(ox.parse(cache.own_quads(doc_id).encode("utf-8"), format=ox.RdfFormat.N_QUADS))
            shared = {ox.Quad(t.subject, t.predicate, t.object, g) for t in
                      ox.parse(("\n".join(e.foreign) + "\n").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)}
            for q in have - new - shared:
                st.remove(q)
            st.extend(new - have)
        st.flush()
    finally:
        del st
    return True


def _update_text_index(c: _Context, cache: BuildCache, ordered: list, targets: list) -> None:
    """Bring the text index beside the store (:mod:`kg.store.textindex`) in line with the build: the texts of
    each group of documents come from their cache files, and a group's file is written again only when one of
    its documents changed (its digest is over the documents' ids and blocks)."""
    from kg.store.textindex import index_dir, shard_of, split_lines, texts, write_index

    groups: dict = {}
    for e in ordered:
        groups.setdefault(shard_of(e.id), []).append(e)

    def lines_of(entries: list) -> list:
        out: list = []
        for e in entries:
            try:
                out.extend(ln for ln in cache.path(e.id, "texts").read_text(encoding="utf-8").split("\n") if ln)
            except OSError:  # a cache written before the index existed: from the document's own quads
                out.extend(texts(split_lines(cache.own_quads(e.id).split("\n"), quads=True)))
                out.extend(texts(split_lines(e.foreign)))
        return out

    parts = {name: (_sha(*(f"{e.id} {e.chunk}".encode() for e in entries)), lambda es=entries: lines_of(es))
             for name, entries in groups.items()}
    shared = texts(split_lines([*c.onto_lines, *c.registry_lines]))
    parts["shared"] = (_sha(*(ln.encode() for ln in shared)), lambda: shared)
    write_index(index_dir(targets[1]), parts, list(targets))


def _stamp_store(cache: BuildCache, folder: Path, targets: list, triples: int) -> None:
    from kg.store.embedded import stamp_store

    stamp_store(folder, list(targets), triples=triples)
    graph_file = targets[1]
    cache.index["store"]["graph"] = (graph_file.stat().st_size, graph_file.stat().st_mtime_ns)
