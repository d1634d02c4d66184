"""What every rule shares: the context (text view, draft, registry, lexicon, dates) and text helpers.

>>> lex = lexicon()
>>> lex.person_at("陈静获IPC总裁奖", 0)
'陈静'
>>> lex.person_at("王建国进行了采访", 0)
'王建国'
>>> lex.role_before("机床厂总工", 5)
'总工'
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.extract.dates import DateContext
from kg.extract.draft import Draft, DraftFact
from kg.extract.known import Known
from kg.extract.normalize import CJK

HAN = f"[{CJK}]"
PUNCT = set("，,。.、；;：:！!？?“”\"‘’'《》〈〉「」『』()（）[]【】〔〕—-…·|/ \t\n")
SENT_END = "。！？!?\n"
# common words that start with a surname character: never a personal name
NOT_NAMES = frozenset("""范围 方面 方式 方法 方案 方向 高度 高效 程度 周边 周围 万元 于是 和谐 黄金 石油 金融 金额 林业 严格 常态 安全 安排
齐全 平台 平均 时间 时期 明确 文化 文件 江河 海洋 洪水 雷达 向前 向后 全面 全部 全体 全年 全国 全省 全市 关于 关键 毕业 管理 包括 成果
成功 成立 成为 成效 华北 华南 项目 易于 于此 任务 任何 任用 江南 江北 高端 高新 高校 高级 史上 王牌 马上 龙头 白色 石化 宁可 左右 向着
相关 有关 相应 相互 相同""".split())
# a two-character verb of speech or presence: a three-character name may not take its first character
# (副厅长鲁俊介绍 is 鲁俊 + 介绍)
SPEECH_VERBS = frozenset("""介绍 表示 指出 强调 认为 希望 提出 要求 谈到 回答 主持 出席 参加 致辞 讲话 宣布 透露 说明 告诉 带领 参观 调研
看望 慰问 颁发 颁奖""".split())


def _words(value) -> list[str]:
    if isinstance(value, str):
        return [w for w in re.split(r"\s+", value) if w]
    return [str(v) for v in value]


@dataclass(frozen=True)
class Lexicon:
    """Word lists of ``lexicon.yaml`` with the lookups the rules need."""

    surnames: frozenset[str]
    compound: tuple[str, ...]
    not_in_name: frozenset[str]
    roles: dict[str, str]             # role word -> group (leader, deputy, work)
    role_re: re.Pattern               # any role word
    role_end_re: re.Pattern           # a role word ending at the end of a string
    org_suffixes: dict[str, str]      # suffix -> class
    media: dict[str, str]
    publish_verbs: tuple[str, ...]
    activities: tuple[str, ...]
    stamps: tuple[str, ...]
    honor_suffixes: tuple[str, ...]
    honor_spellings: dict[str, str]   # 国务院政府特殊津贴 -> 国务院特殊津贴 (the vocabulary's name)
    topics: dict[str, tuple[str, ...]]
    provinces: tuple[str, ...]
    org_left_re: re.Pattern
    org_prefixes: frozenset[str]      # short names that open a body's name (国网, 南网): never a person's
    name_end: frozenset[str]
    measure_verb_re: re.Pattern       # a verb that opens a reported measure (建立, 推进, 组织, …)
    measure_adverb_re: re.Pattern     # adverbs that may stand before it (积极, 稳妥, 大力, …)

    def is_name(self, name: str) -> bool:
        """A plausible Chinese personal name: a surname and one or two given characters."""
        if not 2 <= len(name) <= 4 or not re.fullmatch(f"{HAN}+", name):
            return False
        for c in self.compound:
            if name.startswith(c):
                rest = name[len(c):]
                return 1 <= len(rest) <= 2 and not any(ch in self.not_in_name for ch in rest)
        if name[0] not in self.surnames or len(name) > 3 or name in NOT_NAMES or name[1:] in NOT_NAMES:
            return False
        return not any(ch in self.not_in_name for ch in name[1:])

    def listed_name(self, name: str) -> bool:
        """A name where a list puts one: ``is_name``, or (the place vouching for it) a surname and one or two
        characters ``is_name`` refuses inside a name (付一鸣), or three characters with a rarer surname (蹇木栋)."""
        if self.is_name(name):
            return True
        if not re.fullmatch(f"{HAN}{{2,3}}", name) or name in NOT_NAMES or name[1:] in NOT_NAMES:
            return False
        return name[0] in self.surnames or len(name) == 3

    def boundary(self, text: str, j: int, *, chain: bool = False) -> bool:
        """Whether a name may end before offset ``j``."""
        if j >= len(text):
            return True
        c = text[j]
        if c in PUNCT or c in self.name_end or self.role_re.match(text, j) or re.match(r"\d{1,2}日", text[j:j + 3]) \
                or re.match(r"\d+(?:余|多)?(?:名|人|位|年)", text[j:j + 8]):
            return True   # 副司长何良平13日在昆明表示: a date after the name; 高级技师尹东2名…, 李中江30余年: a count
        return chain and self.person_at(text, j, strict_end=True, chain=False) is not None

    def person_at(self, text: str, i: int, *, strict_end: bool = False, chain: bool = False) -> str | None:
        """The personal name starting at ``i``: three characters preferred, two when the third cannot be one.

        With ``strict_end`` the name must be followed by a boundary (punctuation, a role, a verb, or with
        ``chain`` another name, as in 省领导李强赵刚)."""
        lengths = []
        for c in self.compound:
            if text.startswith(c, i):
                lengths = [len(c) + 2, len(c) + 1]
                break
        else:
            if i >= len(text) or text[i] not in self.surnames:
                return None
            lengths = [3, 2]
        # a two-character name followed by a role word (张强副部长) is not 张强副, nor one followed by a verb of
        # speech (鲁俊介绍) 鲁俊介
        if (self.role_re.match(text, i + lengths[1]) and not self.role_re.match(text, i + lengths[0])) \
                or text[i + lengths[1]:i + lengths[1] + 2] in SPEECH_VERBS:
            lengths = lengths[1:]
        for n in lengths:
            cand = text[i:i + n]
            if len(cand) == n and self.is_name(cand) and (not strict_end or self.boundary(text, i + n, chain=chain)):
                return cand
        return None

    def role_before(self, text: str, end: int) -> str | None:
        """The longest role word ending at ``end``."""
        m = self.role_end_re.search(text[max(0, end - 12):end])
        return m.group(0) if m else None

    def role_at(self, text: str, i: int) -> str | None:
        m = self.role_re.match(text, i)
        return m.group(0) if m else None


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon (kg/extract/lexicon.yaml), loaded once."""
    data = yaml.load((Path(__file__).resolve().parent.parent / "lexicon.yaml").read_text(encoding="utf-8"),
                     Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    roles = {w: group for group, words in data["roles"].items() for w in words}
    alt = _alternation(roles)
    return Lexicon(
        surnames=frozenset("".join(_words(data["surnames"]))),
        compound=tuple(data["compound_surnames"]),
        not_in_name=frozenset("".join(_words(data["not_in_name"]))),
        roles=roles,
        role_re=re.compile(f"(?:{alt})"),
        role_end_re=re.compile(f"(?:{alt})$"),
        org_suffixes={s: cls for cls, words in data["org_suffixes"].items() for s in words},
        media=dict(data["media"]),
        publish_verbs=tuple(sorted(data["publish_verbs"], key=len, reverse=True)),
        activities=tuple(sorted(data["activities"], key=len, reverse=True)),
        stamps=tuple(data["stamps"]),
        honor_suffixes=tuple(sorted(data["honor_suffixes"], key=len, reverse=True)),
        honor_spellings=dict(data.get("honor_spellings") or {}),
        topics={k: tuple(v) for k, v in data["topics"].items()},
        provinces=tuple(data["provinces"]),
        org_left_re=re.compile(_alternation(data["org_left_words"])),
        org_prefixes=frozenset(data.get("org_prefixes") or ()),
        name_end=frozenset(str(data["name_end_chars"]).strip()),
        measure_verb_re=re.compile(f"(?:{_alternation(data['measure_verbs'])})"),
        measure_adverb_re=re.compile(f"(?:{_alternation(data['measure_adverbs'])}|连续[一二三四五六七八九十两\\d]+年)+"),
    )


_CACHE: dict[tuple[int, str], object] = {}


def cached(owner: object, key: str, factory):
    """A value built once per long-lived owner (the lexicon, the registry): compiled alternations of names."""
    k = (id(owner), key)
    if k not in _CACHE:
        _CACHE[k] = (owner, factory())   # keep the owner alive so its id is not reused
    return _CACHE[k][1]


@dataclass
class Context:
    """Everything a rule reads and writes."""

    draft: Draft
    known: Known
    lex: Lexicon
    dates: DateContext
    doc: DraftFact | None = None          # the document itself
    issuer: DraftFact | None = None       # who issued it
    city: DraftFact | None = None         # the polity of 我市 / 我省
    is_letter: bool = False
    header_end: int = 0                   # view offset where the body starts
    used: list[tuple[int, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.draft.view.text


WINDOW = 1500   # a sentence longer than this is cut: bounds never scan the whole text (linear time)
_SENT_RE = re.compile(r"[。！？!?\n]")
_CLAUSE_RE = re.compile(r"[。！？!?\n，,；;]")


def _bounds(marks: str, text: str, i: int, inclusive: bool) -> tuple[int, int]:
    lo = max(0, i - WINDOW)
    hi = min(len(text), i + WINDOW)
    s = max(max(text.rfind(c, lo, i) for c in marks) + 1, lo)
    ends = [p for p in (text.find(c, i, hi) for c in marks) if p >= 0]
    e = (min(ends) + (1 if inclusive else 0)) if ends else hi
    return s, e


def sentence_bounds(text: str, i: int) -> tuple[int, int]:
    """The sentence around offset ``i`` (ends at 。！？ or a line break, included)."""
    return _bounds(SENT_END, text, i, True)


def clause_bounds(text: str, i: int) -> tuple[int, int]:
    """The clause around ``i`` (also ends at ，,；;; the end mark is not included)."""
    return _bounds(SENT_END + "，,；;", text, i, False)


def topics_of(lex: Lexicon, text: str) -> list[str]:
    """Topic concepts whose keywords the text contains, in lexicon order."""
    return [t for t, words in lex.topics.items() if any(w in text for w in words)]
