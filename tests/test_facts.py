"""Facts files: parsing, line numbers, and one-line errors for bad input."""
from __future__ import annotations

import pytest

from kg.errors import FactsError
from kg.facts.loader import load_facts, parse_facts_text

HEAD = "source: s.txt\ndocument: d\nfacts:\n"


def test_shipped_facts_all_curated_with_quotes(tmp_path):
    from tests.conftest import FACTS

    fs = load_facts(FACTS)
    assert fs.document == "reply-letter" and len(fs.facts) == 139
    assert all(f.origin == "curated" and f.quotes for f in fs.facts)
    yi = next(f for f in fs.facts if f.id == "yi-ran")
    assert yi.label == {"zh": "易冉", "en": "Yi Ran"} and yi.props["employer"] == ["crrc-zhuzhou-rolling-stock"]


@pytest.mark.parametrize("body, message, line", [
    ("- id: a\n  a: Person\n  label: x\n  quote: [unclosed\n", "malformed YAML", None),
    ("- id: a\n  a: Person\n  label: x\n", "fact 'a' has no 'quote'", 4),
    ("- id: a\n  a: Person\n  label: x\n  quote: x\n- id: a\n  a: Person\n  label: y\n  quote: y\n", "used twice", 8),
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
