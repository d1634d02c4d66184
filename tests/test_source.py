"""Source texts are read verbatim and quotes are located by code-point offsets."""
from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.sources.text import read_source
from tests.conftest import SOURCE


def test_source_offsets_and_hash():
    src = read_source(SOURCE)
    start, end = src.locate("株人社字〔2022〕37号")
    assert src.text[start:end] == "株人社字〔2022〕37号"
    assert src.locate("不在原文中的话") is None
    assert len(src.sha256) == 64 and src.stem == "000_cac52bcbbc1639b0"


def test_shipped_copy_is_the_seed_verbatim():
    seed = SOURCE.parents[3] / "shared" / "seed" / SOURCE.name
    if not seed.exists():
        pytest.skip("shared/seed not beside this checkout")
    assert seed.read_bytes() == SOURCE.read_bytes()


def test_not_utf8(tmp_path):
    bad = tmp_path / "x.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InputError, match="not UTF-8"):
        read_source(bad)
