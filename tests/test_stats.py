"""kg.draw.stats and `kg stats`: summary figures of the relationship graph."""
from __future__ import annotations

import json

from rdflib.namespace import RDF

from kg.cli import main
from kg.namespaces import KG
from kg.draw.network import to_networkx
from kg.draw.stats import graph_stats


def test_figures_add_up(graph):
    G = to_networkx(graph)
    s = graph_stats(G, top=5)
    assert (s.nodes, s.edges) == (G.number_of_nodes(), G.number_of_edges())
    assert sum(s.nodes_by_class.values()) == s.nodes
    assert sum(s.edges_by_relation.values()) == s.edges
    assert sum(s.components) == s.nodes and s.components == sorted(s.components, reverse=True)
    assert s.nodes_by_class["Person"] == len(set(graph.subjects(RDF.type, KG.Person)))
    assert s.edges_by_relation["HonorConferral"] == len(set(graph.subjects(RDF.type, KG.HonorConferral)))
    assert len(s.top) == 5 and s.top[0][:2] == ("zhuzhou", "株洲市")
    assert [t[2] for t in s.top] == sorted((t[2] for t in s.top), reverse=True)
    assert s.isolated == sum(1 for c in s.components if c == 1)


def test_cli_text_and_json(capsys, graph_file):
    assert main(["stats", "--graph", str(graph_file)]) == 0
    out = capsys.readouterr().out
    assert "Nodes per class:" in out and "株洲市" in out and "connected components" in out
    assert main(["stats", "--top", "3", "--json", "--graph", str(graph_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["top"]) == 3 and data["top"][0]["label"] == "株洲市"
    assert sum(data["nodes_by_class"].values()) == data["nodes"]


def test_cli_nary_nodes_counts_them(capsys, graph, in_built_dir):  # the default graph, build/graph.ttl
    assert main(["stats", "--json", "--nary", "nodes"]) == 0
    data = json.loads(capsys.readouterr().out)
    for cls in ("Observation", "HonorConferral", "Funding"):
        assert data["nodes_by_class"][cls] == len(set(graph.subjects(RDF.type, KG[cls])))


def test_missing_graph_file_is_one_line_error(capsys, tmp_path):
    assert main(["stats", "--graph", str(tmp_path / "nope.ttl")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and len(err.strip().splitlines()) == 1


def test_stats_of_one_document(capsys):
    from pathlib import Path

    trig = Path(__file__).parent / "data" / "two-documents.trig"
    assert main(["stats", "--graph", str(trig), "--json"]) == 0
    both = json.loads(capsys.readouterr().out)
    assert main(["stats", "--graph", str(trig), "--doc", "city-b-2024", "--json"]) == 0
    one = json.loads(capsys.readouterr().out)
    assert (both["nodes"], one["nodes"]) == (7, 3)  # 湖南省 (registry) is mentioned by city-a-2023 only
    assert one["nodes_by_class"] == {"GovernmentBody": 1, "Person": 1, "ReplyLetter": 1}
    assert main(["stats", "--graph", str(trig), "--doc", "nope"]) == 2
    assert "no document 'nope'" in capsys.readouterr().err


# ---------------------------------------------------------------- the summary without the networkx graph

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from kg.draw.stats import relationship_stats  # noqa: E402

TWO = Path(__file__).parent / "data" / "two-documents.trig"


@pytest.fixture(scope="module")
def stored(generated_build):
    """A generated corpus built with its store (the store path of kg stats, as kg query and kg viz take it)."""
    return generated_build(docs=8, seed=3)


def _same_figures(graph, **options) -> dict:
    want = graph_stats(to_networkx(graph, details=False, **options), top=20)
    got = relationship_stats(graph, top=20, **options)
    assert got.as_dict() == want.as_dict() and got.text() == want.text()
    return got.as_dict()


@pytest.mark.parametrize("nary", ["edges", "nodes"])
def test_summary_is_what_the_networkx_graph_says(graph, nary):
    figures = _same_figures(graph, nary=nary)
    assert figures["top"][0]["label"] == "株洲市" and figures["nodes_by_class"]["Person"] > 10


@pytest.mark.parametrize("options", [{}, {"nary": "nodes"}, {"doc": "city-b-2024"}, {"include_personal": True}])
def test_summary_of_a_dataset_file(options):
    _same_figures(TWO, **options)


@pytest.mark.parametrize("name", ["graph.trig", "graph.ttl"])
@pytest.mark.parametrize("options", [{}, {"nary": "nodes"}, {"doc": "gen-00003"}])
def test_summary_of_a_stored_build_is_what_the_networkx_graph_says(stored, name, options):
    from kg.store.embedded import store_for

    assert store_for(stored / name) is not None  # read from the build's store
    figures = _same_figures(stored / name, **options)
    conferrals = figures["nodes_by_class" if options.get("nary") == "nodes" else "edges_by_relation"]["HonorConferral"]
    assert conferrals > 0 and len(figures["components"]) > 1


def test_cli_stats_of_a_stored_build(capsys, stored):
    assert main(["stats", "--graph", str(stored / "graph.trig"), "--top", "7"]) == 0
    out = capsys.readouterr().out
    assert out == graph_stats(to_networkx(stored / "graph.trig", details=False), top=7).text() + "\n"


def test_figures_of_a_build_are_kept_beside_its_store(tmp_path, monkeypatch):
    """Over a build's store the figures are counted once and read after, the same; a rebuild that changes the
    store drops them; a spoilt file is counted again."""
    import shutil

    import kg.draw.network as network
    from kg.draw.stats import relationship_stats
    from kg.pipeline import build_corpus
    from tests.conftest import CORPUS

    work, out = tmp_path / "corpus", tmp_path / "out"
    shutil.copytree(CORPUS, work)
    build_corpus(corpus=work, out_dir=out, progress=False, store=True)
    trig = out / "graph.trig"
    counted = []
    fill = network.fill
    monkeypatch.setattr(network, "fill", lambda *a, **k: counted.append(1) or fill(*a, **k))

    first = relationship_stats(trig, top=5)
    assert first == relationship_stats(trig, top=5) and len(counted) == 1  # read, not counted again
    assert first == relationship_stats(trig, top=5, keep=False) and len(counted) == 2
    assert relationship_stats(trig, top=3).top == first.top[:3] and len(counted) == 3  # other options: counted
    kept = sorted((out / "store" / "answers").rglob("stats-*.json"))
    assert len(kept) == 2 and first.nodes_by_class["Person"] > 0

    kept[0].write_text("{not json", encoding="utf-8")
    kept[1].write_text("{not json", encoding="utf-8")
    assert relationship_stats(trig, top=5) == first and len(counted) == 4

    facts = work / "documents" / "hunan-2023-news-high-skill-commendation" / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    name = next(line.split("zh:", 1)[1].strip(" }\"'") for line in text.splitlines() if "label: {zh:" in line)
    facts.write_text(text.replace(name, name + "乙", 1), encoding="utf-8")
    build_corpus(corpus=work, out_dir=out, progress=False, store=True)
    assert not any(p.exists() for p in kept)  # the new stamp dropped them
    again = relationship_stats(trig, top=5)
    assert len(counted) == 5 and again.nodes == first.nodes
