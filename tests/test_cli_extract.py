"""`kg extract` and `kg eval` from the command line: drafts, reviews, bad input in one line."""
from __future__ import annotations

import subprocess
import sys

import yaml

from tests.conftest import ROOT, SOURCE

KG = [sys.executable, "-m", "kg.cli"]
MOHRSS = ROOT / "data" / "documents" / "mohrss-2018-reply-4264"


def run(*args):
    return subprocess.run([*KG, *args], capture_output=True, text=True)


def test_draft_of_the_letter_is_a_facts_file_with_exact_quotes(tmp_path):
    out = tmp_path / "draft.facts.yaml"
    r = run("extract", str(SOURCE), "-o", str(out))
    assert r.returncode == 0, r.stderr
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    text = SOURCE.read_text(encoding="utf-8")
    assert data["document"] == "reply-letter"
    for entry in data["facts"]:
        assert entry["origin"] == "extracted" and 0 < entry["confidence"] <= 1 and entry["rule"]
        for q in entry["quote"]:
            assert text[q["start"]:q["end"]] == q["text"]
    doc = next(e for e in data["facts"] if e.get("id") == "reply-letter")
    assert doc["identifier"] == "株人社字〔2022〕37号"


def test_gb18030_input_is_decoded_and_said(tmp_path):
    f = tmp_path / "gb.txt"
    f.write_bytes(SOURCE.read_text(encoding="utf-8").encode("gb18030"))
    r = run("extract", str(f))
    assert r.returncode == 0 and "GB18030" in r.stderr
    assert "株人社字〔2022〕37号" in r.stdout


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02" * 1000)
    for path in (binary, tmp_path / "missing.txt", tmp_path):
        r = run("extract", str(path))
        assert r.returncode == 2 and r.stderr.count("\n") == 1 and r.stderr.startswith("error: "), r.stderr
        assert "Traceback" not in r.stderr


def test_empty_file_gives_an_empty_draft(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    r = run("extract", str(empty))
    assert r.returncode == 0
    assert yaml.safe_load(r.stdout)["facts"] == []


def test_review_against_the_curated_file():
    r = run("extract", str(MOHRSS / "source.txt"), "--against", str(MOHRSS / "facts.yaml"))
    assert r.returncode == 0, r.stderr
    first = r.stdout.splitlines()[0]
    agree = int(first.split()[0])
    assert agree >= 18 and "lacking" in first


def test_eval_prints_per_kind_and_micro_average():
    r = run("eval", "--doc", "mohrss-2018-reply-4264")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[1].startswith("mohrss-2018-reply-4264")
    micro = lines[-1].split()
    assert micro[:2] == ["micro", "average"] and float(micro[2]) >= 0.9 and float(micro[3]) >= 0.9


def test_accepting_a_reviewed_draft_makes_curated_facts(tmp_path):
    draft = tmp_path / "facts.draft.yaml"
    assert run("extract", str(MOHRSS / "source.txt"), "-o", str(draft)).returncode == 0
    out = tmp_path / "facts.yaml"
    r = run("extract", "--accept", str(draft), "-o", str(out))
    assert r.returncode == 0, r.stderr
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    before = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert len(data["facts"]) == len(before["facts"]) > 5
    assert all(e["origin"] == "curated" and "rule" not in e and "confidence" not in e for e in data["facts"])


def test_a_50_mb_text_is_refused_in_one_line(tmp_path):
    big = tmp_path / "big.txt"
    line = SOURCE.read_text(encoding="utf-8").encode("utf-8")
    with open(big, "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    r = run("extract", str(big))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "--max-input-size" in r.stderr, r.stderr
