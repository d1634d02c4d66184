"""kg verify: the checks pass on the built graph and each one catches what it is for."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDFS

from kg.api import verify
from kg.ask.catalog import load_checks
from kg.cli import main
from kg.namespaces import KG

KGR = "https://w3id.org/kg-talent/id/zhuzhou-2022-37/"  # facts of the letter
REG = "https://w3id.org/kg-talent/id/"  # registry entities


def copy(graph: Graph) -> Graph:
    g = Graph()
    for t in graph:
        g.add(t)
    return g


def failed(g: Graph) -> dict[str, int]:
    return {c.name: len(c.result.rows) for c in verify(g).failed}


def test_checks_pass_on_the_built_graph(graph):
    report = verify(graph)
    assert report.ok and len(report.checks) == len(load_checks()) + 1


def test_conferral_without_provenance(graph):
    g = copy(graph)
    g.remove((URIRef(KGR + "conferral-yi-ran-20"), PROV.wasDerivedFrom, None))
    assert failed(g) == {"conferral-without-provenance": 1, "fact-without-provenance": 1}


def test_person_without_chinese_name(graph):
    g = copy(graph)
    g.remove((URIRef(KGR + "yi-ran"), RDFS.label, Literal("易冉", lang="zh")))
    assert failed(g) == {"person-without-chinese-name": 1}


def test_count_without_unit(graph):
    g = copy(graph)
    g.remove((URIRef(KGR + "obs-workshops"), KG.unit, None))
    assert failed(g) == {"count-without-unit": 1}


def test_quote_offsets(graph):
    g = copy(graph)
    q = next(iter(g.subjects(PROV.value, Literal("老模吴南根"))))
    start = g.value(q, KG.startOffset)
    g.set((q, KG.startOffset, Literal(int(start) + 1, datatype=start.datatype)))
    assert failed(g) == {"quote-length-mismatch": 1, "quote-offsets-match-source": 1}
    g = copy(graph)
    end = g.value(q, KG.endOffset)
    g.set((q, KG.startOffset, Literal(int(start) + 2, datatype=start.datatype)))
    g.set((q, KG.endOffset, Literal(int(end) + 2, datatype=end.datatype)))
    assert failed(g) == {"quote-offsets-match-source": 1}  # right length, wrong place: only Python sees it


def test_award_shortcut_and_dangling(graph):
    g = copy(graph)
    g.remove((URIRef(KGR + "wu-zhe"), KG.awardReceived, None))
    g.add((URIRef(KGR + "wu-zhe"), KG.employer, URIRef(KGR + "no-such-company")))
    assert failed(g) == {"award-shortcut-mismatch": 1, "dangling-reference": 1}


def test_cli_verify(capsys, graph, graph_file, tmp_path):
    assert main(["verify", "--graph", str(graph_file)]) == 0
    assert "all" in capsys.readouterr().out
    g = copy(graph)
    g.remove((URIRef(KGR + "obs-workshops"), KG.unit, None))
    bad = tmp_path / "bad.ttl"
    g.serialize(bad, format="turtle")
    assert main(["verify", "--graph", str(bad)]) == 1
    out, err = capsys.readouterr()
    assert "FAIL count-without-unit" in out and "kgr:zhuzhou-2022-37/obs-workshops" in out
    assert "count-without-unit" in err and "Traceback" not in err


@pytest.mark.parametrize("name", sorted(load_checks()))
def test_every_check_is_a_select(name):
    from kg.ask.sparql import query_kind

    assert query_kind(load_checks()[name].text) == "select"


def test_sources_are_found_in_the_corpus_wherever_the_facts_lie(capsys, tmp_path):
    """A graph built from facts outside data/ passes its quote check against its own corpus, found by name and hash."""
    import shutil

    from kg.api import build, load
    from tests.conftest import FACTS, SOURCE

    corpus = tmp_path / "corpus"
    (corpus / "deep").mkdir(parents=True)
    shutil.copy(FACTS, corpus / "deep" / "f.facts.yaml")
    shutil.copy(SOURCE, corpus / "deep")
    out = tmp_path / "g.ttl"
    build(facts=[corpus / "deep" / "f.facts.yaml"], output=out)
    assert main(["verify", "--graph", str(out), "--corpus", str(corpus)]) == 0
    capsys.readouterr()

    from kg.check.checks import find_sources

    g = load(out)
    (tmp_path / "empty").mkdir()
    assert list(find_sources(g, tmp_path / "empty").values()) == [
        f"source text {SOURCE.name} not found in {tmp_path / 'empty'} (give --corpus DIR, the folder of the facts and sources)"]
    copied = corpus / "deep" / SOURCE.name
    copied.write_text(copied.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert list(find_sources(g, corpus).values()) == [
        f"source text {SOURCE.name} in {corpus} differs from the one the graph was built from (SHA-256)"]


def test_offsets_that_are_not_numbers_are_a_failed_check(graph, graph_file, tmp_path, capsys):
    """`kg verify` on a graph with kg:startOffset "abc" used to end in a traceback."""
    from kg.cli import main
    from kg.serialize.turtle import to_turtle

    g = copy(graph)
    q = next(iter(g.subjects(PROV.value, Literal("老模吴南根"))))
    g.set((q, KG.startOffset, Literal("abc")))
    assert "quote-offsets-match-source" in failed(g)
    bad = tmp_path / "bad.ttl"
    bad.write_text(to_turtle(g), encoding="utf-8")
    assert main(["verify", "--graph", str(bad)]) == 1
    out, err = capsys.readouterr()
    assert "offsets abc.." in out
    assert err.count("\n") == 1 and "checks failed" in err and "Traceback" not in err


# ---------------------------------------------------------------- ids and registry use (corpus checks)


def test_registry_entity_referred_to_without_a_mention(graph):
    g = copy(graph)
    mohrss = URIRef(REG + "mohrss")
    for q in list(g.objects(mohrss, PROV.wasDerivedFrom)):
        g.remove((mohrss, PROV.wasDerivedFrom, q))
    rows = next(c for c in verify(g).checks if c.name == "registry-entity-not-mentioned").result.rows
    assert {(str(r["document"]), str(r["fact"]).rsplit("/", 1)[-1], str(r["property"]).rsplit("#", 1)[-1]) for r in rows} \
        == {("zhuzhou-2022-37", "membership-tang-tao", "organization")}
    assert set(failed(g)) == {"registry-entity-not-mentioned", "fact-without-provenance"}


def test_quoted_node_defined_nowhere(graph):
    g = copy(graph)
    quote = next(iter(graph.subjects(PROV.value, Literal("老模吴南根"))))
    g.add((URIRef(REG + "no-such-entity"), PROV.wasDerivedFrom, quote))
    rows = next(c for c in verify(g).checks if c.name == "mention-of-unknown-entity").result.rows
    assert [(str(r["entity"]), str(r["document"])) for r in rows] == [(REG + "no-such-entity", "zhuzhou-2022-37")]


def test_fact_not_named_under_its_document(graph):
    g = copy(graph)
    quote = next(iter(graph.subjects(PROV.value, Literal("老模吴南根"))))
    stray = URIRef(REG + "wu-nangen")  # an id that is not scoped to its document, and not a registry entity
    for p, o in list(graph.predicate_objects(URIRef(KGR + "wu-nangen"))):
        g.add((stray, p, o))
    g.add((stray, PROV.wasDerivedFrom, quote))
    assert "fact-outside-its-document" in failed(g)


def test_same_text_loaded_as_two_documents(graph):
    g = copy(graph)
    src = URIRef(KGR + "source")
    twin = URIRef(REG + "zhuzhou-copy/source")
    for p, o in list(graph.predicate_objects(src)):
        g.add((twin, p, o if p != KG.documentId else Literal("zhuzhou-copy")))
    rows = next(c for c in verify(g).checks if c.name == "same-text-twice").result.rows
    assert [(str(r["document"]), str(r["other"])) for r in rows] == [("zhuzhou-2022-37", "zhuzhou-copy")]


def test_corpus_passes_every_check(corpus_built):
    report = verify(corpus_built.outputs[0])
    assert report.ok, [c.name for c in report.failed]
