"""Read a raw document: bytes -> text, with its encoding detected and its script noted.

Order of decoding (strict, no replacement characters): UTF-8 (with or without BOM), UTF-16 with a BOM,
then GB18030 and Big5, the two legacy encodings of Chinese government pages. Both of those decode many
byte strings without error, so when both succeed the one whose text reads as Chinese (the share of
common characters) wins. Binary data (NUL bytes, or mostly control characters) is refused; files larger
than ``max_bytes`` are refused with the option that raises the limit.

>>> decode_bytes("技能大师工作室".encode("gb18030")).encoding
'gb18030'
>>> decode_bytes("技能大師工作室".encode("big5")).encoding
'big5'
>>> decode_bytes(b"\\xef\\xbb\\xbf\\xe4\\xba\\xba").text
'人'
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError

#: default largest input, in bytes (the CLI passes ``--max-input-size`` / ``KG_MAX_INPUT_MB``)
MAX_BYTES = 16 * 1024 * 1024   # one document of the genre is a few kB; a bigger text is refused unless the user raises the limit

# Frequent characters of modern Chinese, simplified and traditional forms (a decoding plausibility test).
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行"
    "学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外"
    "天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情"
    "者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角"
    "期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交"
    "受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节"
    "话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备"
    "半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候毛亲快效院查江型眼王按格养易置派层片始"
    "却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞人才培训职业竞赛荣誉能匠师"
    "這們個來為對發會國說時後過還點現實從體當於進動開種麼長機將關經與學問還樣產頭員應門見無讓"
    "業務會議設計營運華電視報導辦區縣術師藝職訓練獎選舉級義廣東處總專項條規劃幹該環費證據認識"
)


@dataclass(frozen=True)
class Decoded:
    """A decoded text, the encoding it was read with and notes for the reader (one line each)."""

    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)


def _chinese_score(text: str) -> float:
    """Share of CJK ideographs that are common characters (0 when there are none)."""
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"]
    if not cjk:
        return 0.0
    return sum(c in _COMMON for c in cjk) / len(cjk)


def _is_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(head) // 20)


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> Decoded:
    """Decode a document's bytes; an undecodable or binary input is an InputError naming ``name``."""
    if data.startswith(b"\xef\xbb\xbf"):
        return Decoded(data[3:].decode("utf-8", errors="strict"), "utf-8-sig", ["UTF-8 with a byte-order mark"])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16", ["UTF-16 (byte-order mark)"])
        except UnicodeDecodeError:
            raise InputError("starts with a UTF-16 byte-order mark but is not valid UTF-16", file=name) from None
    if _is_binary(data):
        raise InputError("binary file, not a text document", file=name, hint="give a plain-text .txt file")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_chinese_score(text), enc, text))
    if not candidates:
        raise InputError("cannot decode the text: not UTF-8, GB18030 or Big5", file=name,
                         hint="convert it to UTF-8, e.g. iconv -f ENCODING -t UTF-8")
    score, enc, text = max(candidates, key=lambda c: (c[0], c[1] == "gb18030"))
    if score < 0.2 and _chinese_score(text) == 0 and not text.isascii():
        raise InputError("cannot decode the text as Chinese (not UTF-8, GB18030 or Big5)", file=name,
                         hint="convert it to UTF-8, e.g. iconv -f ENCODING -t UTF-8")
    label = {"gb18030": "GB18030", "big5": "Big5"}[enc]
    return Decoded(text, enc, [f"decoded as {label} (not UTF-8); quotes are offsets into the decoded text"])


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a file's bytes, refusing a missing file, a directory or a file above ``max_bytes``."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError("is a folder, not a text file", file=str(path))
        if size > max_bytes:
            raise InputError(f"file is {size / 1e6:.1f} MB, above the limit of {max_bytes / 1e6:.0f} MB for one document",
                             file=str(path), hint="split it into documents, or raise the limit with --max-input-size MB")
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("file not found", file=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=str(path)) from None
    if len(data) > max_bytes:
        raise InputError(f"file is above the limit of {max_bytes / 1e6:.0f} MB for one document", file=str(path),
                         hint="split it into documents, or raise the limit with --max-input-size MB")
    return data
