"""The shared registry: entities defined once, named by documents with `mention:`; ids that clash are errors
naming both files and lines; decisions are data (same → owl:sameAs)."""
from __future__ import annotations

import shutil

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL

from kg.errors import FactsError, UnknownReference
from kg.facts.registry import load_registry, parse_decisions_text, parse_registry_text
from kg.namespaces import resource_ns
from tests.conftest import CORPUS, DOC

R = resource_ns()


def corpus_copy(tmp_path):
    return shutil.copytree(CORPUS, tmp_path / "data")


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path, needle):
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_shipped_registry_is_shared():
    reg = load_registry(CORPUS)
    assert reg.entities["mohrss"].alt_labels == ["人社部", "人力资源社会保障部"]
    assert reg.entities["mohrss"].cls == "GovernmentBody" and reg.where("mohrss").endswith("entities.yaml:" + str(reg.entities["mohrss"].line))


def test_registry_id_twice_names_both_lines():
    text = "entities:\n- id: a\n  a: Person\n  label: 甲\n- id: a\n  a: Person\n  label: 乙\n"
    with pytest.raises(FactsError, match=r"^e.yaml:5: registry id 'a' is defined twice \(also at e.yaml:2\)"):
        parse_registry_text(text, file="e.yaml")


def test_registry_entry_has_no_quote():
    with pytest.raises(FactsError, match="e.yaml:5: entity 'a': a registry entry has no quote"):
        parse_registry_text("entities:\n- id: a\n  a: Person\n  label: 甲\n  quote: 甲\n", file="e.yaml")


@pytest.mark.parametrize("text, message", [
    ("decisions:\n- entities: [a]\n  decision: same\n", "needs 'entities': a list of two or more ids"),
    ("decisions:\n- entities: [a, b]\n  decision: maybe\n", "decision must be one of same, distinct"),
    ("decisions:\n- entities: [a, b/c/d]\n  decision: same\n", "'b/c/d' is not an entity reference"),
])
def test_bad_decisions(text, message):
    with pytest.raises(FactsError, match=message):
        parse_decisions_text(text, file="d.yaml")


def test_fact_id_shadowing_a_registry_id_names_both_files_and_lines(tmp_path):
    from kg.api import build

    corpus = corpus_copy(tmp_path)
    facts = corpus / "documents" / DOC / "facts.yaml"
    edit(facts, "- id: cctv\n", "- id: mohrss\n")
    with pytest.raises(FactsError) as err:
        build(corpus=corpus, doc=DOC, write=False)
    reg = corpus / "registry" / "entities.yaml"
    msg = str(err.value)
    assert msg.startswith(f"{facts}:{line_of(facts, '- id: mohrss')}: fact id 'mohrss' shadows the registry entity defined at "
                          f"{reg}:{line_of(reg, '- id: mohrss')}")
    assert "`- mention: mohrss`" in msg


def test_mention_of_an_unknown_entity_names_the_closest(tmp_path):
    from kg.api import build

    corpus = corpus_copy(tmp_path)
    facts = corpus / "documents" / DOC / "facts.yaml"
    edit(facts, "- mention: mohrss\n", "- mention: mohrs\n")
    with pytest.raises(UnknownReference, match=r"facts.yaml:\d+: mention of unknown registry entity 'mohrs' "
                                               r"\(closest known: mohrss"):
        build(corpus=corpus, doc=DOC, write=False)


def test_mention_twice_in_one_document(tmp_path):
    from kg.api import build

    corpus = corpus_copy(tmp_path)
    facts = corpus / "documents" / DOC / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8") + "\n- mention: mohrss\n  quote: 人社部\n", encoding="utf-8")
    with pytest.raises(FactsError, match="registry entity 'mohrss' is mentioned twice in this document"):
        build(corpus=corpus, doc=DOC, write=False)


def test_mention_carries_what_the_document_states(graph):
    from rdflib.namespace import RDFS

    from kg.namespaces import KG

    edition = R["hunan-skills-2022"]  # registry entity; the letter states its dates and place
    assert str(graph.value(edition, KG.startDate)) == "2022-07-03"
    assert str(graph.value(edition, KG.registryId)) == "hunan-skills-2022"
    assert len(list(graph.objects(edition, RDFS.label))) == 2  # labels from the registry only (zh, en)


def test_same_decision_links_with_sameas_and_distinct_is_silent(tmp_path):
    from kg.api import build
    from kg.facts.entities import duplicate_candidates

    corpus = corpus_copy(tmp_path)
    facts = corpus / "documents" / DOC / "facts.yaml"
    # the letter defines its own 人社部 next to the registry's: a short-name duplicate candidate
    facts.write_text(facts.read_text(encoding="utf-8") + "\n- id: mohrss-local\n  a: GovernmentBody\n"
                     "  label: {zh: 人社部}\n  quote: 人社部汤涛副部长致辞\n", encoding="utf-8")
    found = [c for c in duplicate_candidates(corpus) if c.b.ref == f"{DOC}/mohrss-local"]
    assert [(c.reason, c.a.ref) for c in found] == [("same name", "mohrss")]  # 人社部 is also the registry's altLabel
    decisions = corpus / "registry" / "decisions.yaml"
    decisions.write_text(decisions.read_text(encoding="utf-8") + f"- entities: [mohrss, {DOC}/mohrss-local]\n"
                         "  decision: same\n", encoding="utf-8")
    assert not [c for c in duplicate_candidates(corpus) if c.b.ref == f"{DOC}/mohrss-local"]
    b = build(corpus=corpus, doc=DOC, write=False)
    assert (R["mohrss"], OWL.sameAs, URIRef(R[f"{DOC}/mohrss-local"])) in b.graphs["https://w3id.org/kg-talent/graph/registry"]


def test_decision_naming_a_missing_fact_is_an_error(tmp_path):
    from kg.api import build

    corpus = corpus_copy(tmp_path)
    decisions = corpus / "registry" / "decisions.yaml"
    decisions.write_text(decisions.read_text(encoding="utf-8") + f"- entities: [mohrss, {DOC}/no-such-fact]\n"
                         "  decision: same\n", encoding="utf-8")
    with pytest.raises(UnknownReference, match=f"decisions.yaml:\\d+: decision names '{DOC}/no-such-fact', but document"):
        build(corpus=corpus, doc=DOC, write=False)
