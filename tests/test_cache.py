"""The build cache (kg/store/cache.py): its index reads back what was saved; a large corpus's entries are
spread over files of which a save rewrites only those whose entries changed; a crash leaves the old index."""
from __future__ import annotations

import pickle
from dataclasses import replace

from kg.store.cache import BuildCache, DocEntry


def _entry(doc_id: str, n: int = 0) -> DocEntry:
    return DocEntry(id=doc_id, stamp=(("facts.yaml", 10 + n, 1),), digest="d" * 64, refs=["https://e/a", "https://e/b"],
                    fact_ids=["f1", "f2"], used=["city-a"], registry={"city-a": "Municipality"}, facts=2, triples=3,
                    foreign=[f"<https://e/city-a> <https://e/p> \"{doc_id}\" ."], foreign_types=[], results=[],
                    prefixes=["https://e/"], first="<https://e/x> <https://e/p> 1 .", chunk=f"{n:064d}")


def _files(folder):
    return {p.name: p.stat().st_mtime_ns for p in (folder / "entries").glob("*.pickle")}


def test_entries_are_saved_in_files_and_only_changed_ones_are_written_again(tmp_path):
    cache = BuildCache(tmp_path)
    docs = {f"doc-{i:04d}": _entry(f"doc-{i:04d}") for i in range(300)}
    cache.index["docs"] = dict(docs)
    cache.index["registry"] = ("key", ["<a> <b> <c> ."])
    cache.save()
    first = _files(tmp_path)
    assert len(first) == BuildCache.SHARDS
    back = BuildCache(tmp_path)
    assert back.index["docs"] == docs and back.index["registry"] == ("key", ["<a> <b> <c> ."])
    assert back.index["docs"]["doc-0007"].foreign == docs["doc-0007"].foreign  # packed lists read back
    back.index["docs"]["doc-0007"] = _entry("doc-0007", 1)  # one document rebuilt
    back.index["docs"]["doc-0100"].stamp = (("facts.yaml", 99, 2),)  # another only touched
    del back.index["docs"]["doc-0200"]  # and one gone
    back.save()
    now = _files(tmp_path)
    assert len(now) == BuildCache.SHARDS and 1 <= len(set(now) - set(first)) <= 3
    assert BuildCache(tmp_path).index["docs"] == back.index["docs"]
    back.save()  # nothing changed since: nothing written
    assert _files(tmp_path) == now


def test_the_owners_map_has_its_own_file_written_again_only_when_replaced(tmp_path):
    cache = BuildCache(tmp_path)
    owners = ("<a> <b> <c> .\n<d> <e> <f> .", "registry\ndoc-1")
    cache.index["store"] = {"owners": owners, "docs": ["doc-1"], "graph": None}
    cache.save()
    first = _files(tmp_path)
    assert [n for n in first if n.startswith("store-owners-")] and cache.index["store"]["owners"] is owners
    back = BuildCache(tmp_path)
    assert back.index["store"] == {"owners": owners, "docs": ["doc-1"], "graph": None}
    back.index["store"] = dict(back.index["store"], graph=(1, 2))  # the same map, another record
    back.save()
    assert _files(tmp_path) == first and BuildCache(tmp_path).index["store"]["graph"] == (1, 2)
    back.index["store"]["owners"] = ("<a> <b> <c> .", "registry")  # replaced: written, the old file removed
    back.save()
    assert len(_files(tmp_path)) == len(first) and set(_files(tmp_path)) != set(first)
    assert BuildCache(tmp_path).index["store"]["owners"] == ("<a> <b> <c> .", "registry")


def test_a_small_corpus_keeps_one_entries_file_and_an_old_index_reads(tmp_path):
    cache = BuildCache(tmp_path)
    cache.index["docs"] = {"a": _entry("a"), "b": _entry("b", 2)}
    cache.save()
    assert len(_files(tmp_path)) == 1
    assert BuildCache(tmp_path).index["docs"] == cache.index["docs"]
    # the index of a build before entries files: the entries inside index.pickle
    old = dict(cache.index, docs={"a": replace(_entry("a"), facts=7)})
    (tmp_path / "index.pickle").write_bytes(pickle.dumps(old))
    assert BuildCache(tmp_path).index["docs"]["a"].facts == 7


def test_a_missing_entries_file_makes_an_empty_cache_not_an_error(tmp_path):
    cache = BuildCache(tmp_path)
    cache.index["docs"] = {"a": _entry("a")}
    cache.index["global"] = "g"
    cache.save()
    for p in (tmp_path / "entries").glob("*.pickle"):
        p.unlink()
    again = BuildCache(tmp_path)
    assert again.index["docs"] == {} and again.index["global"] is None


def test_part_nquads_gives_each_graph_its_own_blank_nodes():
    """A part's N-Quads (what kg push sends and kg export writes): the cache's quads as they are, unless they hold
    blank nodes — then the N-Triples with labels of the part's own graph, so two graphs never share a node."""
    from kg.store.cache import Part

    nt = b'_:b0 <http://e/p> "x" .\n<http://e/s> <http://e/q> _:b0 .\n'
    plain = Part("http://e/c", "d", lambda: b"<http://e/s> <http://e/p> 1 .\n", 1,
                 lambda: b"<http://e/s> <http://e/p> 1 <http://e/c> .\n")
    a = Part("http://e/a", "d", lambda: nt, 2, lambda: nt.replace(b" .\n", b" <http://e/a> .\n"))
    b = Part("http://e/b", "d", lambda: nt, 2)
    assert plain.nquads() == b"<http://e/s> <http://e/p> 1 <http://e/c> .\n"
    la, lb = ({ln.split(b" ")[0] for ln in p.nquads().splitlines() if ln.startswith(b"_:")} for p in (a, b))
    assert len(la) == len(lb) == 1 and la != lb
    assert all(ln.endswith(b" <http://e/b> .") for ln in b.nquads().splitlines())
