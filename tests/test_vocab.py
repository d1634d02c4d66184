"""Vocabularies as data: data/vocab/*.yaml extends honors, levels, units, measures, topics, channels and
qualifiers; clashes name both places; an unknown honor error lists every unknown honor of the file at once."""
from __future__ import annotations

import shutil

import pytest

from kg.errors import FactsError, UnknownReference
from kg.facts.vocab import load_vocab, parse_vocab_text
from tests.conftest import CORPUS, DOC


def corpus_copy(tmp_path):
    return shutil.copytree(CORPUS, tmp_path / "data")


def test_shipped_vocab_files_are_known_not_counted():
    v = load_vocab(CORPUS)
    assert {"enterprise", "industryLevel", "county", "district", "nearly", "approximately"} <= set(v.concepts)
    assert v.concepts["enterprise"].rank == "5" and v.concepts["nearly"].kind == "qualifiers"


@pytest.mark.parametrize("text, message, line", [
    ("honors:\n- id: h\n  label: 甲\n", "honor 'h' needs a level", 2),
    ("levels:\n- id: x\n  label: 甲\n- id: x\n  label: 乙\n", "vocabulary id 'x' is defined twice (also at v.yaml:2)", 4),
    ("awards:\n- id: x\n  label: 甲\n", "unknown vocabulary kind 'awards'", 1),
    ("units:\n- id: x\n  label: 甲\n  colour: red\n", "concept 'x': unknown key(s) colour", 4),
    ("units:\n- id: 'x y'\n  label: 甲\n", "concept id 'x y' must be letters", 2),
    # found by the fuzz test (tests/fuzz_cli.py): an internal error, not a line
    ("units:\n- id: x\n  label: {1: 甲}\n", "concept 'x': '1' is not a language tag", 2),
    ("units:\n- id: x\n  label: {x: 甲}\n", "concept 'x': 'x' is not a language tag", 2),
])
def test_bad_vocabulary_file_names_the_line(text, message, line):
    with pytest.raises(FactsError) as err:
        parse_vocab_text(text, file="v.yaml")
    assert str(err.value).startswith(f"v.yaml:{line}: {message}")


def test_id_already_in_the_ontology_names_both_places(tmp_path):
    from kg.api import build

    corpus = corpus_copy(tmp_path)
    (corpus / "vocab" / "z.yaml").write_text("units:\n- id: person\n  label: 人\n", encoding="utf-8")
    with pytest.raises(FactsError, match=r"z.yaml:2: vocabulary id 'person' is already defined in ontology/ \(kg:person\)"):
        build(corpus=corpus, doc=DOC, write=False)


def test_unknown_level_names_the_closest(tmp_path):
    from kg.api import build

    corpus = corpus_copy(tmp_path)
    (corpus / "vocab" / "z.yaml").write_text("honors:\n- id: honor-x\n  label: 某奖\n  level: provincal\n", encoding="utf-8")
    with pytest.raises(UnknownReference, match=r"z.yaml:2: honor 'honor-x': unknown level 'provincal' \(closest known: provincial"):
        build(corpus=corpus, doc=DOC, write=False)


def test_every_unknown_honor_of_the_file_at_once_with_the_closest(tmp_path):
    from kg.api import build

    corpus = corpus_copy(tmp_path)
    facts = corpus / "documents" / DOC / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    for old, new in [("honor: honor-national-may-day-medal", "honor: honor-national-mayday-medal"),
                     ("honor: honor-great-craftsman", "honor: honor-great-craftsmen"),
                     ("honor: honor-ipc-presidents-award", "honor: 全国技术能手")]:
        assert old in text
        text = text.replace(old, new, 1)
    facts.write_text(text, encoding="utf-8")
    with pytest.raises(UnknownReference) as err:
        build(corpus=corpus, doc=DOC, write=False)
    msg = str(err.value)
    assert "3 unknown honors:" in msg and "\n" not in msg
    assert "honor 'honor-national-mayday-medal' (line" in msg and "closest: honor-national-may-day-medal" in msg
    assert "honor 'honor-great-craftsmen' (line" in msg and "closest: honor-great-craftsman" in msg
    assert "honor '全国技术能手' (line" in msg and "closest: honor-national-technical-expert" in msg  # by its Chinese name
    assert "data/vocab/*.yaml" in msg


def test_one_unknown_entity_keeps_the_plain_message(tmp_path):
    from kg.api import build

    corpus = corpus_copy(tmp_path)
    facts = corpus / "documents" / DOC / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("employer: crrc-zhuzhou-rolling-stock",
                                                               "employer: crrc-zhuzhou-rolling-stok", 1), encoding="utf-8")
    with pytest.raises(UnknownReference, match=r"employer points to unknown entity 'crrc-zhuzhou-rolling-stok' "
                                               r"\(closest known: crrc-zhuzhou-rolling-stock"):
        build(corpus=corpus, doc=DOC, write=False)
