"""What a measure of a reply letter reports was done inside it: one ``kg:Action`` per clause that opens with a
measure verb (建立, 扎实推进, 开展了…), ``sectionOf`` the measure, titled with the text's own words.

Sentences split on 。；, clauses on ，, outside quotes and titles (a policy's quoted words are not measures).
A clause is a measure when, after its connectives (同时, 此外), a time (2019年起), a subject that is the
writer (我市, 我局, the issuer, the city's bodies) and adverbs (扎实, 连续三年), it opens with a measure verb
of the lexicon, or the verb follows a prepositional phrase (在全区首先制定…, 针对…等方面提出…) or takes 了
(…重点行业开展了…), or a quoted title ends in 出台. Left out: purposes (为…, 旨在…), results and evaluations
(形成了…, 充分体现了…, sentences about 本次…), what others did (省政府办公厅发布…, a requirement 要求…), negations,
per-head details (每人补贴…), what the writer will do (我们将…: commitments) and 一是/二是 items.

>>> from kg.extract.pipeline import extract_text
>>> d = extract_text("测人社函〔2021〕8号\\n对第1号建议的答复\\n一、突出技能培训，让技能人才成长有通道。"
...                  "同时，扎实推进技能等级认定工作，为企业培养人才。本次培训气氛热烈，充分体现了成效。")
>>> [(f.first("title"), f.first("ordinal")) for f in d.facts if f.rule == "measure.reported"]
[('扎实推进技能等级认定工作', 1)]
"""
from __future__ import annotations

import re

from kg.extract.rules.base import Context

ENTITY_CLASSES = ("Person", "GovernmentBody", "Company", "MediaOutlet", "Team", "Association", "Organization", "School",
                  "Municipality", "Place")
_OPEN, _CLOSE = "“《(（〔[「『", "”》)）〕]」』"
_SENT = set("。；;！？!?\n")
_CLAUSE = set("，,")
CONNECTIVE = re.compile(r"(?:同时|并且|并|而且|还|另外|此外|特别是|尤其是|相继|就|也|均|都|已经|已|又)")
TIME = re.compile(r"(?:早在|自|从|在)?(?:\d{4}年|今年|去年|同年|当年|近年来|近年|目前|截至目前)(?:\d{1,2}月(?:\d{1,2}日)?)?"
                  r"(?:起|以来|开始|以后|后)?|\d{1,2}月\d{1,2}日")
WE = re.compile(r"(?:我市|我局|我们|我部|我厅|我省|我区|我县|我委|我院|我州|我旗|全市|全省|全区|全县)")
#: what a clause may open with when it is not itself a measure: purposes, means, results, evaluations
NOT_MEASURE = re.compile(r"(?:为|旨在|从而|进而|以便|以|通过|努力|充分|使|让|是|既|每|成为|形成|营造|取得|得到|实现)")
#: prepositions a measure verb may follow after a phrase (在全区首先制定, 针对…重点行业开展了…)
PREP = re.compile(r"(?:在|围绕|聚焦|对|向|按照|按|由|从|针对|面向|结合|根据|依据|紧扣|立足|先后在|分别在)")
STOP = re.compile(r"要求(?=[^,，;；。和与及])|旨在|从而|进而|以便")
#: words that introduce what another text says (《政府工作报告》…明确提出:…): the rest of the paragraph is its content
QUOTING = re.compile(r"(?:明确提出|提出|指出|要求|强调|规定)[:：]")
#: a clause that names a measure as a noun (…是实施乡村振兴战略的重大举措): a description, not a measure taken
NOUN_PHRASE = re.compile(r"的(?:重大|重要|有效|关键|具体|主要|基础性|根本)?(?:举措|措施|抓手|途径|工程|任务|手段|方式|内容|意义|基础|保障|支撑|环节|目标)$")
NEGATION = re.compile(r"不|未|没有|一律|禁止")
DEMONSTRATIVE = re.compile(r"(?:本届|本次|该|这|此|其)")
COOPERATE = re.compile(r"(?:对接|联合|会同|协调)[^,，]*(?:部门|单位|机构|等)$")
TRAILING = re.compile(r"(?:\d+(?:\.\d+)?[万千百]?[余多]?(?:人次|家|个|名|人|项|所|次|场|期|批)|等)$")
WILL = re.compile(r"(?:我们|我局|我厅|我部|我委|我市|我省|我区|我县)(?:将|要)|下一步")
ITEMS = re.compile(r"[一二三四五六七八九十]是")


def _pieces(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """Sentences of text[start:end], each a list of clause spans, split outside quotes and brackets."""
    sentences: list[list[tuple[int, int]]] = []
    clauses: list[tuple[int, int]] = []
    depth = 0
    s = start
    for i in range(start, end):
        c = text[i]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and (c in _SENT or c in _CLAUSE):
            if i > s:
                clauses.append((s, i))
            s = i + 1
            if c in _SENT:
                if clauses:
                    sentences.append(clauses)
                clauses = []
    if end > s:
        clauses.append((s, end))
    if clauses:
        sentences.append(clauses)
    return sentences


def _strip(text: str, i: int, end: int, rx: re.Pattern) -> int:
    m = rx.match(text, i, end)
    return m.end() if m else i


class _Reader:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.text = ctx.text
        self.lex = ctx.lex
        city = ctx.city.label if ctx.city is not None else ""
        self.city_core = re.sub(r"(?:市|省|区|县|州|盟|旗)$", "", city) if len(city) > 2 else city

    def ours(self, fact) -> bool:
        """Whether an entity is the writer: the issuer, the city, or a body of the city (其市委, 市政府)."""
        ctx = self.ctx
        if fact is ctx.issuer or fact is ctx.city:
            return True
        if fact.cls == "Person" or fact.cls == "MediaOutlet":
            return False
        return bool(self.city_core) and self.city_core in fact.label

    def subject(self, i: int, end: int) -> tuple[int, list, bool]:
        """(offset after the subject, its agents, whether a subject that is not the writer opens here)."""
        text, ctx = self.text, self.ctx
        m = WE.match(text, i, end)
        if m:
            word = m.group(0)
            agent = ctx.issuer if word in ("我局", "我们", "我部", "我厅", "我委", "我院") else ctx.city
            return m.end(), [agent] if agent is not None else [], False
        agents = []
        j = i
        while True:
            hits = [(s, e, f) for s, e, f in ctx.draft.within(j, j + 1, *ENTITY_CLASSES) if s == j]
            if not hits:
                break
            s, e, f = max(hits, key=lambda h: h[1])
            if not self.ours(f):
                return i, [], True
            agents.append(f)
            j = e
            if j < end and text[j] == "、":
                j += 1
                continue
            break
        if not agents:
            return i, [], False
        return j, agents, False

    def measure(self, cs: int, ce: int) -> tuple[int, int, list, str] | None:
        """(title start, title end, agents, why-not) of a clause: a title span when it is a measure."""
        text, lex = self.text, self.lex
        i = cs
        agents: list = []
        for _ in range(4):
            j = _strip(text, i, ce, CONNECTIVE)
            j = _strip(text, j, ce, TIME)
            k, found, other = self.subject(j, ce)
            if other:
                return (0, 0, [], "other")
            agents = found or agents
            if k == i:
                break
            i = k
        if text.startswith("由", i):      # 由市妇联牵头…举办了…: who does it
            k, found, _ = self.subject(i + 1, ce)
            if found or k > i + 1:
                agents = found
            else:
                hits = [f for s, e, f in self.ctx.draft.within(i + 1, i + 2, *ENTITY_CLASSES) if s == i + 1]
                agents = hits[:1] or agents
        if i >= ce:
            return (0, 0, agents, "subject" if agents else ("time" if TIME.search(text, cs, ce) else "empty"))
        if agents and i > cs:
            why = "subject"
        else:
            why = "context"
        if NOT_MEASURE.match(text, i, ce) and not lex.measure_adverb_re.match(text, i, ce):
            return (0, 0, agents, "result" if why == "subject" else why)
        start = None
        a = lex.measure_adverb_re.match(text, i, ce)
        after_adv = a.end() if a else i
        vm = lex.measure_verb_re.match(text, after_adv, ce)
        if vm:
            start = i
        else:
            # 主动为企业提供…, 将培训课程送到…: an adverb or 将 opens the clause, a phrase, then the verb
            opener = (a is not None and text.startswith("为", after_adv)) or text.startswith("将", i)
            after_prep = a is not None and PREP.match(text, after_adv, ce) is not None   # 先后在…单位建立…
            for vm in lex.measure_verb_re.finditer(text, i + 1, ce):
                p = vm.start()
                before = text[i:p]
                if text[p - 1] in "“《\"" or (PREP.match(text, after_adv, p) and PREP.match(text, after_adv, p).end() == p):
                    continue
                if opener:
                    start = i
                    break
                if after_prep or re.search(f"(?:{lex.measure_adverb_re.pattern})$", before) \
                        or before.endswith(("方面", "领域")) or text.startswith("了", vm.end()) \
                        or (vm.end() >= ce and before.endswith(("”", "》"))) \
                        or (PREP.match(text, i, p) and p - i > 4 and before.endswith(("集群", "企业", "单位", "地区"))):
                    start = p
                    break
            else:
                vm = None
        if vm is None:
            return (0, 0, agents, why)
        if NEGATION.search(text, i, vm.start()):
            return (0, 0, agents, why)
        end = ce
        if vm.end() >= ce:          # the verb ends the clause: only a quoted title's 出台 (“…”出台)
            if not (vm.group(0) in ("出台", "实施") and text[i:vm.start()].endswith(("”", "》"))):
                return (0, 0, agents, why)
            start = i
        if COOPERATE.match(text, start, ce):
            return (0, 0, agents, why)
        while True:
            t = TRAILING.search(text, start, end)
            if not t or t.start() - start < 4:
                break
            end = t.start()
        if end - start < 4:
            return (0, 0, agents, why)
        return start, end, agents, ""


def reported_actions(ctx: Context, parent, start: int, end: int, *, ordinal: int = 0) -> list:
    """Draft the measures reported in text[start:end] as actions ``sectionOf`` ``parent``; returns them in order."""
    from kg.extract.rules.measures import _topics

    text, draft = ctx.text, ctx.draft
    reader = _Reader(ctx)
    out = []
    quoted_until = -1
    for clauses in _pieces(text, start, end):
        s0, e0 = clauses[0][0], clauses[-1][1]
        if s0 < quoted_until:
            continue      # the content of another text, quoted after its 明确提出:
        q = QUOTING.search(text, s0, e0)
        if q:
            nl = text.find("\n", q.end())
            quoted_until = nl if nl >= 0 else end
        if WILL.search(text, s0, e0) or ITEMS.search(text, s0, e0):
            continue      # commitments and 一是/二是 items are drafted by their own rules
        first = _strip(text, _strip(text, clauses[0][0], e0, CONNECTIVE), e0, TIME)
        if DEMONSTRATIVE.match(text, first, e0):
            continue      # about 本次活动, 该工作…: an evaluation, not a measure
        if re.match(r"(?:您|你)", text[first:first + 1]):
            continue      # 您在建议中…提出了…: what the suggestion says, not a measure
        pending = None
        sentence_agents: list = []
        for cs, ce in clauses:
            if STOP.search(text, cs, ce - 1) or QUOTING.search(text, cs, ce):
                break     # a requirement, a purpose or another text's words: the rest of the sentence is not a measure
            while cs < ce and text[cs].isspace():
                cs += 1
            while ce > cs and text[ce - 1].isspace():
                ce -= 1
            ts, te, agents, why = reader.measure(cs, ce)
            if why == "other":
                if (cs, ce) == clauses[0]:
                    break  # the sentence's subject is someone else (省政府办公厅发布…)
                pending = None
                continue
            if why:
                if agents:
                    sentence_agents = agents
                if why != "empty":
                    pending = None if why in ("subject", "result") else (pending if pending is not None else cs)
                continue
            agents = agents or sentence_agents
            sentence_agents = agents
            qs = pending if pending is not None else cs
            pending = None
            title = draft.quote((ts, te))
            if title is None or NOUN_PHRASE.search(text, ts, te):
                continue
            ordinal += 1
            a = draft.fact("Action", title.text, (qs, ce), rule="measure.reported", confidence=0.6,
                           key=("reported", parent.id, ts))
            a.set("title", title.text)
            a.set("ordinal", ordinal)
            a.set("sectionOf", parent)
            for agent in agents:
                a.add("actor", agent)
            _topics(ctx, a, title.text)
            out.append(a)
    return out
