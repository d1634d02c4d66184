"""Competitions: editions (江西省第二届职业技能大赛, 首届…) with dates, place and the people who took part;
recurring contests in quotes (“技能天下”职业技能电视大赛) with how many editions and since when.

>>> from kg.extract.pipeline import extract_text
>>> from kg.extract.known import Known
>>> d = extract_text("湘人社函〔2021〕8号\\n今年7月3日至6日，江西省第二届职业技能大赛在南昌成功举办。", known=Known.empty())
>>> e = [f for f in d.facts if f.cls == "CompetitionEdition"][0]
>>> e.label, e.first("startDate"), e.first("endDate"), e.first("editionNumber")
('江西省第二届职业技能大赛', '2021-07-03', '2021-07-06', 2)
"""
from __future__ import annotations

import re

from kg.extract.dates import DATE_RE
from kg.extract.numerals import parse_number
from kg.extract.rules.base import HAN, PUNCT, Context, clause_bounds, sentence_bounds

CONTEST = r"(?:职业技能大赛|技能大赛|职业技能竞赛|技能竞赛|大赛|竞赛|比赛|技能节|大奖赛)"
EDITION = re.compile(rf"(?P<scope>{HAN}{{0,8}}?)(?:第(?P<n>[一二三四五六七八九十百\d]+)届|(?P<first>首届))(?P<name>{HAN}{{0,10}}?{CONTEST})")
# “技能天下”电视技能大赛; not a way of watching one (通过“云观赛”方式观摩大赛)
QUOTED = re.compile(rf"“(?P<q>[^”\n]{{2,12}})”(?P<rest>(?:(?!方式|观摩|观看|收看|参加|参与){HAN}){{0,8}}?{CONTEST})")
NAMED = re.compile(r"(?P<n>世界技能大赛|全国职业技能大赛|中华人民共和国职业技能大赛|全国技工院校技能大赛|一带一路国际技能大赛|金砖国家职业技能大赛)")
SCOPE_OK = re.compile(r"^(?:(?:(?![在的和与对])[\u4e00-\u9fff]){1,5}(?:省|市|自治区|县|区)|中华人民共和国|全国|全省|全市|世界|中国|国家|省|市)?$")


#: an event of the edition other than the contest itself: a date before 第二届…大赛第一次新闻发布会 is the press
#: conference's
SIDE_EVENT = re.compile(r"(?:第[一二三四五六七八九十\d]+次)?(?:新闻发布会|发布会|筹备会|动员会|推进会|工作会|启动仪式|倒计时|组委会|执委会)")
AFTER_DATE = re.compile(r"(?:将于|于)?(?P<d>(?:\d{1,2}月)?\d{1,2}日(?:至(?:\d{1,2}月)?\d{1,2}日)?)(?=在|于|举行|举办|开幕|开赛)")
LATER = re.compile(r"(?:本届)?(?:大赛|比赛|竞赛)(?:将|已)?于(?P<d>(?:今年|(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日(?:至(?:\d{1,2}月)?\d{1,2}日)?)(?:在(?P<p>[^，,。在]{2,12}?))?(?:举行|举办|开幕|开赛)")


#: the edition is said to close (13日在广州闭幕, …大赛闭幕式在…举行): a single date it gives is the edition's last day
CLOSING = re.compile(rf"(?:{HAN}{{0,3}}(?:\d{{1,2}}月)?\d{{1,2}}日)?(?:在{HAN}{{2,20}}?)?(?:圆满|胜利|隆重)?闭幕")


def _set_date(ctx: Context, fact, raw: str, at: int, span: tuple[int, int], *, closing: bool = False) -> bool:
    if re.match(r"\d{1,2}日", raw):
        # 12日 in a dispatch of 9月12日: the month of the last month-and-day before it
        months = re.findall(r"(\d{1,2})月\d{1,2}日", ctx.text[max(0, at - 300):at])
        if not months:
            return False
        raw = f"{months[-1]}月{raw}"
    dv = ctx.dates.resolve(raw, at=at)
    if not dv or len(dv.start) < 7:
        return False
    if closing and not dv.end:
        fact.set("endDate", dv.start)
        fact.note("the text dates the closing: the edition's last day")
    else:
        fact.set("startDate", dv.start)
    if dv.end:
        fact.set("endDate", dv.end)
    if dv.note:
        fact.note(dv.note)
    ctx.draft.add_quote(fact, span)
    return True


def _dates(ctx: Context, fact, start: int, end: int) -> None:
    text = ctx.text
    if SIDE_EVENT.match(text, end):
        return
    s, _ = sentence_bounds(text, start)
    closing = CLOSING.match(text, end) is not None
    am = AFTER_DATE.match(text, end)
    if am and _set_date(ctx, fact, am.group("d"), am.start("d"), (start, am.end()), closing=closing):
        return
    for m in DATE_RE.finditer(text, s, start):
        if not m.group(0):
            continue
        between = text[m.end():start]
        if re.search(r"召开|获悉", between) or (re.search(r"[电讯]", between) and not re.search(r"今天|今日", between)):
            continue   # 记者从28日召开的…发布会上获悉: another event's date; 9月16日电 is the dispatch's unless 今天 follows
        dv = ctx.dates.resolve(m.group(0), at=m.start())
        if dv and len(dv.start) >= 7:
            if closing and not dv.end:
                fact.set("endDate", dv.start)
                fact.note("the text dates the closing: the edition's last day")
            else:
                fact.set("startDate", dv.start)
            if dv.end:
                fact.set("endDate", dv.end)
            if dv.note:
                fact.note(dv.note)
            ctx.draft.add_quote(fact, (m.start(), start))
            return


VENUE = ("会展中心", "展览中心", "展馆", "体育馆", "体育中心", "会议中心", "实训基地", "基地", "中心", "学院", "大学", "学校", "公园")


def _place(ctx: Context, fact, end: int) -> None:
    """在PLACE举办/举行/开幕/开赛 right after the edition (a date may stand between): the place found, a province,
    or a venue (青海国际会展中心)."""
    text = ctx.text
    am = AFTER_DATE.match(text, end)
    at = am.end() if am else end
    m = re.match(rf"在(?P<p>{HAN}{{2,12}}?)(?:正式|成功|隆重)?(?:举办|举行|开幕|闭幕|召开|开赛)", text[at:at + 22])
    if not m:
        return
    ps, pe = at + m.start("p"), at + m.end("p")
    _locate(ctx, fact, m.group("p"), (ps, pe), (end, at + m.end()))


def _locate(ctx: Context, fact, name: str, span: tuple[int, int], quote: tuple[int, int]) -> None:
    from kg.extract.rules.organizations import place_label

    place = next((f for _, _, f in ctx.draft.within(span[0], span[0] + 1, "Municipality", "Place", ends_in=(span[1], span[1]))), None)
    if place is None:
        ent = ctx.known.entity_by_name(name)
        if ent is not None and ent.cls in ("Municipality", "Place"):
            place = ctx.draft.entity(ent.cls, ent.label, span, rule="competition.place", confidence=0.75)
        elif name in ctx.lex.provinces:
            place = ctx.draft.entity("Municipality", place_label(name), span, rule="competition.place", confidence=0.75)
        elif re.fullmatch(rf"{HAN}{{1,6}}(?:省|市|县|区)", name) or name.endswith(VENUE):
            place = ctx.draft.entity("Municipality" if not name.endswith(VENUE) else "Place", name, span,
                                     rule="competition.place", confidence=0.65)
    if place is not None:
        fact.set("location", place)
        ctx.draft.add_quote(fact, quote)


def _later(ctx: Context, editions) -> None:
    """大赛将于今年9月16日至19日举行: the date and place a later sentence gives the one edition of the text."""
    own = [e for e in editions if not e.mention and not e.first("startDate")]
    if len({e.first("editionNumber") for e in editions}) != 1 or not own:
        return   # one edition, maybe named two ways (中华人民共和国第二届职业技能大赛, 第二届全国技能大赛)
    for m in LATER.finditer(ctx.text):
        for edition in own:
            if _set_date(ctx, edition, m.group("d"), m.start("d"), m.span()) and m.group("p"):
                _locate(ctx, edition, m.group("p"), m.span("p"), m.span())
        return


def _participants(ctx: Context, event, start: int) -> None:
    """People named with an activity (致辞, 出席, 讲话…) in the sentences after the edition."""
    text, draft, lex = ctx.text, ctx.draft, ctx.lex
    limit = min(len(text), start + 700)
    for nxt in EDITION.finditer(text, start + 1, limit):
        if ctx.draft.get(("entity", "CompetitionEdition", nxt.group(0))) is not event:
            limit = nxt.start()
            break
    start = sentence_bounds(text, start)[0]
    acts = "|".join(re.escape(a) for a in lex.activities)
    done = set()
    for vs, ve, f in draft.within(start, limit, "Person"):
        if f.id in done:
            continue
        if True:
            cs, ce = clause_bounds(text, vs)
            m = re.search(acts, text[ve:ce])
            in_clause = m is not None
            if not m:
                ss, se = sentence_bounds(text, vs)
                m = re.search(acts, text[ve:se])
                if not m or re.search(acts, text[ce:ve + m.start()]) or re.search(r"[。；;]", text[ve:ve + m.start()]):
                    continue
                ce = ve + m.end()
            between = text[ve:ve + m.start()]
            # a photographer's or reporter's credit (记者 孙睿 摄) and words inside a quotation opened after the
            # name (孙睿 摄“这是我第一次参加…”) say nothing of what the person did
            if re.match(r"\s*摄", between) or re.search(r"记者\s*$", text[max(0, vs - 4):vs]) or re.search(r"[“「\"]", between):
                continue
            if SIDE_EVENT.search(text[sentence_bounds(text, vs)[0]:vs]):
                continue   # 在当日举行的大赛新闻发布会上,…副司长王晓君介绍: the press conference, not the contest
            if in_clause and any(draft.get(("entity", "agent-person", n)) for n in re.findall(f"{HAN}{{2,3}}", between) if lex.is_name(n)) and "、" not in between:
                continue
            act_start = ve + m.start()
            pre = re.search(rf"(?:向大赛|在开幕式上|在{HAN}{{1,6}}上)$", text[ve:act_start])
            if pre:
                act_start -= len(pre.group(0))
            activity = text[act_start:ce].strip()
            p = draft.fact("Participation", f"{f.label}{activity}", (cs, ce), rule="competition.participant", confidence=0.7,
                           key=("participation", f.id, event.id))
            p.set("participant", f)
            p.set("event", event)
            p.set("activity", activity)
            done.add(f.id)


def apply(ctx: Context) -> None:
    draft, text = ctx.draft, ctx.text
    found = []
    for m in EDITION.finditer(text):
        scope = m.group("scope")
        # keep only a place as scope (河北省第一届… not 今年…第一届)
        k = len(scope)
        while k > 0 and not SCOPE_OK.match(scope[len(scope) - k:]):
            k -= 1
        scope = scope[len(scope) - k:] if k else ""
        start = m.end("scope") - len(scope)
        n = 1 if m.group("first") else parse_number(m.group("n"))
        if n is None:
            continue
        if not scope and re.fullmatch(CONTEST, m.group("name")) and not m.group("first"):
            continue   # 比第一届大赛增加7.6倍: an edition of no contest named
        label = text[start:m.end()]
        edition = draft.entity("CompetitionEdition", label, (start, m.end()), rule="competition.edition", confidence=0.8)
        found.append((edition, scope, int(n), m.group("name"), start, m.end()))
    # an edition named without its place (a headline: 第一届职业技能大赛) is the one named with it
    for k, (edition, scope, n, name, start, end) in enumerate(found):
        if scope:
            continue
        fuller = [e for e, sc, n2, nm, _, _ in found if sc and n2 == n and nm == name and e is not edition]
        if fuller and edition in draft._alive_set():
            for q, sp in zip(edition.quotes, edition.spans):
                draft.add_quote(fuller[0], sp)
            draft.remove(edition)
        if fuller:
            found[k] = (fuller[0], scope, n, name, start, end)
    done = set()
    for edition, scope, n, name, start, end in found:
        if edition.mention and edition.id not in done:
            # the registry knows which competition this edition belongs to: the document names that one too
            series_id = ctx.known.entities[edition.id].extra.get("edition") if edition.id in ctx.known.entities else None
            series_ent = ctx.known.entities.get(str(series_id)) if series_id else None
            if series_ent is not None:
                series = draft.entity(series_ent.cls, series_ent.label, None, rule="competition.registry-edition", confidence=0.7)
                if not series.quotes:
                    draft.add_quote(series, (start, end))
        if not edition.mention and edition.id not in done:
            edition.set("editionNumber", n)
            series = draft.entity("Competition", scope + name, None, rule="competition.edition", confidence=0.7)
            if not series.quotes:
                draft.add_quote(series, (start, end))
            edition.set("edition", series)
        if edition.id not in done or not edition.first("startDate"):
            _dates(ctx, edition, start, end)
        if edition.id not in done or not edition.first("location"):
            _place(ctx, edition, end)
        _participants(ctx, edition, end)
        done.add(edition.id)
    _later(ctx, [e for e, sc, _, nm, _, _ in found if not nm.startswith("世界") and sc != "世界"])
    meeting_participants(ctx)
    for m in NAMED.finditer(text):
        if text[max(0, m.start() - 4):m.start()].endswith("届") or re.search(r"第[一二三四五六七八九十\d]+届$", text[max(0, m.start() - 8):m.start()]):
            continue
        draft.entity("Competition", m.group("n"), m.span("n"), rule="competition.named", confidence=0.7)
    for m in QUOTED.finditer(text):
        label = text[m.start():m.end()]
        comp = draft.entity("Competition", label, m.span(), rule="competition.quoted", confidence=0.75)
        s, e = sentence_bounds(text, m.start())
        before = text[s:m.start()]
        cm = re.search(r"连续(?P<n>[一二三四五六七八九十\d]+)(?:年|届)", before)
        if cm:
            comp.set("editionCount", int(parse_number(cm.group("n"))))
        sm = re.search(r"(?:从|自)((?:19|20)\d\d)年(?:开始|起)", text[max(0, s - 80):m.start()])
        if sm:
            comp.set("startDate", int(sm.group(1)))
        if "每年" in before:
            comp.set("frequency", "每年")
        channels = {"电视": "channel-tv", "网络": "channel-internet", "微信直播": "channel-wechat-live"}
        for word, cid in channels.items():
            if re.search(rf"通过[^。]*{word}", text[m.end():e + 1]) and cid in ctx.known.concepts.get("channels", {}):
                comp.add("broadcastVia", draft.concept("channels", word) or cid)



EVENT_WORDS = re.compile(r"答复|揭牌|启动|会|仪式|活动|开幕|闭幕|座谈|调研|走访|看望|慰问|表彰|颁奖|论坛|培训|举办|举行|召开|开赛|赛|发布|授牌|签约|观摩|交流")


def meeting_participants(ctx: Context) -> None:
    """In a news item, people named with what they did (出席并主持会议, 介绍, 阐述…) took part in the event the
    item reports (an Event named by the headline), unless they already took part in a competition."""
    draft, text, lex = ctx.draft, ctx.text, ctx.lex
    if ctx.is_letter or ctx.doc is None or not ctx.doc.first("title"):
        return
    if not EVENT_WORDS.search(ctx.doc.first("title")):
        return   # 我国高技能人才达到4791万人: a headline stating a figure names no event
    acts = "|".join(re.escape(a) for a in lex.activities)
    event = None
    done = {f.first("participant") for f in draft.facts if f.cls == "Participation"}
    for vs, ve, f in draft.within(ctx.header_end, len(text), "Person"):
        if f.id in done:
            continue
        cs, ce = clause_bounds(text, vs)
        m = re.search(acts, text[ve:ce])
        if not m or re.search(r"[获是]", text[ve:ve + m.start()]):
            continue
        between = text[ve:ve + m.start()]
        if "、" not in between and any(draft.get(("entity", "agent-person", n)) for n in re.findall(f"{HAN}{{2,3}}", between) if lex.is_name(n)):
            continue
        if event is None:
            title = ctx.doc.first("title")
            event = draft.fact("Event", title, ctx.doc.spans[0] if ctx.doc.spans else None, rule="event.news", confidence=0.5,
                               key=("news-event",))
        activity = text[ve + m.start():ce].strip()
        p = draft.fact("Participation", f"{f.label}{activity}", (vs, ce), rule="event.participant", confidence=0.6,
                       key=("participation", f.id, event.id))
        p.set("participant", f)
        p.set("event", event)
        p.set("activity", activity)
        done.add(f.id)
