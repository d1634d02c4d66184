"""Facts files: parsing, line numbers, and one-line errors for bad input."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import FactsError
from kg.facts.loader import load_facts, parse_facts_text

HEAD = "source: s.txt\ndocument: d\nfacts:\n"


def test_shipped_facts_all_curated_with_quotes(tmp_path):
    from tests.conftest import FACTS

    fs = load_facts(FACTS)
    assert fs.document == "reply-letter" and len(fs.facts) == 164 and len(fs.mentions) == 21
    assert fs.doc_id == "zhuzhou-2022-37" and fs.source == "000_cac52bcbbc1639b0.txt"
    assert fs.source_info.publisher == "株洲市人力资源和社会保障局" and fs.source_info.url is None
    assert "unknown" in fs.source_info.note  # the letter's address is not known: the file says so
    assert all(f.origin == "curated" and f.quotes for f in fs.facts)
    assert all(m.origin == "curated" and m.quotes for m in fs.mentions)
    assert {m.id for m in fs.mentions} >= {"mohrss", "zhuzhou", "hunan-skills-2022", "tang-tao"}
    yi = next(f for f in fs.facts if f.id == "yi-ran")
    assert yi.label == {"zh": "易冉", "en": "Yi Ran"} and yi.props["employer"] == ["crrc-zhuzhou-rolling-stock"]


@pytest.mark.parametrize("body, message, line", [
    ("- id: a\n  a: Person\n  label: x\n  quote: [unclosed\n", "malformed YAML", None),
    ("- id: a\n  a: Person\n  label: x\n", "fact 'a' has no 'quote'", 4),
    ("- id: a\n  a: Person\n  label: x\n  quote: x\n- id: a\n  a: Person\n  label: y\n  quote: y\n", "defined twice in this document (first on line 4)", 8),
    ("- id: A B\n  a: Person\n  label: x\n  quote: x\n", "must be lower-case", 4),
    ("- id: a\n  a: Person\n  label: x\n  quote: x\n  origin: guessed\n", "origin must be one of", 4),
    ("- id: a\n  a: Person\n  label: x\n  quote: x\n  confidence: 2\n", "confidence must be a number from 0 to 1", 4),
])
def test_bad_facts_give_file_and_line(body, message, line):
    with pytest.raises(FactsError) as err:
        parse_facts_text(HEAD + body, file="bad.yaml")
    text = str(err.value)
    assert message in text and text.startswith("bad.yaml:")
    if line:
        assert text.startswith(f"bad.yaml:{line}:")
    assert "\n" not in text


def test_missing_file():
    from pathlib import Path

    with pytest.raises(FactsError, match="facts file not found"):
        load_facts(Path("/nonexistent/x.facts.yaml"))


ENTRY = "- id: a\n  a: Person\n  label: x\n  quote: x\n"


@pytest.mark.parametrize("body, message, line", [
    ('- id: "x\\n"\n  a: Person\n  label: x\n  quote: x\n', "fact id 'x\\n' must be lower-case", 4),
    ("- id: a\n  a: Person\n  label: {'zh cn': x}\n  quote: x\n", "'zh cn' is not a language tag", 4),
    ("- id: a\n  a: Person\n  label: {1: x}\n  quote: x\n", "label must be text or a map", 4),
    ("- id: a\n  a: Person\n  label: {x: 易冉}\n  quote: x\n", "'x' is not a language tag", 4),  # fuzz: Oxigraph's rule
    (ENTRY + "  date: 2022-02-30\n", "'2022-02-30' is not a date that exists", 8),
    (ENTRY + "  value: " + "9" * 5000 + "\n", "number of 5000 characters; at most 30", 8),
    (ENTRY + "  value: .nan\n", "'.nan' is not a finite number", 8),
    (ENTRY + "  value: 1.0e+309\n", "'1.0e+309' is not a finite number", 8),
    (ENTRY + "  value: -.inf\n", "is not a finite number", 8),
    (ENTRY + "  note: {a: 1}\n", "fact 'a': note must be text", 8),
    (ENTRY + "  altLabel: [{a: 1}]\n", "fact 'a': altLabel must be text", 8),
    (ENTRY + "  x: &r [*r]\n", "a YAML alias refers to itself", 8),
    (ENTRY + "  x: " + "[" * 500 + "]" * 500 + "\n", "nest", 8),
    (ENTRY + "  ? [k]\n  : v\n", "a key must be text", 8),
    (ENTRY + "  note: a\x07b\n", "character U+0007 is not allowed in YAML", 8),
    ("- id: {a: 1}\n  a: Person\n  label: x\n  quote: x\n", "a fact id must be text", 4),
    ("- id: a\n  a: [Person]\n  label: x\n  quote: x\n", "'a' must be the name of a class", 4),
    # a core tag on a node of another kind (were a wrong message or an internal error)
    (ENTRY + "  label: !!str {zh: x}\n", "expected a scalar node, but found mapping", 8),
    (ENTRY + "  note: !!str [x]\n", "expected a scalar node, but found sequence", 8),
    (ENTRY + "  altLabel: !!seq x\n", "expected a sequence node, but found scalar", 8),
    (ENTRY + "  label: !!map x\n", "expected a mapping node, but found scalar (remove the !!map tag)", 8),
    (ENTRY + "  label: !!map [x]\n", "expected a mapping node, but found sequence", 8),
    (ENTRY + "  value: !!int {a: 1}\n", "expected a scalar node, but found mapping", 8),
])
def test_hostile_facts_refused_with_file_and_line(body, message, line):
    with pytest.raises(FactsError) as err:
        parse_facts_text(HEAD + body, file="bad.yaml")
    text = str(err.value)
    assert message in text and text.startswith(f"bad.yaml:{line}:"), text
    assert "\n" not in text and "__line" not in text


def test_alias_bomb_refused_quickly():
    """A "billion laughs": 9 levels of 9 aliases would expand to 387 million values."""
    import time

    lines = ["  x0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"  x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    start = time.perf_counter()
    with pytest.raises(FactsError, match=r"bad.yaml:\d+: YAML aliases expand to more than 10000 nodes"):
        parse_facts_text(HEAD + ENTRY + "\n".join(lines) + "\n  value: *a9\n", file="bad.yaml")
    assert time.perf_counter() - start < 1


def test_small_aliases_still_work():
    fs = parse_facts_text(HEAD + "- id: a\n  a: Person\n  label: &l {zh: 易冉}\n  quote: x\n"
                          "- id: b\n  a: Person\n  label: *l\n  quote: y\n", file="ok.yaml")
    assert [f.label for f in fs.facts] == [{"zh": "易冉"}, {"zh": "易冉"}]


def test_facts_file_size_limit(tmp_path, monkeypatch):
    from kg.inputs import ENV_MAX_INPUT_MB

    path = tmp_path / "big.facts.yaml"
    path.write_text(HEAD + ENTRY + "# " + "x" * 2_000_000 + "\n", encoding="utf-8")
    monkeypatch.setenv(ENV_MAX_INPUT_MB, "1")
    with pytest.raises(FactsError, match=r"facts file is 1\.91 MB, above the limit of 1 MB .*KG_MAX_INPUT_MB"):
        load_facts(path)
    monkeypatch.setenv(ENV_MAX_INPUT_MB, "3")
    assert load_facts(path).facts[0].id == "a"


def test_facts_file_that_is_a_device_or_directory(tmp_path):
    with pytest.raises(FactsError, match="not a regular file"):
        load_facts(Path("/dev/zero"))
    with pytest.raises(FactsError, match="is a directory"):
        load_facts(tmp_path)


def _general_construction(text: str):
    """The data as the general constructor builds it (the fast path bypassed)."""
    from kg.facts import loader

    ld = loader._LineLoader(text)
    try:
        node = ld.get_single_node()
        loader._check_expansion(node)
        return ld.construct_document(node)
    finally:
        ld.dispose()


@pytest.mark.parametrize("path", sorted(Path(__file__).resolve().parent.parent.glob("data/**/*.yaml")),
                         ids=lambda p: p.name)
def test_fast_construction_is_the_general_one(path):
    """Plain facts files are built by a direct walk of the node tree: the same values, types and lines."""
    import yaml

    from kg.facts.loader import _LineLoader

    text = path.read_text(encoding="utf-8")
    fast = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    general = _general_construction(text)
    assert repr(fast) == repr(general) and fast == general
    assert fast["__lines__"]


def test_fast_construction_leaves_aliases_and_tags_to_the_general_one():
    import yaml

    from kg.facts.loader import _LineLoader

    text = "a: &x {k: 1, d: 2022-07-03}\nb: *x\ne: !!set {p: null}\nf: [1.5, true, ~, '3']\n"
    got = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    assert repr(got) == repr(_general_construction(text))
    assert got["b"] is got["a"] and got["b"]["d"].isoformat() == "2022-07-03" and got["e"] == {"p"}
    assert got["f"] == [1.5, True, None, "3"]
