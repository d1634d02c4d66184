"""Reading graph files: one reader for every command; bad files are one line; nothing is fetched."""
from __future__ import annotations

import json
import socket
import threading

import pytest

from kg.errors import InputError
from kg.store.read import read_graph


def test_empty_graph_file_is_an_error(tmp_path, capsys):
    """An empty graph file used to "conform"."""
    from kg.cli import main

    for name, text in (("empty.ttl", ""), ("prefixes-only.ttl", "@prefix kg: <https://w3id.org/kg-talent/ontology#> .\n"),
                       ("empty.nt", ""), ("empty.jsonld", "{}")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(InputError, match="the graph file holds no triples"):
            read_graph(path)
        assert main(["validate", str(path)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "holds no triples" in err


def test_graph_file_that_is_a_device_or_too_big(tmp_path, monkeypatch):
    with pytest.raises(InputError, match="not a regular file"):
        read_graph("/dev/zero")
    path = tmp_path / "big.ttl"  # Oxigraph's parser: rdflib's N-Triples parser takes seconds on a 1 MB literal
    path.write_text("<http://e/s> <http://e/p> \"" + "x" * 1_100_000 + "\" .\n", encoding="utf-8")
    monkeypatch.setenv("KG_MAX_INPUT_MB", "1")
    with pytest.raises(InputError, match=r"graph file is 1\.05 MB, above the limit of 1 MB"):
        read_graph(path)
    monkeypatch.setenv("KG_MAX_INPUT_MB", "2")
    assert len(read_graph(path)) == 1


@pytest.fixture()
def listener():
    """A loopback server that records every connection made to it (and answers nothing)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(5)
    sock.settimeout(0.2)
    seen: list[bytes] = []
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            seen.append(conn.recv(1000))
            conn.close()

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}", seen
    stop.set()
    t.join(2)
    sock.close()


@pytest.mark.parametrize("context", [
    "{url}/context.jsonld",
    ["{url}/a.jsonld", {"kg": "https://w3id.org/kg-talent/ontology#"}],
    {"@import": "{url}/imported.jsonld"},
    {"p": {"@id": "http://e/p", "@context": "{url}/scoped.jsonld"}},
])
def test_jsonld_remote_context_is_never_fetched(tmp_path, listener, capsys, context):
    """A JSON-LD graph whose @context is a URL made validate/query/export/viz fetch it (or hang)."""
    from kg.cli import main

    url, seen = listener
    ctx = json.loads(json.dumps(context).replace("{url}", url))
    path = tmp_path / "g.jsonld"
    path.write_text(json.dumps({"@context": ctx, "@id": "http://e/s", "http://e/p": "o"}), encoding="utf-8")
    for args in (["validate", str(path)], ["query", "--graph", str(path), "ASK { ?s ?p ?o }"],
                 ["export", "--graph", str(path)], ["stats", "--graph", str(path)]):
        assert main(args) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "would be fetched; kg never loads remote contexts" in err and url in err
    assert seen == []


def test_jsonld_with_an_inline_context_still_reads(tmp_path):
    path = tmp_path / "g.jsonld"
    path.write_text(json.dumps({"@context": {"p": "http://e/p"}, "@id": "http://e/s", "p": "o"}), encoding="utf-8")
    assert [str(o) for o in read_graph(path).objects()] == ["o"]
