"""The benchmark corpus generator: corpus format, exact quotes, deterministic, documents independent of size."""
from __future__ import annotations

import yaml

from benchmarks.gen_corpus import generate


def _files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_layout_and_quotes(tmp_path):
    r = generate(tmp_path, docs=3, seed=7, check=True)  # check: every quote is words of its text
    assert r.documents == 3
    docs = sorted(p.name for p in (tmp_path / "documents").iterdir())
    assert docs == ["gen-00000", "gen-00001", "gen-00002"]
    data = yaml.safe_load((tmp_path / "documents" / "gen-00001" / "facts.yaml").read_text(encoding="utf-8"))
    assert data["document"] == "reply-letter" and data["source"]["file"] == "source.txt"
    facts = [f for f in data["facts"] if "id" in f]
    mentions = [f["mention"] for f in data["facts"] if "mention" in f]
    assert 110 <= len(facts) <= 150, len(facts)  # about the shipped letter's size
    registry = yaml.safe_load((tmp_path / "registry" / "entities.yaml").read_text(encoding="utf-8"))
    ids = {e["id"] for e in registry["entities"]}
    assert set(mentions) <= ids and "mohrss" in ids
    vocab = yaml.safe_load((tmp_path / "vocab" / "generated-honors.yaml").read_text(encoding="utf-8"))
    assert all(h["level"] in ("provincial", "municipal") for h in vocab["honors"])
    # varied: the three letters name different people
    names = [{f["label"]["zh"] for f in yaml.safe_load((tmp_path / "documents" / d / "facts.yaml").read_text(
        encoding="utf-8"))["facts"] if f.get("a") == "Person"} for d in docs]
    assert names[0] != names[1] and len(names[0]) >= 15


def test_deterministic_and_prefix_stable(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate(a, docs=4, seed=3)
    generate(b, docs=4, seed=3)
    assert _files(a) == _files(b)
    generate(c, docs=2, seed=3)
    fa, fc = _files(a), _files(c)
    assert all(fa[k] == v for k, v in fc.items() if k.startswith("documents/"))
    generate(c, docs=1, seed=4)  # shrinking removes the documents of the earlier run
    assert sorted(p.name for p in (c / "documents").iterdir()) == ["gen-00000"]
    assert _files(c)["documents/gen-00000/source.txt"] != fa["documents/gen-00000/source.txt"]
