"""What a reply letter says was done and will be done: numbered sections (一、突出技能培训，让…) as actions
(or as sections when they name a question: 一、关于完善…问题), their 一是/二是 items and 下一步 as commitments.

>>> from kg.extract.pipeline import extract_text
>>> d = extract_text("湘人社函〔2021〕8号\\n对第1号建议的答复\\n一、突出技能培训，让技能人才成长有通道。测试市委高度重视。")
>>> [(f.cls, f.first("title"), f.first("ordinal")) for f in d.facts if f.cls in ("Action", "LetterSection")]
[('Action', '突出技能培训', 1)]
"""
from __future__ import annotations

import re

from kg.extract.numerals import parse_number
from kg.extract.rules.base import Context, topics_of
from kg.extract.rules.reported import TIME as TIME_ONLY, reported_actions

HEADING = re.compile(r"(?m)^[ \t]*(?P<n>[一二三四五六七八九十]{1,3})、(?P<title>[^,，。:：;；\n]{2,40})(?P<rest>[^\n]*)")
SUBITEM = re.compile(r"(?m)^[ \t]*[(（](?P<n>[一二三四五六七八九十]{1,2})[)）](?P<title>[^,，。:：;；\n]{2,40})")
ITEM = re.compile(r"(?:(?P<n>[一二三四五六七八九十])是|(?<=[。:：;；\n])(?P<side>一方面|另一方面)[,，])(?P<title>[^,，。;；\n]{2,40})")


def _item_number(it: re.Match) -> int:
    """The ordinal of an item: 三是 -> 3; 一方面 -> 1, 另一方面 -> 2."""
    return int(parse_number(it.group("n"))) if it.group("n") else (1 if it.group("side") == "一方面" else 2)
NEXT = re.compile(r"下一步[,，]\s*(?P<body>[^\n]{4,400})")
COMMIT = re.compile(r"(?:负责人|部长|厅长|局长)?表示[,，:：](?P<c>[^,，。]{2,12}将[^,，。]{2,40})")


def _topics(ctx: Context, fact, text: str) -> None:
    for t in topics_of(ctx.lex, text)[:2]:
        if t in ctx.known.concepts.get("topics", {}):
            fact.add("topic", ctx.draft.concept("topics", ctx.known.concepts["topics"][t].label))


WILL = re.compile(r"(?:我们|我局|我厅|我部|我委|我市|我省|我区|我县)(?:将|要)")
#: a clause that only says on what grounds (根据您提出的意见建议, 结合我区企业发展实际): no commitment by itself
GROUNDS = re.compile(r"(?:根据|结合|按照|依据|立足|遵照|参照)")
#: a sub-item that opens with its circumstances (在深入调研的基础上，制定了…) has no title of its own
CIRCUMSTANCE = re.compile(r"(?:在|根据|按照|依据|围绕|结合|为了?|通过|针对|经过?)")
IDIOMS = re.compile(r"^[\u4e00-\u9fff]{4}(?:、[\u4e00-\u9fff]{4})+$")
#: a clause that only says when (2022年, “十四五”期间, 今年): the time of the clause after it, no commitment by itself
WHEN = re.compile(r"(?:(?:19|20)\d\d年(?:底|末|内|起|以来|前)?|今年|明年|近期|年内|[“\"]?十[一二三四五六]五[”\"]?(?:时期|期间|期末|末)?"
                  r"|(?:19|20)\d\d[—\-~～至](?:(?:19|20)\d\d)?年?)")
#: 要 of an intention (要加大…), not of 主要/重要/需要
WILL_LEAD = re.compile(r"将|下一步|拟|计划|(?<![主重需必只概纲])要")
#: the sentence before 一是 says what was done (有关部门主要开展了以下工作：一是…)
DONE_LEAD = re.compile(r"了(?:以下|如下)|开展了|做了")
#: the sentence before 一是 names other bodies as the ones acting (有关部门主要开展了以下工作)
OTHERS_LEAD = re.compile(r"有关部门|相关部门|各有关|各部门|各地")


def will_clauses(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The things a body says it will do, one per clause: 我局将继续落实X，深化实施Y，在A、B等方面，向C倾斜，…
    (a clause opening with a preposition joins the next one; purposes (为…) and elaborations (将X与Y相对接,
    引企入校、送教下企) are left out)."""
    out: list[tuple[str, int, int]] = []
    pos = start
    pending: tuple[str, int] | None = None
    for m in re.finditer(r"[^,，；;。]+", text[start:end]):
        s = start + m.start()
        clause = m.group(0)
        w = WILL.search(clause)
        if w and w.start() <= 4:
            s += w.end()
            clause = clause[w.end():]
        clause = clause.strip()
        if pending:       # the clause and the one before it, as written (with the comma between)
            clause, s = text[pending[1]:s + len(clause)], pending[1]
            pending = None
        if WHEN.fullmatch(clause):
            pending = (clause, s)   # 2022年，下达…计划4.58万套: the time belongs to the next clause
            continue
        if GROUNDS.match(clause) and not re.search(r"(?:方面|领域|中|上)$", clause):
            continue  # 根据您提出的意见建议, 结合我区企业发展实际: on what grounds, no commitment of its own
        if re.match(r"(?:在|对|按|按照|根据|围绕|结合)[^,，]{0,30}(?:方面|领域|中|上)$", clause):
            pending = (clause, s)
            continue
        if len(clause) < 4 or clause.startswith(("为", "将", "以", "使", "让", "通过")) or IDIOMS.match(clause):
            continue
        if "\n" in clause or clause.endswith((":", "：")) or re.fullmatch(r"[\u4e00-\u9fff]{1,4}(?:、[\u4e00-\u9fff]{1,4})+", clause):
            continue  # a heading's lead-in (主要从三方面展开工作:), a list of manners (分层、分类别)
        out.append((clause, s, s + len(clause)))
    del pos
    return out


def _commit(ctx: Context, clauses, parent, key: str) -> None:
    for k, (title, s, e) in enumerate(clauses, start=1):
        words = ctx.draft.quote((s, e))
        title = words.text if words is not None else title     # the raw words (full-width marks as written)
        c = ctx.draft.fact("Commitment", title, (s, e), rule="measure.will", confidence=0.6, key=(key, k))
        c.set("title", title)
        c.set("ordinal", k)
        if parent is not None:
            c.set("sectionOf", parent)
        if ctx.issuer is not None:
            c.set("actor", ctx.issuer)
        _topics(ctx, c, title)


def _opening(ctx: Context, end: int) -> None:
    """The unnumbered paragraph before the first numbered measure (近年来，…完善…): a section when it reports measures,
    labelled with its first words (the letter gives it no title)."""
    text = ctx.text
    m = re.compile(r"答复如下[:：。]?").search(text, ctx.header_end, end)
    start = m.end() if m else ctx.header_end
    while start < end and text[start].isspace():
        start += 1
    first = re.compile(r"[^,，;；。\n]+").match(text, start, end)
    if first is None or len(first.group(0).strip()) < 2:
        return
    span = first.span()
    if TIME_ONLY.fullmatch(first.group(0).strip()):      # 近年来，测试市委…: the label runs on to the next clause
        more = re.compile(r"[,，][^,，;；。\n]+").match(text, span[1], end)
        span = (span[0], more.end()) if more else span
    quote = ctx.draft.quote(span)
    if quote is None:
        return
    sec = ctx.draft.fact("LetterSection", quote.text, span, rule="measure.opening", confidence=0.5, key=("opening",))
    sec.set("sectionOf", ctx.doc)
    sec.note("the paragraph before the numbered measures; the letter gives it no title, its label is its first words")
    if not reported_actions(ctx, sec, start, end):
        ctx.draft.remove(sec)


def apply(ctx: Context) -> None:
    draft, text = ctx.draft, ctx.text
    actor = ctx.issuer
    if ctx.is_letter and ctx.doc is not None:
        heads = list(HEADING.finditer(text, ctx.header_end))
        if heads:
            _opening(ctx, heads[0].start())
        for k, m in enumerate(heads):
            title = m.group("title").strip()
            title_end = m.end("title")
            rest_line = m.group("rest")
            close = rest_line.find("”")
            if title.count("“") > title.count("”") and close >= 0:
                title_end += close + 1   # 一、关于建议“提高技能人才收入水平，定期发布…”: the quoted words in full
            elif title.startswith("关于") and rest_line and "。" not in rest_line and len(title + rest_line) <= 60:
                title_end = m.end("rest")   # 一、关于放宽培训准入门槛，扩大培训规模: a heading naming a question runs to its end
            if title_end != m.end("title"):
                words = text[m.start("title"):title_end]
                title = re.sub(r"[,，;；:：]+$", "", words.strip())
                title_end = m.start("title") + len(words) - len(words.lstrip()) + len(title)
            n = int(parse_number(m.group("n")))
            has_items = SUBITEM.search(text, m.end(), heads[k + 1].start() if k + 1 < len(heads) else len(text)) is not None
            cls = "LetterSection" if title.startswith("关于") or has_items else "Action"
            if cls == "Action" and text.rfind("下一步", ctx.header_end, m.start()) >= 0:
                cls = "Commitment"   # 下一步…主要从三方面展开工作：一、抓引进… (what the body will do)
            body_end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
            nxt = text.find("下一步", m.end(), body_end)
            if nxt > 0:
                body_end = nxt
            sec = draft.fact(cls, title, (m.start("n"), title_end), rule=f"measure.heading", confidence=0.75,
                             key=("section", n))
            sec.set("title", title)
            sec.set("ordinal", n)
            sec.set("sectionOf", ctx.doc)
            rest = re.sub(r"^[,，]", "", text[title_end:m.end("rest")]).split("。")[0]
            if cls in ("Action", "Commitment"):
                if rest and len(rest) < 40:
                    sec.set("summary", rest)
                if actor is not None:
                    sec.set("actor", actor)
            _topics(ctx, sec, title + rest)
            if cls == "Action":
                stop = text.find("。", title_end, m.end())
                reported_actions(ctx, sec, stop + 1 if stop > 0 else m.end(), body_end)
            for wm in WILL.finditer(text, title_end, body_end):
                stop = text.find("。", wm.start(), body_end)
                stop = stop if stop > 0 else body_end
                if "一是" in text[wm.start():stop] or re.search(r"以下(?:工作|几个方面)", text[wm.start():stop]):
                    continue  # 我部将重点做好以下工作：一是…二是… (the items are the commitments)
                _commit(ctx, will_clauses(text, wm.start(), stop), sec, f"will-{n}-{wm.start()}")
            for it in SUBITEM.finditer(text, m.end(), body_end):
                sub_title = it.group("title").strip()
                after = text[it.end("title"):it.end("title") + 1]
                if CIRCUMSTANCE.match(sub_title) or (after and after not in ",，。:：;；\n") or \
                        sub_title.count("“") != sub_title.count("”") or sub_title.count("《") != sub_title.count("》"):
                    # not a heading but a sentence ((一)市…办公室印发了《…》…; (二)在…的基础上，制定了…): its measures
                    para = text.find("\n", it.end())
                    reported_actions(ctx, sec, it.end("n") + 1, para if 0 <= para < body_end else body_end,
                                     ordinal=int(parse_number(it.group("n"))) - 1)
                    continue
                a = draft.fact("Action", sub_title, (it.start("n") - 1, it.end("title")), rule="measure.subitem", confidence=0.7,
                               key=("subitem", n, it.group("n")))
                a.set("title", sub_title)
                a.set("ordinal", int(parse_number(it.group("n"))))
                a.set("sectionOf", sec)
                if actor is not None:
                    a.set("actor", actor)
                _topics(ctx, a, sub_title)
            items = list(ITEM.finditer(text, m.end(), body_end))
            # 一是/二是 are what the body will do when the sentence that leads to them says so (我部将重点做好以下工作：一是…),
            # else what it did (近年来，我部不断健全…。一是全面推行…)
            prefix = text[m.end():items[0].start()].rstrip() if items else ""
            lead_in = prefix[prefix.rfind("。", 0, len(prefix) - 1) + 1:]      # the sentence that leads to 一是
            item_cls = "Commitment" if (WILL_LEAD.search(lead_in) and not DONE_LEAD.search(lead_in)) or not lead_in.strip() \
                else "Action"
            others = OTHERS_LEAD.search(lead_in) is not None   # 有关部门…开展了以下工作: not (only) the letter's issuer acted
            for it in items:
                item_title = it.group("title")
                if item_title.count("《") > item_title.count("》"):
                    # 国资委等6部门联合印发《关于…: the title runs on to its 》 in the sentence, else stops before the 《
                    close = text.find("》", it.end("title"), body_end)
                    stop = text.find("。", it.end("title"), body_end)
                    if 0 <= close < (stop if stop >= 0 else body_end):
                        item_title = text[it.start("title"):close + 1]
                    else:
                        item_title = item_title[:item_title.rfind("《")]
                if len(item_title) < 2:
                    continue
                c = draft.fact(item_cls, item_title, (it.start(), text.find("。", it.end(), body_end) + 1 or it.end()),
                               rule="measure.item", confidence=0.7, key=("commitment", n, _item_number(it)))
                c.set("title", item_title)
                c.set("ordinal", _item_number(it))
                c.set("sectionOf", sec)
                if actor is not None and not others:
                    c.set("actor", actor)
                _topics(ctx, c, item_title)
    if ctx.is_letter and ctx.doc is not None and not HEADING.search(text, ctx.header_end) and not NEXT.search(text):
        # a short letter without numbered measures or 下一步 (a co-handling opinion): what it says it will do
        for wm in WILL.finditer(text, ctx.header_end):
            stop = text.find("。", wm.start())
            stop = stop if stop > 0 else len(text)
            _commit(ctx, will_clauses(text, wm.start(), stop), ctx.doc, f"will-letter-{wm.start()}")
    for m in NEXT.finditer(text):
        if ctx.is_letter and ctx.doc is not None:
            ends = [p for p in (text.find("。", m.start()), text.find("\n", m.start())) if p > 0]
            stop = min(ends) if ends else m.end("body")
            clauses = will_clauses(text, m.start("body"), stop)
            if clauses:
                sec = draft.fact("LetterSection", "下一步", (m.start(), m.start() + 3), rule="measure.next-step", confidence=0.65,
                                 key=("next-section", m.start()))
                sec.set("title", "下一步")
                sec.set("sectionOf", ctx.doc)
                _commit(ctx, clauses, sec, f"next-{m.start()}")
                continue
        body = m.group("body")
        parts = [p for p in re.split(r"[,，。;；]", body.split("。")[0]) if p]
        first = parts[0] if parts else body
        title = first
        if re.fullmatch(r"(?:我局|我市|我部|我厅|我们|我委)(?:将)?(?:继续|进一步)?", first) or len(first) < 6:
            title = parts[1] if len(parts) > 1 and parts[1] else first
        title = re.sub(r"^(?:我局|我市|我部|我厅|我们|我委)(?:将)", "", title)
        if GROUNDS.match(title):
            # 下一步，我们将根据您提出的意见建议，结合…，加快…: the grounds are no commitment; the first clause that is one
            rest = [re.sub(r"^(?:我局|我市|我部|我厅|我们|我委)(?:将)", "", p) for p in parts[1:]]
            rest = [p for p in rest if len(p) >= 4 and not GROUNDS.match(p) and not re.fullmatch(r"[\u4e00-\u9fff]{1,4}(?:、[\u4e00-\u9fff]{1,4})+", p)]
            if not rest:
                continue
            title = rest[0]
        end = m.end("body")
        stop = text.find("。", m.start(), end)
        c = draft.fact("Commitment", title, (m.start(), stop + 1 if stop > 0 else end), rule="measure.next-step", confidence=0.6,
                       key=("next", m.start()))
        c.set("title", title)
        if ctx.doc is not None and ctx.is_letter:
            c.set("sectionOf", ctx.doc)
        if actor is not None:
            c.set("actor", actor)
        _topics(ctx, c, body)
    for m in COMMIT.finditer(text):
        c = draft.fact("Commitment", m.group("c"), m.span("c"), rule="measure.said", confidence=0.55, key=("said", m.start()))
        c.set("title", m.group("c"))
