"""Evaluation by meaning (kg.extract.evaluation) and the review diff (kg.extract.review)."""
from __future__ import annotations

from pathlib import Path

from kg.extract.evaluation import Score, compare, evaluate, items_of
from kg.extract.known import load_known
from kg.extract.review import diff

ROOT = Path(__file__).resolve().parent.parent


def test_items_match_by_names_and_aliases_not_ids():
    known = load_known()
    curated = items_of([{"mention": "mohrss", "quote": "人社部"},
                        {"id": "p1", "a": "Person", "label": {"zh": "汤涛"}},
                        {"id": "m1", "a": "Membership", "member": "p1", "role": "r1"},
                        {"id": "r1", "a": "Role", "label": {"zh": "副部长"}}], known)
    extracted = items_of([{"id": "org-9", "a": "GovernmentBody", "label": {"zh": "人力资源社会保障部"}},
                          {"id": "person-3", "a": "Person", "label": {"zh": "汤涛"}},
                          {"id": "membership-1", "a": "Membership", "member": "person-3", "role": "role-2"},
                          {"id": "role-2", "a": "Role", "label": {"zh": "副部长"}}], known)
    scores = compare(extracted, curated)
    assert {k: (s.tp, s.extracted, s.curated) for k, s in scores.items()} == {
        "person": (1, 1, 1), "organization": (1, 1, 1), "role": (1, 1, 1)}


def test_counts_need_the_same_qualifier():
    known = load_known()
    cur = items_of([{"id": "o", "a": "Observation", "value": 430, "unit": "person", "qualifier": "moreThan"}], known)
    same = items_of([{"id": "x", "a": "Observation", "value": 430, "unit": "person", "qualifier": "moreThan"}], known)
    other = items_of([{"id": "x", "a": "Observation", "value": 430, "unit": "person", "qualifier": "exactly"}], known)
    assert compare(same, cur)["count"].tp == 1 and compare(other, cur)["count"].tp == 0


def test_review_names_changed_metadata():
    known = load_known()
    cur = items_of([{"id": "d", "a": "ReplyLetter", "identifier": "人社建字〔2018〕24号", "date": "2018-06-30"}], known, document="d")
    ext = items_of([{"id": "d", "a": "ReplyLetter", "identifier": "人社建字〔2018〕24号", "date": 2018}], known, document="d")
    r = diff(ext, cur)
    assert r.matched == 1 and r.changed == ["date: 2018 (curated: 2018-06-30)"] and not r.added and not r.lacking


def test_corpus_figures():
    """Micro averages over the curated documents (the two held-out ones included)."""
    results = evaluate(ROOT / "data")
    micro = Score()
    for r in results:
        micro.add(r.total)
    assert {r.doc_id for r in results} >= {"zhuzhou-2022-37", "mohrss-2018-reply-4264", "ordos-2023-reply-52025"}
    assert micro.precision >= 0.95 and micro.recall >= 0.92, (micro.precision, micro.recall)
    measure = Score()
    for r in results:
        measure.add(r.scores.get("measure", Score()))
    assert measure.precision >= 0.95 and measure.recall >= 0.9, (measure.precision, measure.recall)
