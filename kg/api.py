"""The public Python API of kg: build, load, validate and write the knowledge graph.

>>> from kg.paths import DEMO_CORPUS  # a made-up one-document corpus shipped with kg
>>> result = build(write=False, corpus=DEMO_CORPUS)
>>> result.conforms, result.documents
(True, ['demo-2025-7'])
>>> g = result.graph
>>> len(g) == result.triples
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.errors import CheckFailed, InputError
from kg.namespaces import DEFAULT_BASE
from kg.paths import DEFAULT_GRAPH, DEFAULT_OUT_DIR
from kg.check.shacl import ValidationReport
from kg.store.read import open_graph, read_graph


@dataclass
class BuildResult:
    """What ``build`` made: the graph (union of the named graphs), its size, the validation report, the
    documents built and the files written."""

    graph: Graph | None  # None for a corpus built document by document (read it back with load())
    facts: int
    triples: int
    report: ValidationReport
    output: Path | None
    documents: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    graphs: dict[str, Graph] = field(default_factory=dict)
    rebuilt: int | None = None  # documents built again (a corpus built document by document; the rest was cached)
    store: Path | None = None  # the embedded store kept beside the outputs, for a large corpus
    answers: object | None = None  # kg.ask.prepare.Prepared: the catalog answers prepared (``answers=True``)

    @property
    def conforms(self) -> bool:
        return self.report.conforms


OUTPUT_SUFFIXES = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads"}
# From this many documents, ``build`` goes document by document (kg.pipeline): on every core, with a cache, so
# that a rebuild redoes only what changed. The outputs are the same bytes either way (tested).
PIPELINE_MIN_DOCUMENTS = 20


def build(*, corpus: Path | str | None = None, doc: str | list[str] | None = None, facts: list[Path] | None = None,
          output: Path | None = None, out_dir: Path | None = DEFAULT_OUT_DIR, base: str = DEFAULT_BASE,
          validate: bool = True, write: bool = True, ontology_dir: Path | None = None,
          curated_only: bool = False, answers: bool = False) -> BuildResult:
    """Build the graph of the corpus (default ``data/`` or ``KG_CORPUS``; ``doc`` for one document, or loose
    ``facts`` files), validate it, and write it atomically.

    By default ``out_dir`` gets ``graph.trig`` (one named graph per document, plus registry and ontology)
    and ``graph.ttl`` (their union); ``output`` writes one file instead, in the format of its suffix
    (``.ttl`` union, ``.trig`` or ``.nq`` dataset). ``ontology_dir`` replaces the shipped ontology/ folder
    (kg.ttl, vocab.ttl, shapes.ttl). ``curated_only`` leaves out the facts an extractor drafted
    (``origin: extracted``), so every question can be asked of curated facts alone. ``output`` ``-`` is the
    Turtle on standard output. Nothing is written when
    validation fails (``CheckFailed`` is raised with the report text as its ``details``).

    ``answers`` prepares the catalog's answers when the build keeps a store (a large corpus): every question
    with defaults for its parameters is asked on every core and its answer kept beside the store
    (``kg.ask.prepare``), so that the first ``query`` of each reads it; ``result.answers`` says what was done.
    """
    from kg.graph.builder import build_graph, select_documents
    from kg.output import write_atomic
    from kg.serialize.turtle import dataset_texts
    from kg.check.shacl import validate_graph

    if write and validate and output is None and out_dir is not None and not facts:
        from kg.paths import corpus_dir

        if len(select_documents(corpus_dir=corpus_dir(corpus), doc=doc)) >= PIPELINE_MIN_DOCUMENTS:
            from kg.pipeline import build_corpus

            r = build_corpus(corpus=corpus, out_dir=Path(out_dir), doc=[doc] if isinstance(doc, str) else doc, base=base,
                             ontology_dir=ontology_dir)
            prepared = prepare(r.outputs[0]) if answers and r.outputs else None
            return BuildResult(graph=None, facts=r.facts, triples=r.triples, report=r.report, output=r.outputs[0],
                               documents=list(r.ids), outputs=r.outputs, rebuilt=r.rebuilt, store=r.store,
                               answers=prepared)

    from kg.facts.ontology import load_ontology

    onto_files = [Path(ontology_dir) / "kg.ttl", Path(ontology_dir) / "vocab.ttl"] if ontology_dir else None
    shapes_file = Path(ontology_dir) / "shapes.ttl" if ontology_dir else None
    if output is not None and str(output) != "-" and Path(output).suffix not in OUTPUT_SUFFIXES:
        raise InputError(f"cannot tell the format of {output}", hint="use a file name ending in " + ", ".join(OUTPUT_SUFFIXES))
    built = build_graph(list(facts) if facts else None, base=base, corpus_dir=corpus, doc=doc,
                        ontology=load_ontology(onto_files) if onto_files else None, curated_only=curated_only)
    report = validate_graph(built.graph, shapes_file=shapes_file) if validate else ValidationReport(conforms=True)
    if not report.conforms:
        raise CheckFailed(f"the graph does not conform to the shapes: {len(report.results)} violation(s), listed above",
                          details=report.text())
    written: list[Path] = []
    if write and (output is not None or out_dir is not None):
        if output is not None:
            targets = {"turtle" if str(output) == "-" else OUTPUT_SUFFIXES[Path(output).suffix]: Path(output)}
        else:
            targets = {"trig": Path(out_dir) / "graph.trig", "turtle": Path(out_dir) / "graph.ttl"}
        texts = dataset_texts(built.graphs, built.graph, trig="trig" in targets, turtle="turtle" in targets,
                              nquads="nquads" in targets)
        for fmt, path in targets.items():
            written.append(write_atomic(path, texts[fmt].encode("utf-8")))
    return BuildResult(graph=built.graph, facts=len(built.facts), triples=len(built.graph), report=report,
                       output=written[0] if written else None, documents=built.documents, outputs=written,
                       graphs=built.graphs)


def load(path: Path | str = DEFAULT_GRAPH) -> Graph:
    """Load a built graph file (Turtle, TriG, N-Quads, or any format rdflib guesses from the file name).

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> from kg.paths import DEMO_CORPUS
    >>> r = build(corpus=DEMO_CORPUS, out_dir=out)
    >>> [p.name for p in r.outputs], len(load(out / "graph.trig")) == r.triples
    (['graph.trig', 'graph.ttl'], True)
    """
    return read_graph(Path(path))


def validate(graph: Graph | Path | None = None) -> ValidationReport:
    """Validate a graph (or a graph file; default the built graph) against the shipped shapes.

    >>> from kg.paths import DEMO_CORPUS
    >>> validate(build(write=False, corpus=DEMO_CORPUS).graph).conforms
    True
    """
    from kg.check.shacl import validate_graph

    g = read_graph(graph)
    return validate_graph(g)


# ---------------------------------------------------------------- query, export, verify


@dataclass
class ExportResult:
    """What ``export`` wrote: the text, its format, the number of triples and the file (None for text only)."""

    text: str
    format: str
    triples: int
    output: Path | None


def catalog() -> dict:
    """The question catalog (queries/*.rq) by name: each a ``kg.ask.catalog.CatalogQuery`` with its header.

    >>> q = catalog()["honors-by-person"]
    >>> q.title_en.startswith("Which persons"), q.columns
    (True, ['recipient', 'honor', 'level', 'quote', 'document'])
    """
    from kg.ask.catalog import load_catalog

    return load_catalog()


def query(query: str, *, graph: Graph | Path | str | None = None, endpoint: str | None = None,
          params: dict[str, str] | None = None, timeout: float | None = None, cache: bool = True):
    """Answer a catalog question (by name), a ``.rq`` file or a SPARQL string; return a ``QueryResult``.

    Parameters are bound as escaped literals by ``kg.ask.sparql.bind_params``; catalog questions fill in the
    defaults of their header. ``graph`` is a Graph, a store or a graph file (default the built graph); a large
    graph is answered by Oxigraph, a small one in memory (``kg.store.read.open_graph`` chooses). ``timeout``
    (seconds) stops a query that runs too long (default 120 s in memory, 30 s on an endpoint).

    On a build's on-disk store the answer is kept beside the store (``kg.ask.answers``): asking the same
    bound query again over the same build reads it back instead of running it; any rebuild that changes the
    store drops the kept answers. ``cache=False`` asks the store and keeps nothing.

    >>> from kg.paths import DEMO_CORPUS
    >>> g = build(write=False, corpus=DEMO_CORPUS).graph
    >>> r = query("person-profile", graph=g, params={"name": "张三"})
    >>> sorted(row["value"] for row in r.as_dicts() if row["aspect"] == "荣誉")
    ['全国技术能手']
    >>> query("person-mentioned", graph=g, params={"name": '张三" } ; DELETE WHERE { ?s ?p ?o } #'}).boolean
    False
    """
    from kg.ask.catalog import resolve
    from kg.ask.sparql import run_query

    entry = resolve(query)
    bindings = entry.bindings(params) if entry.title_en else dict(params or {})
    g = None if endpoint else open_graph(graph)
    if g is not None and not isinstance(g, Graph):
        from kg.ask.answers import answer
        from kg.ask.sparql import bind_params

        bound = bind_params(entry.text, bindings, languages=entry.languages)

        def compute():
            run = bound
            if entry.text_index:  # a word search: from the build's text index when it has one
                from kg.ask.textsearch import narrowed

                text = narrowed(entry, bindings, g)
                run = bound if text is entry.text else bind_params(text, bindings, languages=entry.languages)
            return entry.sort_concatenations(run_query(run, graph=g, timeout=timeout))

        return answer(bound, store=g, use=cache, compute=compute)
    return entry.sort_concatenations(run_query(entry.text, graph=g, endpoint=endpoint, params=bindings,
                                               timeout=timeout, languages=entry.languages))


def prepare(graph: Path | str | None = None, *, names: list[str] | None = None, jobs: int | None = None,
            progress: bool | None = None):
    """Prepare the answers of the catalog on the on-disk store of ``graph`` (a graph file; default the built
    graph): every SELECT/ASK question with a default for each parameter (``names`` for some) is asked in
    ``jobs`` processes (default: every core) and kept beside the store, so that ``query`` reads it; an answer
    already kept is not asked again. Returns a ``kg.ask.prepare.Prepared``, or None when the graph has no
    up-to-date store (a small graph is answered in memory: nothing to prepare).

    >>> import tempfile
    >>> from kg.paths import DEMO_CORPUS
    >>> out = Path(tempfile.mkdtemp())
    >>> prepare(build(corpus=DEMO_CORPUS, out_dir=out).outputs[0]) is None  # one small document: no store
    True
    """
    from kg.ask.prepare import prepare_answers

    return prepare_answers(Path(graph or DEFAULT_GRAPH), ask=query, names=names, jobs=jobs, progress=progress)


def export(*, format: str = "turtle", output: Path | str | None = None, graph: Graph | Path | str | None = None,
           graph_iri: str | None = None, include_personal: bool = False, note=None) -> ExportResult:
    """Serialize the graph (default the built dataset) as turtle, nt, jsonld, xml, trig or nquads.

    Personal contact data (``kg.graph.personal``) is left out unless ``include_personal``.

    TriG and N-Quads of a dataset file (TriG, N-Quads) keep its named graphs (one per document); a plain graph
    goes into the named graph ``graph_iri``, or the default graph. With ``output`` the text is written
    atomically to that file. A large graph is written by Oxigraph from its store (N-Quads and TriG keep one
    named graph per document); then, with ``output``, ``text`` is empty, and ``note`` (a function of one line
    of text) is told first when the format asked for takes minutes at that size.

    >>> from kg.paths import DEMO_CORPUS
    >>> r = export(format="nt", graph=build(write=False, corpus=DEMO_CORPUS).graph)
    >>> r.triples == len(r.text.splitlines())
    True
    """
    from kg.serialize.rdf import check_options, serialize
    from kg.output import write_atomic
    from kg.store.read import DATASET_SUFFIXES, read_dataset

    from kg.graph.personal import personal_properties, without_personal

    check_options(format, graph_name=graph_iri)  # before reading a graph that may be large
    g = open_graph(graph)
    if not isinstance(g, Graph):
        from kg.serialize.rdf import serialize_store

        exclude = frozenset() if include_personal else frozenset(str(p) for p in personal_properties())
        parts = None
        if format in ("trig", "nquads") and g.source is not None:
            from kg.store.cache import build_parts

            parts = build_parts(g.source)  # each document's graph as the build wrote it
        text = serialize_store(g, format, output=Path(output) if output is not None else None, exclude=exclude,
                               parts=parts, note=note)
        return ExportResult(text=text, format=format, triples=len(g), output=Path(output) if output else None)
    if not include_personal:
        g = without_personal(g)
    graphs = None
    if format in ("trig", "nquads") and not graph_iri and not isinstance(graph, Graph) \
            and Path(graph or DEFAULT_GRAPH).suffix in DATASET_SUFFIXES:
        graphs = read_dataset(graph)  # keep the named graphs apart
        if not include_personal:
            graphs = {name: without_personal(part) for name, part in graphs.items()}
    text = serialize(g, format, graph_name=graph_iri, graphs=graphs)
    written = write_atomic(Path(output), text.encode("utf-8")) if output is not None else None
    return ExportResult(text=text, format=format, triples=len(g), output=written)


def verify(graph: Graph | Path | str | None = None, *, corpus: Path | str | None = None):
    """Run the checks of queries/verify/ and the quote-offset check; return a ``kg.check.checks.VerifyReport``.

    The quote check reads the source texts from ``corpus`` (default ``data/``, see ``kg.paths.corpus_dir``).

    >>> from kg.paths import DEMO_CORPUS
    >>> report = verify(build(write=False, corpus=DEMO_CORPUS).graph, corpus=DEMO_CORPUS)
    >>> report.ok, [c.name for c in report.failed]
    (True, [])
    """
    from kg.check.checks import verify_graph

    return verify_graph(read_graph(graph), corpus=corpus)
