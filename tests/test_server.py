"""kg serve: a real Oxigraph server on 127.0.0.1 with the graph loaded; Ctrl-C / SIGTERM stop it cleanly."""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

import pytest

from kg.errors import EndpointError
from kg.publish.upload import push
from kg.ask.remote import run_remote
from kg.publish.server import OxigraphServer, free_port, load_location

pytestmark = pytest.mark.server  # every test here starts an Oxigraph server


def start_serve(*args: str) -> tuple[subprocess.Popen, list[str]]:
    """Run `kg serve ARGS` as a child; return it and its first stdout lines, up to the query URL."""
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if line.startswith("SPARQL query endpoint:"):
            break
    return proc, lines


def port_closed(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_serve_answers_and_stops_cleanly(tmp_path, graph_file, graph, sig):
    port = free_port()
    proc, lines = start_serve("--location", str(tmp_path / "store"), "--port", str(port), "--graph", str(graph_file))
    try:
        assert f"SPARQL query endpoint: http://127.0.0.1:{port}/query" in lines, lines
        r = run_remote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", endpoint=f"http://127.0.0.1:{port}/query")
        assert int(r.rows[0]["n"]) == len(graph)
    finally:
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "server stopped" in err and "Traceback" not in err
    assert port_closed(port)  # the oxigraph child is gone too


def test_serve_in_memory_loads_the_graph_and_writes_nothing(tmp_path, graph_file, graph):
    port = free_port()
    proc, lines = start_serve("--memory", "--location", str(tmp_path / "store"), "--port", str(port),
                              "--graph", str(graph_file))
    try:
        assert any("data in memory" in ln for ln in lines), lines
        r = run_remote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", endpoint=f"http://127.0.0.1:{port}/query")
        assert int(r.rows[0]["n"]) == len(graph)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert not (tmp_path / "store").exists() and port_closed(port)


def test_serve_in_memory_read_only_is_bad_usage(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--memory", "--read-only", "--no-load",
                           "--port", str(free_port())], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "--read-only needs a store on disk" in proc.stderr


def test_serve_reloads_graph_replacing_old_default_graph(tmp_path, graph_file, graph):
    location = tmp_path / "store"
    load_location(location, graph_file)
    load_location(location, graph_file)  # twice: replaced, not appended
    with OxigraphServer(location=location, port=free_port()) as server:
        r = run_remote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", endpoint=server.query_url)
        assert int(r.rows[0]["n"]) == len(graph)
        names = run_remote("SELECT ?g WHERE { GRAPH ?g { } }", endpoint=server.query_url)
        assert names.rows == []  # no staging graph left behind


def test_read_only_server_refuses_push_and_keeps_graph(tmp_path, graph_file, graph):
    location = tmp_path / "store"
    load_location(location, graph_file)
    with OxigraphServer(location=location, port=free_port(), read_only=True) as server:
        with pytest.raises(EndpointError) as info:
            push(graph_file, endpoint=server.url)
        msg = str(info.value)
        assert "HTTP 403" in msg and "the default graph was not changed" in msg and "\n" not in msg
        r = run_remote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", endpoint=server.query_url)
        assert int(r.rows[0]["n"]) == len(graph)


def test_port_in_use_is_one_line_error(tmp_path, graph_file):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--location", str(tmp_path / "s"),
                               "--port", str(port), "--graph", str(graph_file)],
                              capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"error: port {port} on 127.0.0.1 is taken") and proc.stderr.count("\n") == 1, proc.stderr


def test_missing_graph_file_is_one_line_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--location", str(tmp_path / "s"),
                           "--port", str(free_port()), "--graph", str(tmp_path / "nope.ttl")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: ") and "graph file not found" in proc.stderr and proc.stderr.count("\n") == 1
