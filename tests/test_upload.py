"""kg.publish.upload without a server: the N-Quads a bulk load sends, read from the build cache, are exactly
the graph's N-Triples put in its graph; personal contact data is left out of both."""
from __future__ import annotations

import pytest

from kg.publish.upload import _public, dataset_parts
from kg.serialize.quadlines import nquads
from kg.store.cache import Part


@pytest.fixture(scope="module")
def built(generated_build):
    return generated_build(docs=3, seed=7)


def test_cached_quads_are_the_triples_in_their_graph(built):
    parts = dataset_parts(built / "graph.trig")
    docs = [p for p in parts if p.quads is not None]
    assert len(docs) == 3
    for p in docs:
        quads = p.quads()
        assert quads == nquads(p.graph, p.body())
        assert quads.count(b"\n") == p.triples and all(ln.endswith(f" <{p.graph}> .".encode()) for ln in quads.splitlines())


def test_personal_lines_left_out_of_triples_and_quads():
    phone = '<http://e/p1> <https://w3id.org/kg-talent/ontology#telephone> "0731-1234" .'
    name = '<http://e/p1> <http://schema.org/name> "张三" .'
    body = (name + "\n" + phone + "\n").encode()
    part = Part("http://e/g", "d", lambda: body, 2, lambda: nquads("http://e/g", body))
    public = _public([part])[0]
    assert public.body() == (name + "\n").encode()
    assert public.quads() == nquads("http://e/g", (name + "\n").encode())
    assert public.digest != part.digest  # a push with personal data is not the same content as one without
    untouched = Part("http://e/g", "d", lambda: (name + "\n").encode(), 1)
    assert _public([untouched])[0].body() == (name + "\n").encode() and _public([untouched])[0].quads is None


def test_dataset_file_read_in_buckets_gives_the_cached_graphs(built):
    """Without a build cache the file is read in bounded memory (quads spread over buckets by graph): the
    same graphs, triple counts and lines as the cache gives, however many buckets."""
    from kg.publish.upload import _parts_from_file

    cached = {p.graph: p for p in dataset_parts(built / "graph.trig")}
    for bucket_bytes in (2_000, 32_000_000):  # many buckets, one bucket
        read = _parts_from_file(built / "graph.trig", bucket_bytes=bucket_bytes)
        assert [p.graph for p in read] == sorted(cached)
        for p in read:
            assert p.triples == cached[p.graph].triples
            assert sorted(p.body().splitlines()) == sorted(cached[p.graph].body().splitlines())
