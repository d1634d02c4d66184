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
        creds = auth if auth is not None else credentials_for(endpoint)
        if creds is not None:
            exc.message = creds.scrub(exc.message)
            exc.args = (str(exc),)
        raise


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
