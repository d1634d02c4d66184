"""kg push against a real Oxigraph server: atomic replace, failures half-way, concurrent readers, credentials."""
from __future__ import annotations

import base64
import http.server
import threading
import time

import pytest
from rdflib import Graph, Literal, URIRef

from kg.cli import main
from kg.errors import EndpointError
from kg.publish.upload import push
from kg.publish.server import OxigraphServer, free_port
from tests.oxigraph_helpers import DropProxy, count_triples, graph_names, oxigraph  # noqa: F401 (fixture)

G = "https://w3id.org/kg-talent/graph"


@pytest.fixture()
def graph(graph):
    """The shipped graph as kg push sends it by default: without personal contact data (kg.graph.personal)."""
    from kg.graph.personal import without_personal

    return without_personal(graph)


def smaller(graph: Graph, drop: int = 300) -> Graph:
    g = Graph()
    for i, t in enumerate(sorted(graph)):
        if i >= drop:
            g.add(t)
    return g


def big(graph: Graph, extra: int = 40000) -> Graph:
    """The graph plus ``extra`` generated triples: big enough that an upload is cut well inside its body."""
    g = Graph()
    for t in graph:
        g.add(t)
    for i in range(extra):
        g.add((URIRef(f"urn:test:s{i}"), URIRef("urn:test:p"), Literal(f"value {i} 数值")))
    return g


def test_push_replaces_named_graph_and_default(oxigraph, graph, graph_file):
    r = push(graph_file, endpoint=oxigraph.url, graph_iri=G)
    assert (r.triples, r.graph) == (len(graph), G)
    assert count_triples(oxigraph, G) == len(graph)
    push(smaller(graph), endpoint=oxigraph.store_url, graph_iri=G)  # …/store works as well as the root
    assert count_triples(oxigraph, G) == len(graph) - 300
    push(graph, endpoint=oxigraph.url)  # default graph
    assert count_triples(oxigraph, None) == len(graph)
    assert not any(g.startswith("urn:kg:staging:") for g in graph_names(oxigraph))


def test_cli_push(oxigraph, graph, graph_file, capsys):
    assert main(["push", "--endpoint", oxigraph.url, "--graph-iri", G, "--graph", str(graph_file)]) == 0
    out = capsys.readouterr().out
    assert f"pushed {len(graph)} triples" in out and f"<{G}>" in out
    assert count_triples(oxigraph, G) == len(graph)


def test_push_leaves_personal_data_out_unless_asked(oxigraph, graph, graph_file, capsys):
    """The reply letter's handler's mobile number was in every push."""
    from kg.ask.remote import run_remote
    from kg.api import load
    from kg.graph.personal import personal_properties

    full = load(graph_file)
    phones = [str(o) for p in personal_properties(full) for o in full.objects(None, p)]
    assert phones == ["18073339653"]  # the shipped letter's handler's mobile number
    ask = f'ASK {{ GRAPH <{G}> {{ ?s ?p ?o FILTER(STR(?o) = "{phones[0]}") }} }}'
    assert main(["push", "--endpoint", oxigraph.url, "--graph-iri", G, "--graph", str(graph_file)]) == 0
    assert f"pushed {len(full) - 1} triples" in capsys.readouterr().out
    assert run_remote(ask, endpoint=oxigraph.query_url).boolean is False
    assert main(["push", "--endpoint", oxigraph.url, "--graph-iri", G, "--graph", str(graph_file),
                 "--include-personal"]) == 0
    assert run_remote(ask, endpoint=oxigraph.query_url).boolean is True
    capsys.readouterr()


def test_connection_dropped_half_way_leaves_graph_intact(oxigraph, graph, capsys):
    push(graph, endpoint=oxigraph.url, graph_iri=G)
    before = count_triples(oxigraph, G)
    with DropProxy(oxigraph.port, limit=200_000) as proxy:
        with pytest.raises(EndpointError) as info:
            push(big(graph), endpoint=proxy.url, graph_iri=G, timeout=10)
        assert proxy.cuts == 1
    msg = str(info.value)
    assert "push failed while uploading" in msg and f"<{G}> was not changed" in msg and "\n" not in msg
    assert count_triples(oxigraph, G) == before
    assert not any(g.startswith("urn:kg:staging:") for g in graph_names(oxigraph))  # partial upload dropped


def test_server_rejecting_the_data_leaves_graph_intact(oxigraph, graph, tmp_path, capsys):
    push(graph, endpoint=oxigraph.url, graph_iri=G)
    bad = tmp_path / "bad.nt"
    bad.write_text("<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> \"bad\"^^<not an iri> .\n")
    code = main(["push", "--endpoint", oxigraph.url, "--graph-iri", G, "--graph", str(bad)])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("error: ") and err.count("\n") == 1, err
    assert count_triples(oxigraph, G) == len(graph)


@pytest.mark.server
def test_server_killed_mid_upload_previous_graph_intact_after_restart(tmp_path, graph):
    location = tmp_path / "store"
    server = OxigraphServer(location=location, port=free_port()).start()
    try:
        push(graph, endpoint=server.url, graph_iri=G)
        with DropProxy(server.port, limit=300_000, on_cut=server.kill) as proxy:
            with pytest.raises(EndpointError) as info:
                push(big(graph), endpoint=proxy.url, graph_iri=G, timeout=10)
        assert f"<{G}> was not changed" in str(info.value)
        assert not server.alive()
        server.start()  # same location, same port
        assert count_triples(server, G) == len(graph)
        assert graph_names(server) == {G}  # the half-loaded staging graph was never committed
    finally:
        server.stop()


def test_answer_to_the_move_lost_graph_is_old_or_new(oxigraph, graph):
    """The connection breaks after the MOVE was sent: kg cannot know if it ran, and says so; the graph is
    then the old or the new one, whole."""
    v1, v2 = graph, smaller(graph)
    push(v1, endpoint=oxigraph.url, graph_iri=G)
    with DropProxy(oxigraph.port, limit=10**9, mute_after=b"MOVE SILENT GRAPH") as proxy:
        with pytest.raises(EndpointError) as info:
            push(v2, endpoint=proxy.url, graph_iri=G, timeout=10)
        assert proxy.cuts == 1
    msg = str(info.value)
    assert msg.startswith("push interrupted while swapping in the new graph") and "never a mix" in msg
    assert count_triples(oxigraph, G) in (len(v1), len(v2))


def test_unreachable_server_one_line(capsys, graph_file):
    port = free_port()  # nothing listens there
    assert main(["push", "--endpoint", f"http://127.0.0.1:{port}", "--graph", str(graph_file)]) == 2
    err = capsys.readouterr().err
    assert err == f"error: push failed while uploading: connection refused (127.0.0.1:{port}); the default graph was not changed\n"


@pytest.fixture
def fresh_server(tmp_path):
    with OxigraphServer(location=tmp_path / "store", port=free_port()) as server:
        yield server


def test_readers_see_old_or_new_never_a_mix(fresh_server, graph):
    from kg.ask.remote import run_remote

    oxigraph = fresh_server
    v1, v2 = graph, smaller(graph, drop=1000)
    push(v1, endpoint=oxigraph.url, graph_iri=G)
    counts: list[int] = []
    errors: list[str] = []
    stop = threading.Event()
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{G}> {{ ?s ?p ?o }} }}"

    def reader() -> None:
        deadline = time.monotonic() + 30
        while not stop.is_set() and time.monotonic() < deadline:
            try:
                counts.append(int(run_remote(query, endpoint=oxigraph.query_url, timeout=10).rows[0]["n"]))
            except EndpointError as exc:
                errors.append(str(exc))

    t = threading.Thread(target=reader)
    t.start()
    try:
        for i in range(6):
            push(v2 if i % 2 == 0 else v1, endpoint=oxigraph.url, graph_iri=G)
    finally:
        stop.set()
        t.join(35)
    assert not errors
    assert set(counts) <= {len(v1), len(v2)}, sorted(set(counts))
    assert len(counts) >= 10 and set(counts) == {len(v1), len(v2)}  # the reader really saw both versions


class _AuthRecorder(http.server.BaseHTTPRequestHandler):
    """A loopback HTTP server that records the Authorization header and answers with an error that
    echoes it (as a careless server might)."""

    seen: list[str] = []
    status = 401

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        auth = self.headers.get("Authorization", "")
        type(self).seen.append(auth)
        body = f"denied for {auth} {base64.b64decode(auth.split()[-1]).decode() if auth else ''}".encode()
        self.send_response(type(self).status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_PUT = do_POST = do_GET = _answer

    def log_message(self, *args) -> None:  # keep test output quiet
        return None


@pytest.fixture
def recorder():
    _AuthRecorder.seen = []
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _AuthRecorder)
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    t.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.mark.parametrize("status", [401, 500])
def test_credentials_from_env_sent_but_never_shown(recorder, monkeypatch, capsys, caplog, graph_file, status):
    import logging

    caplog.set_level(logging.DEBUG)
    _AuthRecorder.status = status
    monkeypatch.setenv("KG_ENDPOINT_USER", "alice")
    monkeypatch.setenv("KG_ENDPOINT_PASSWORD", "pa55-W0rd-xyz")
    url = f"http://127.0.0.1:{recorder.server_address[1]}"
    assert main(["push", "--endpoint", url, "--graph", str(graph_file)]) == 2
    from kg.ask.remote import run_remote

    with pytest.raises(EndpointError) as info:
        run_remote("SELECT * WHERE { ?s ?p ?o }", endpoint=f"{url}/query")
    print(f"error: {info.value}", file=__import__("sys").stderr)
    token = base64.b64encode(b"alice:pa55-W0rd-xyz").decode()
    assert f"Basic {token}" in _AuthRecorder.seen  # the credentials were used
    captured = capsys.readouterr()
    everything = captured.out + captured.err + caplog.text
    assert "error: " in captured.err
    assert "pa55-W0rd-xyz" not in everything and token not in everything


def test_credentials_from_netrc(recorder, monkeypatch, tmp_path, graph_file, capsys):
    from kg.ask.remote import run_remote

    _AuthRecorder.status = 401
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login bob password n3trc-secret\n")
    netrc.chmod(0o600)
    monkeypatch.delenv("KG_ENDPOINT_USER", raising=False)
    monkeypatch.delenv("KG_ENDPOINT_PASSWORD", raising=False)
    monkeypatch.setenv("NETRC", str(netrc))
    url = f"http://127.0.0.1:{recorder.server_address[1]}"
    with pytest.raises(EndpointError) as info:
        push(graph_file, endpoint=url)
    with pytest.raises(EndpointError) as info2:
        run_remote("ASK {}", endpoint=f"{url}/query")
    token = base64.b64encode(b"bob:n3trc-secret").decode()
    assert _AuthRecorder.seen and all(a == f"Basic {token}" for a in _AuthRecorder.seen)
    for msg in (str(info.value), str(info2.value)):
        assert "n3trc-secret" not in msg and token not in msg


def test_credentials_in_url_refused(capsys, graph_file):
    assert main(["push", "--endpoint", "http://u:topsecret@127.0.0.1:1/", "--graph", str(graph_file)]) == 2
    err = capsys.readouterr().err
    assert "not accepted" in err and "topsecret" not in err


def test_bad_graph_iri_and_endpoint(capsys, graph_file):
    assert main(["push", "--endpoint", "http://127.0.0.1:1", "--graph-iri", "no iri", "--graph", str(graph_file)]) == 2
    assert main(["push", "--endpoint", "ftp://127.0.0.1/", "--graph", str(graph_file)]) == 2
    assert main(["push", "--endpoint", "http://127.0.0.1:1/some/path", "--graph", str(graph_file)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert [e.split(":")[0] for e in err] == ["error"] * 3
    assert "absolute IRI" in err[0] and "http://" in err[1] and "--update-endpoint" in err[2]

