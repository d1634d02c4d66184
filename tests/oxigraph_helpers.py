"""Helpers for the server tests: a real Oxigraph server on a free loopback port, a proxy that breaks
uploads half-way, and local-vs-remote comparison of query results. Everything stays on 127.0.0.1."""
from __future__ import annotations

import socket
import threading
from collections import Counter
from typing import Callable

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import to_isomorphic

from kg.ask.results import QueryResult
from kg.publish.server import OxigraphServer, free_port


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    """A read-write Oxigraph server with a persistent temporary location; stopped after the module."""
    location = tmp_path_factory.mktemp("oxigraph") / "store"
    server = OxigraphServer(location=location, port=free_port()).start()
    yield server
    server.stop()


def count_triples(server: OxigraphServer, graph_iri: str | None) -> int:
    from kg.ask.remote import run_remote

    pattern = f"GRAPH <{graph_iri}> {{ ?s ?p ?o }}" if graph_iri else "?s ?p ?o"
    r = run_remote(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}", endpoint=server.query_url, timeout=10)
    return int(r.rows[0]["n"])


def graph_names(server: OxigraphServer) -> set[str]:
    from kg.ask.remote import run_remote

    r = run_remote("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", endpoint=server.query_url, timeout=10)
    return {str(row["g"]) for row in r.rows}


XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"


def as_stored(term):
    """``term`` as compared with the server's answer. Numbers compare by value and datatype: each engine
    writes its own canonical lexical form of an xsd:decimal (Oxigraph "50000", rdflib "50000.0")."""
    if isinstance(term, Literal) and term.datatype is not None and str(term.datatype) == XSD_DECIMAL:
        return ("decimal", term.toPython())
    if isinstance(term, Literal) and term.datatype is None and not term.language and "、" in term:
        return ("joined", frozenset(term.split("、")))  # GROUP_CONCAT order is undefined in SPARQL 1.1
    return term


def comparable(result: QueryResult):
    """What must be equal between a local and a remote answer: rows as a multiset of term tuples, the
    boolean, or the graph up to blank-node names. Terms are compared exactly, except numbers (by value) and
    GROUP_CONCAT lists (as sets)."""
    if result.kind == "select":
        return ("select", Counter(tuple(as_stored(row.get(v)) for v in result.variables) for row in result.rows))
    if result.kind == "ask":
        return ("ask", result.boolean)
    g = Graph()
    for s, p, o in result.graph or Graph():
        g.add((s, p, as_stored(o)))
    return ("graph", to_isomorphic(g))


class DropProxy:
    """A TCP proxy on 127.0.0.1 that forwards to ``target_port`` but cuts any connection whose request
    starts with ``cut`` (``PUT``) after ``limit`` bytes of it have been forwarded (both directions closed with RST).
    ``on_cut`` runs at the cut (e.g. kill -9 the server). Other requests pass through untouched."""

    def __init__(self, target_port: int, limit: int, on_cut: Callable[[], None] | None = None,
                 mute_after: bytes | None = None, cut: bytes = b"PUT"):
        self.target_port = target_port
        self.cut = cut
        self.limit = limit
        self.mute_after = mute_after  # a request containing these bytes is forwarded, but its answer is not
        self.on_cut = on_cut
        self.cuts = 0
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "DropProxy":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.sock.accept()
            except (TimeoutError, socket.timeout):
                continue
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    @staticmethod
    def _reset(s: socket.socket) -> None:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        s.close()

    def _handle(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=10)
        except OSError:  # the server is gone (killed by on_cut): refuse the client at once
            self._reset(client)
            return
        client.settimeout(10)
        done = threading.Event()

        muted = threading.Event()

        def back() -> None:  # server -> client
            try:
                while not done.is_set():
                    data = upstream.recv(65536)
                    if not data:
                        break
                    if muted.is_set():  # the server did the work; the client never hears of it
                        self.cuts += 1
                        client.shutdown(socket.SHUT_RDWR)  # wakes the other thread, blocked in recv
                        break
                    client.sendall(data)
            except OSError:
                pass  # the other direction closed the sockets: nothing left to forward
            finally:
                done.set()

        t = threading.Thread(target=back, daemon=True)
        t.start()
        sent, first = 0, b""
        try:
            while not done.is_set():
                data = client.recv(16384)
                if not data:
                    break
                first = first or data[:32]
                if self.mute_after and self.mute_after in data:
                    muted.set()
                if first.startswith(self.cut) and sent + len(data) > self.limit:
                    upstream.sendall(data[: max(0, self.limit - sent)])
                    self.cuts += 1
                    if self.on_cut:
                        self.on_cut()
                    self._reset(upstream)
                    self._reset(client)
                    return
                upstream.sendall(data)
                sent += len(data)
            t.join(10)
        except OSError:
            pass  # a peer went away; the test checks the outcome on the server
        finally:
            done.set()
            for s in (upstream, client):
                try:
                    s.close()
                except OSError:
                    pass
