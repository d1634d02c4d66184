"""Reading raw documents: encodings, binary files, size limits, traditional script (kg.extract.reading, script, normalize)."""
from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.extract.normalize import make_view
from kg.extract.reading import decode_bytes, read_bytes
from kg.extract.script import is_traditional, to_simplified


@pytest.mark.parametrize("encoding, label", [("gb18030", "gb18030"), ("big5", "big5"), ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig")])
def test_letter_decodes_from_each_encoding(source_text, encoding, label):
    text = source_text
    if encoding == "big5":  # Big5 has traditional characters only: the letter in traditional script
        import zhconv

        text = "".join(c if _big5_ok(c) else "?" for c in zhconv.convert(source_text, "zh-hant"))
    decoded = decode_bytes(text.encode(encoding, errors="strict"))
    assert decoded.encoding == label
    assert decoded.text == text


def _big5_ok(c: str) -> bool:
    try:
        c.encode("big5")
        return True
    except UnicodeEncodeError:
        return False


def test_binary_and_undecodable_input_is_refused_in_one_line():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(png, name="x.png")
    with pytest.raises(InputError, match="cannot decode"):
        decode_bytes(b"\xfd\xfe\xff" * 50 + b"\x81", name="x.txt")


def test_size_limit_names_the_option(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # a 50 MB file (sparse)
    with pytest.raises(InputError, match="--max-input-size"):
        read_bytes(big, max_bytes=16 * 1024 * 1024)
    with pytest.raises(InputError, match="folder"):
        read_bytes(tmp_path)
    with pytest.raises(InputError, match="not found"):
        read_bytes(tmp_path / "missing.txt")


def test_traditional_script_is_detected_and_mapped_one_to_one(source_text):
    import zhconv

    trad = zhconv.convert(source_text, "zh-hant")
    assert is_traditional(trad) and not is_traditional(source_text)
    simple, changed = to_simplified(trad)
    assert len(simple) == len(trad) and changed > 100
    view = make_view(trad)
    assert "人力资源和社会保障" in view.text and view.notes and "traditional" in view.notes[0]


def test_view_removes_spaces_inside_names_and_keeps_raw_quotes(source_text):
    view = make_view(source_text)
    i = view.text.index("承办人:万怡")
    assert view.quote(i, i + len("承办人:万怡")) == "承  办  人：万  怡"
    s, e = view.raw_span(i + 4, i + 6)
    assert source_text[s:e] == "万  怡"
