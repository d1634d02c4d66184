"""Publish the graph to a SPARQL server: Graph Store HTTP Protocol upload + one SPARQL Update, plain urllib.

Replacing a graph is atomic from a reader's point of view:

1. the whole graph is PUT (N-Triples, with Content-Length) into a fresh *staging* graph
   ``urn:kg:staging:<uuid>`` — the target graph is not touched by this step at all;
2. one SPARQL Update request ``MOVE SILENT GRAPH <staging> TO GRAPH <target>`` (or ``TO DEFAULT``) swaps
   it in. One update request is one transaction on Oxigraph, Fuseki (TDB2) and GraphDB, so readers see
   the old graph or the new one, never a mix.

If step 1 fails (connection dropped, server stopped, data rejected), the staging graph is dropped (best
effort) and the target is exactly as it was. A plain GSP PUT to the target would not be enough: up to
Oxigraph 0.5.9 (oxigraph/oxigraph#1895) a PUT cleared the graph in its own transaction before loading.

>>> store_and_update_urls("http://127.0.0.1:7878")
('http://127.0.0.1:7878/store', 'http://127.0.0.1:7878/update')
>>> store_and_update_urls("http://localhost:3030/ds/data")
('http://localhost:3030/ds/data', 'http://localhost:3030/ds/update')
>>> store_and_update_urls("http://localhost:7200/repositories/kg/rdf-graphs/service")[1]
'http://localhost:7200/repositories/kg/statements'
>>> gsp_url("http://127.0.0.1:7878/store", "https://example.org/g?x=1")
'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fexample.org%2Fg%3Fx%3D1'
>>> gsp_url("http://127.0.0.1:7878/store", None)
'http://127.0.0.1:7878/store?default'
"""
from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from rdflib import Graph

from kg.ask.auth import Credentials, credentials_for
from kg.errors import EndpointError, InputError
from kg.ask.remote import check_endpoint

STAGING_PREFIX = "urn:kg:staging:"


@dataclass
class PushResult:
    graph: str | None  # target graph IRI; None = the default graph
    triples: int
    bytes: int
    seconds: float
    store_url: str
    update_url: str

    @property
    def target(self) -> str:
        return f"<{self.graph}>" if self.graph else "the default graph"


def store_and_update_urls(endpoint: str, update_endpoint: str | None = None) -> tuple[str, str]:
    """The Graph Store URL and the SPARQL Update URL for ``endpoint``.

    Oxigraph: the server root or ``…/store`` (update at ``…/update``); Fuseki: ``…/ds/data``
    (update at ``…/ds/update``); GraphDB: ``…/repositories/ID/rdf-graphs/service`` (update at
    ``…/repositories/ID/statements``). Anything else needs ``update_endpoint``.
    """
    check_endpoint(endpoint)
    if update_endpoint:
        check_endpoint(update_endpoint)
    parts = urlsplit(endpoint)
    path = parts.path.rstrip("/")
    if path in ("", "/store"):
        store = urlunsplit((parts.scheme, parts.netloc, "/store", "", ""))
        update = urlunsplit((parts.scheme, parts.netloc, "/update", "", ""))
    elif path.endswith("/rdf-graphs/service"):  # GraphDB / RDF4J
        store = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
        update = urlunsplit((parts.scheme, parts.netloc, path[: -len("/rdf-graphs/service")] + "/statements", "", ""))
    elif path.endswith("/data"):
        store = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
        update = urlunsplit((parts.scheme, parts.netloc, path[: -len("/data")] + "/update", "", ""))
    else:
        store = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
        update = None
    if update_endpoint:
        update = update_endpoint
    if update is None:
        raise EndpointError("cannot tell the SPARQL Update URL for this endpoint; give --update-endpoint")
    return store, update


def gsp_url(store: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of a named graph (``?graph=IRI``) or of the default graph (``?default``)."""
    return f"{store}?graph={quote(graph, safe='')}" if graph else f"{store}?default"


def check_graph_iri(graph: str) -> str:
    """An absolute IRI that can be written between < > in SPARQL."""
    parts = urlsplit(graph)
    if not parts.scheme or any(c in graph for c in '<>"{}|^`\\ \n\t'):
        raise InputError(f"--graph must be an absolute IRI, got {graph!r}")
    if graph.startswith(STAGING_PREFIX):
        raise InputError(f"graph IRIs starting with {STAGING_PREFIX} are reserved for kg push")
    return graph


def _request(method: str, url: str, body: bytes, content_type: str, auth: Credentials | None,
             timeout: float) -> int:
    req = urllib.request.Request(url, data=body, method=method,
                                 headers={"Content-Type": content_type, "Content-Length": str(len(body))})
    if auth is not None:
        req.add_header("Authorization", auth.header())
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        resp.read()
        return resp.status


def _describe(exc: BaseException, where: str, timeout: float) -> str:
    """One line for a failed request; the credentials are never part of it."""
    if isinstance(exc, urllib.error.HTTPError):
        try:
            detail = " ".join(exc.read().decode("utf-8", "replace").split())[:200]
        except OSError:
            detail = ""
        if exc.code == 401:
            return "the server refused the credentials (HTTP 401)"
        return f"the server answered HTTP {exc.code}" + (f": {detail}" if detail else "")
    if isinstance(exc, urllib.error.URLError):
        exc = exc.reason if isinstance(exc.reason, BaseException) else exc
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return f"no answer from {where} within {timeout:g} s"
    if isinstance(exc, (ConnectionError, http.client.HTTPException)):
        name = {ConnectionRefusedError: "connection refused", ConnectionResetError: "connection reset",
                BrokenPipeError: "connection closed while sending",
                http.client.RemoteDisconnected: "connection closed before an answer"}.get(type(exc))
        return f"{name or type(exc).__name__} ({where})"
    if isinstance(exc, OSError):
        return f"{exc.strerror or type(exc).__name__} ({where})"
    return type(exc).__name__


def push(graph: Graph | Path, *, endpoint: str, graph_iri: str | None = None, update_endpoint: str | None = None,
         timeout: float = 120, auth: Credentials | None = None, include_personal: bool = False) -> PushResult:
    """Replace graph ``graph_iri`` (default: the default graph) on the server with ``graph``, atomically.

    Personal contact data (``kg.graph.personal``) is not sent unless ``include_personal``.

    ``graph`` is an rdflib Graph or a graph file. On failure, EndpointError says whether the previous
    graph is unchanged (always, unless the connection broke while the final MOVE was in flight).
    """
    try:
        return _push(graph, endpoint=endpoint, graph_iri=graph_iri, update_endpoint=update_endpoint,
                     timeout=timeout, auth=auth, include_personal=include_personal)
    except EndpointError as exc:
        _scrub(exc, endpoint, auth)
        raise


def _scrub(exc: EndpointError, endpoint: str, auth: Credentials | None) -> None:
    """Take the credentials used for ``endpoint`` out of ``exc``'s message (a server may echo them back)."""
    creds = auth if auth is not None else credentials_for(endpoint)
    if creds is not None:
        exc.message = creds.scrub(exc.message)
        exc.args = (str(exc),)


def _push(graph, *, endpoint, graph_iri, update_endpoint, timeout, auth, include_personal=False) -> PushResult:
    from kg.graph.personal import without_personal
    from kg.store.read import read_graph

    store, update = store_and_update_urls(endpoint, update_endpoint)
    if graph_iri is not None:
        check_graph_iri(graph_iri)
    g = read_graph(graph)
    if not include_personal:
        g = without_personal(g)
    auth = auth if auth is not None else credentials_for(store)
    body = g.serialize(format="nt", encoding="utf-8")
    where = urlsplit(store).netloc
    target = f"<{graph_iri}>" if graph_iri else "the default graph"
    staging = f"{STAGING_PREFIX}{uuid.uuid4()}"
    start = time.monotonic()

    try:
        _request("PUT", gsp_url(store, staging), body, "application/n-triples", auth, timeout)
    except (OSError, http.client.HTTPException) as exc:
        reason = _describe(exc, where, timeout)
        refused = isinstance(getattr(exc, "reason", exc), ConnectionRefusedError)  # nothing reached the server
        left = "" if refused else _drop(update, staging, auth, min(timeout, 10))
        raise EndpointError(f"push failed while uploading: {reason}; {target} was not changed{left}") from None

    move = f"MOVE SILENT GRAPH <{staging}> TO " + (f"GRAPH <{graph_iri}>" if graph_iri else "DEFAULT")
    try:
        _request("POST", update, move.encode("utf-8"), "application/sparql-update", auth, timeout)
    except urllib.error.HTTPError as exc:
        reason = _describe(exc, where, timeout)
        left = _drop(update, staging, auth, min(timeout, 10))
        raise EndpointError(f"push failed: the server refused to swap in the new graph: {reason}; "
                            f"{target} was not changed{left}") from None
    except (OSError, http.client.HTTPException) as exc:
        reason = _describe(exc, where, timeout)
        raise EndpointError(f"push interrupted while swapping in the new graph: {reason}; the swap is one "
                            f"transaction, so {target} is either the old or the new graph, never a mix — "
                            f"run kg push again") from None
    return PushResult(graph=graph_iri, triples=len(g), bytes=len(body), seconds=time.monotonic() - start,
                      store_url=store, update_url=update)


def _drop(update: str, staging: str, auth: Credentials | None, timeout: float) -> str:
    """Drop the staging graph; return "" or a note that it may be left over."""
    try:
        _request("POST", update, f"DROP SILENT GRAPH <{staging}>".encode("utf-8"), "application/sparql-update",
                 auth, timeout)
        return ""
    except (OSError, http.client.HTTPException):
        return f" (a partial staging graph <{staging}> may be left on the server; it is not the target)"


# ---------------------------------------------------------------------------------------------- datasets

@dataclass
class DatasetPushResult:
    """What ``push_dataset`` did: named graphs sent (``replaced``; ``loaded`` of them new ones through the
    server's bulk loader), dropped and left as they were on the server."""

    replaced: int
    dropped: int
    unchanged: int
    triples: int
    bytes: int
    seconds: float
    store_url: str
    update_url: str
    loaded: int = 0


def dataset_parts(path: Path):
    """The named graphs of a built dataset file (``graph.trig`` / ``graph.nq``), one ``kg.store.cache.Part``
    each: from the build cache beside it when it describes this very file (fast), else by reading the file."""
    from kg.store.cache import build_parts

    path = Path(path)
    if not path.exists():
        raise InputError("dataset file not found", file=str(path), hint="run `kg build` first")
    parts = build_parts(path)
    if parts is not None:
        return parts
    return _parts_from_file(path)


def _parts_from_file(path: Path, *, bucket_bytes: int = 32_000_000) -> list:
    """The named graphs of a TriG / N-Quads file in bounded memory: the quads are spread over temporary
    buckets by graph (about ``bucket_bytes`` each), then each bucket is grouped by graph and its graphs'
    N-Triples written to a temporary file the parts read from (removed once the parts are gone)."""
    import hashlib
    import tempfile

    import pyoxigraph as ox

    from kg.store.cache import Part

    fmt = ox.RdfFormat.TRIG if path.suffix == ".trig" else ox.RdfFormat.N_QUADS
    tmp = tempfile.TemporaryDirectory(prefix="kg-push-")
    folder = Path(tmp.name)
    n = max(1, min(512, path.stat().st_size // bucket_bytes + 1))
    pending: list[list] = [[] for _ in range(n)]
    files = [open(folder / f"{i}.nq", "wb") for i in range(n)]
    try:
        for q in ox.parse(path=str(path), format=fmt):
            if isinstance(q.graph_name, ox.DefaultGraph):
                raise InputError("the dataset has triples outside named graphs", file=str(path),
                                 hint="push a graph file with --graph-iri, or a dataset of named graphs")
            i = hash(q.graph_name.value) % n
            b = pending[i]
            b.append(q)
            if len(b) >= 50_000:
                ox.serialize(b, files[i], format=ox.RdfFormat.N_QUADS)
                b.clear()
        for i, b in enumerate(pending):
            if b:
                ox.serialize(b, files[i], format=ox.RdfFormat.N_QUADS)
    except SyntaxError as exc:
        raise InputError(f"cannot parse dataset: {exc.msg}", file=str(path), line=exc.lineno) from None
    finally:
        for f in files:
            f.close()
    bodies = folder / "bodies.nt"
    out = []

    def reader(offset: int, size: int):
        def body(keep=tmp) -> bytes:  # ``keep``: the folder lives as long as a part does
            with open(bodies, "rb") as fh:
                fh.seek(offset)
                return fh.read(size)
        return body

    with open(bodies, "wb") as fh:
        for i in range(n):
            groups: dict = {}
            for q in ox.parse(path=str(folder / f"{i}.nq"), format=ox.RdfFormat.N_QUADS):
                groups.setdefault(q.graph_name.value, []).append(ox.Triple(q.subject, q.predicate, q.object))
            (folder / f"{i}.nq").unlink()
            for name, triples in groups.items():
                body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
                out.append(Part(name, hashlib.sha256(body).hexdigest(), reader(fh.tell(), len(body)), len(triples)))
                fh.write(body)
    return sorted(out, key=lambda p: p.graph)


def push_dataset(parts, *, endpoint: str, update_endpoint: str | None = None, state: Path | None = None,
                 timeout: float = 120, auth: Credentials | None = None, batch_bytes: int = 16_000_000,
                 force: bool = False, progress=None, include_personal: bool = False, bulk: bool = True,
                 bulk_triples: int = 500_000, in_flight: int = 2) -> DatasetPushResult:
    """Publish a dataset one named graph per document, each graph swapped in whole.

    *Replacing* a graph the server holds: the changed graphs go in batches of about ``batch_bytes``, each
    batch one SPARQL Update request — ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }`` for each
    of its graphs — which is one transaction, so readers see each graph old or new, never a mix, and a
    refused batch changes nothing.

    *First publication* of graphs an Oxigraph server does not hold yet (``bulk``, the default): they go to
    the server's bulk loader (``POST /store?no_transaction``, N-Quads, batches of at most ``bulk_triples``
    triples, ``in_flight`` requests at a time), several times faster than transactional writes. A batch that
    fails is dropped again (the graphs were not there before, so the server is as it was); a batch that
    succeeds is checked (every graph of it is on the server). On Oxigraph 0.5 one bulk request under a million
    quads is one atomic ingestion, so readers see a new graph whole or not at all. Other servers get the
    SPARQL Update path for everything.

    ``state`` (a JSON file) remembers what was pushed to this server: after a change only the graphs whose
    content changed are sent, and graphs that are gone from the dataset are dropped. ``force`` sends all.
    On failure the batches already in stay (and are remembered); the rest is unchanged on the server.
    Personal contact data (``kg.graph.personal``) is not sent unless ``include_personal``.
    """
    parts = list(parts)
    if not include_personal:
        parts = _public(parts)
    try:
        return _push_dataset(parts, endpoint=endpoint, update_endpoint=update_endpoint, state=state,
                             timeout=timeout, auth=auth, batch_bytes=batch_bytes, force=force, progress=progress,
                             bulk=bulk, bulk_triples=bulk_triples, in_flight=in_flight)
    except EndpointError as exc:
        _scrub(exc, endpoint, auth)
        raise


def _public(parts: list) -> list:
    """The parts without personal contact data: lines whose predicate is a personal property are left out
    (the properties come from the shipped ontology and the dataset's own ontology graph)."""
    from dataclasses import replace

    from rdflib import Graph

    from kg.graph.personal import personal_properties
    from kg.serialize.quadlines import without_predicates

    onto = next((p for p in parts if p.graph.endswith("/graph/ontology")), None)
    g = Graph(bind_namespaces="none")
    if onto is not None:
        g.parse(data=onto.body().decode("utf-8"), format="nt")
    marks = {f"<{p}>" for p in personal_properties(g)}

    def public(body_fn):
        def body() -> bytes:
            return without_predicates(body_fn(), marks)
        return body

    return [replace(p, digest=p.digest + ":public", body=public(p.body), quads=p.quads and public(p.quads))
            for p in parts]


def _load_state(state: Path | None, store: str) -> dict:
    import json

    if state is None or not state.exists():
        return {}
    try:
        data = json.loads(state.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("graphs", {}) if data.get("store") == store else {}


def _save_state(state: Path | None, store: str, graphs: dict) -> None:
    import json

    from kg.output import write_atomic

    if state is not None:
        write_atomic(state, json.dumps({"store": store, "graphs": graphs}, indent=0, sort_keys=True).encode("utf-8"))


def insert_data(graph: str, body: bytes, key: int = 0) -> str:
    """``DROP SILENT GRAPH <graph> ; INSERT DATA { GRAPH <graph> { … } }`` for a graph's N-Triples: its
    replacement as update operations. Blank node labels get the prefix ``b<key>_`` (SPARQL forbids one label in
    two blocks of a request; each graph's blank nodes are its own, as with one upload per graph).

    >>> print(insert_data("http://e/g", b'_:x <http://e/p> "a" .\\n<http://e/s> <http://e/p> _:x .\\n', key=3))
    DROP SILENT GRAPH <http://e/g> ;
    INSERT DATA { GRAPH <http://e/g> {
    _:b3_x <http://e/p> "a" .
    <http://e/s> <http://e/p> _:b3_x .
    } }
    """
    from kg.serialize.quadlines import relabel

    text = relabel(body.decode("utf-8"), f"b{key}_")
    if text and not text.endswith("\n"):
        text += "\n"
    return f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{text}}} }}"


def _header_server(store: str, auth: Credentials | None, timeout: float) -> str:
    """The ``Server`` header of the graph store ("" when it cannot be read)."""
    req = urllib.request.Request(store, method="HEAD")
    if auth is not None:
        req.add_header("Authorization", auth.header())
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.headers.get("Server", "")
    except (OSError, http.client.HTTPException):
        return ""


def _select_graphs(query: str, sparql: str, auth: Credentials | None, timeout: float) -> set[str]:
    """The IRIs bound to ?g by a SELECT (TSV results)."""
    req = urllib.request.Request(query, data=sparql.encode("utf-8"), method="POST",
                                 headers={"Content-Type": "application/sparql-query",
                                          "Accept": "text/tab-separated-values"})
    if auth is not None:
        req.add_header("Authorization", auth.header())
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        lines = resp.read().decode("utf-8").splitlines()[1:]
    return {ln.strip()[1:-1] for ln in lines if ln.startswith("<")}


def _push_dataset(parts, *, endpoint, update_endpoint, state, timeout, auth, batch_bytes, force, progress,
                  bulk=True, bulk_triples=500_000, in_flight=2):
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    store, update = store_and_update_urls(endpoint, update_endpoint)
    for p in parts:
        check_graph_iri(p.graph)
    auth = auth if auth is not None else credentials_for(update)
    where = urlsplit(update).netloc
    pushed = {} if force else _load_state(state, store)
    names = {p.graph for p in parts}
    todo = [p for p in parts if pushed.get(p.graph) != p.digest]
    gone = sorted(g for g in pushed if g not in names)
    start = time.monotonic()
    done = {"replaced": 0, "bytes": 0, "triples": 0, "loaded": 0}

    def remember(batch: list, drops: list = ()) -> None:
        for p in batch:
            pushed[p.graph] = p.digest
        for g in drops:
            pushed.pop(g, None)
        _save_state(state, store, pushed)
        done["replaced"] += len(batch)
        if progress is not None:
            progress(len(batch))

    # 1. graphs an Oxigraph server does not hold yet: its bulk loader
    fresh: list = []
    query = store[: -len("/store")] + "/query" if store.endswith("/store") else None
    if bulk and todo and query and _header_server(store, auth, min(timeout, 10)).startswith("Oxigraph/"):
        try:
            held = _select_graphs(query, "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", auth, timeout)
        except (OSError, http.client.HTTPException) as exc:
            raise EndpointError(f"push failed: cannot list the graphs on the server: {_describe(exc, where, timeout)}; "
                                f"nothing was changed") from None
        fresh = [p for p in todo if p.graph not in held]
        todo = [p for p in todo if p.graph in held]

    def drop_again(batch: list) -> str:
        ops = " ;\n".join(f"DROP SILENT GRAPH <{p.graph}>" for p in batch)
        try:
            _request("POST", update, ops.encode("utf-8"), "application/sparql-update", auth, timeout)
            return "they were dropped again, so the server holds none of them"
        except (OSError, http.client.HTTPException) as exc:
            return (f"dropping them again failed too ({_describe(exc, where, timeout)}), so some may be on the "
                    f"server: run kg push again, which replaces them atomically")

    def load(batch: list, body: bytes) -> list:
        try:
            _request("POST", store + "?no_transaction", body, "application/n-quads", auth,
                     max(timeout, len(body) / 1e6))
        except (OSError, http.client.HTTPException) as exc:
            reason = _describe(exc, where, timeout)
            if isinstance(exc, urllib.error.HTTPError) and exc.code in (401, 403, 405):  # refused before any write
                raise EndpointError(f"push failed: the server refused to load {len(batch)} new graphs: {reason}; "
                                    f"nothing of them was written") from None
            raise EndpointError(f"push failed while loading {len(batch)} new graphs: {reason}; "
                                f"{drop_again(batch)}") from None
        values = " ".join(f"<{p.graph}>" for p in batch)
        try:
            there = _select_graphs(query, f"SELECT ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ }} }}", auth,
                                   timeout)
        except (OSError, http.client.HTTPException) as exc:
            there, missing_reason = set(), _describe(exc, where, timeout)
        else:
            missing_reason = ""
        missing = [p.graph for p in batch if p.graph not in there and p.triples]
        if missing:
            why = missing_reason or f"{len(missing)} of them are not on the server afterwards (e.g. <{missing[0]}>)"
            raise EndpointError(f"push failed while loading {len(batch)} new graphs: {why}; {drop_again(batch)}")
        return batch

    if fresh:
        with ThreadPoolExecutor(max(1, in_flight)) as pool:
            waiting: deque = deque()
            failure = None

            def settle(block: bool) -> None:
                nonlocal failure
                while waiting and (block or waiting[0].done() or len(waiting) >= max(1, in_flight)):
                    try:
                        loaded = waiting.popleft().result()
                        remember(loaded)
                        done["loaded"] += len(loaded)
                    except EndpointError as exc:
                        failure = failure or exc

            batch, size, count = [], 0, 0
            for i, p in enumerate(fresh):
                body = p.nquads()
                batch.append((p, body))
                size += len(body)
                count += p.triples
                done["bytes"] += len(body)
                done["triples"] += p.triples
                if count >= bulk_triples or size >= 8 * batch_bytes or i == len(fresh) - 1:
                    settle(False)
                    if failure is not None:
                        break
                    waiting.append(pool.submit(load, [q for q, _b in batch], b"".join(b for _q, b in batch)))
                    batch, size, count = [], 0, 0
            settle(True)
            if failure is not None:
                failure.message = failure.message + f" ({done['replaced']} graphs pushed before)"
                failure.args = (str(failure),)
                raise failure

    # 2. graphs the server holds (or any graph, on other servers): SPARQL Update, one transaction per batch
    batch: list = []  # (part, update operations)
    size = 0

    def swap(batch: list, drops: list) -> None:
        ops = [text for _p, text in batch] + [f"DROP SILENT GRAPH <{g}>" for g in drops]
        body = " ;\n".join(ops).encode("utf-8")
        try:
            _request("POST", update, body, "application/sparql-update", auth, max(timeout, len(body) / 1e6))
        except urllib.error.HTTPError as exc:
            reason = _describe(exc, where, timeout)
            raise EndpointError(f"push failed: the server refused to replace {len(batch)} graphs: {reason}; those "
                                f"graphs were not changed ({done['replaced']} replaced before)") from None
        except (OSError, http.client.HTTPException) as exc:
            reason = _describe(exc, where, timeout)
            raise EndpointError(f"push interrupted while replacing {len(batch)} graphs: {reason}; the request is one "
                                f"transaction, so each is either old or new — run kg push again") from None
        remember([p for p, _text in batch], drops)

    for i, p in enumerate(todo):
        body = p.body()
        batch.append((p, insert_data(p.graph, body, key=i)))
        size += len(body)
        done["bytes"] += len(body)
        done["triples"] += p.triples
        if size >= batch_bytes:
            swap(batch, [])
            batch, size = [], 0
    if batch or gone:
        swap(batch, gone)
    return DatasetPushResult(replaced=done["replaced"], dropped=len(gone), unchanged=len(parts) - len(todo) - len(fresh),
                             triples=done["triples"], bytes=done["bytes"], seconds=time.monotonic() - start,
                             store_url=store, update_url=update, loaded=done["loaded"])
