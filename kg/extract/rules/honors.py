"""Honors and who received them.

Honors are found by the names of the vocabulary (labels and aliases) and, for honors it lacks, as a
quoted name ending in an honor word (“…技术能手”, “…工匠”) or followed by 称号. A conferral is an
honor and its recipient: written together (大国工匠王建国, 老模赵强, 工人先锋号“李红班”,
全国五一劳动奖章获得者、…赵强) or joined by a verb (陈静获IPC总裁奖; 伍志明…，向杰…获称“全国技术能手”;
赵强、刘芳相继当选党的十九大、二十大全国代表, read as respectively).

>>> from kg.extract.pipeline import extract_text
>>> d = extract_text("老模赵强、大国工匠王建国。")
>>> sorted(f.label for f in d.facts if f.cls == "HonorConferral")
['王建国获大国工匠', '赵强获劳动模范']
"""
from __future__ import annotations

import bisect
import re

from kg.extract.draft import DraftFact, Ref
from kg.extract.known import name_key
from kg.extract.normalize import CJK
from kg.extract.rules.base import HAN, PUNCT, Context, cached, clause_bounds, sentence_bounds

VERB = re.compile(r"(?:相继|先后|分别|均|都|同时)?(?:荣获|获得|获评|获称|获颁|荣膺|被评为|被授予|被命名为|当选为|当选|评为|获|(?<=[,，])是)")
QUOTED = re.compile(rf"“(?P<n>[^”\n]{{2,24}})”(?P<tail>荣誉称号|称号|荣誉|奖章|奖)?")
PARTY = re.compile(r"党的(?P<list>[一二三四五六七八九十]+大(?:、[一二三四五六七八九十]+大)*)(?:全国)?代表")
LEVELS = (("全国", "national"), ("国家", "national"), ("中华", "national"), ("中国", "national"), ("国务院", "national"),
          ("省", "provincial"), ("自治区", "provincial"), ("市", "municipal"), ("县", "county"), ("区", "district"))


PLACE_LEVEL = {"省": "provincial", "自治区": "provincial", "市": "municipal", "州": "municipal", "县": "county", "区": "district"}


def _level(name: str, ctx: Context) -> str:
    levels = ctx.known.concepts.get("levels", {})
    for prefix, level in LEVELS:
        if name.startswith(prefix) or re.match(rf"{HAN}{{2,4}}{prefix}", name) and prefix in ("省", "市"):
            return level if level in levels else "levelNotStated"
    # 柳州金牌工人 in a text naming 柳州市: the honor of the place its name opens with
    for f in ctx.draft.facts:
        if f.cls == "Municipality" and not f.mention:
            m = re.fullmatch(rf"(?P<stem>{HAN}{{2,}}?)(?P<kind>自治区|省|市|州|县|区)", f.label)
            if m and name.startswith(m.group("stem")) and PLACE_LEVEL[m.group("kind")] in levels:
                return PLACE_LEVEL[m.group("kind")]
    return "levelNotStated"


def honor_ref(ctx: Context, name: str, span: tuple[int, int]) -> Ref | DraftFact:
    """The vocabulary concept named ``name``, or a new Honor fact proposed for the vocabulary."""
    ref = ctx.draft.concept("honors", ctx.lex.honor_spellings.get(name, name))   # 国务院政府特殊津贴: 国务院特殊津贴
    if ref is not None:
        return ref
    # 市级技能大师 in a city's letter is that city's 技能大师 (测试市技能大师 in the vocabulary)
    lm = re.match(r"(市级|省级|我市|我省|全市|全省)(?P<rest>.+)", name)
    if lm:
        places = [f.label for f in ctx.draft.facts if f.cls == "Municipality"
                  and f.label.endswith("市" if lm.group(1) in ("市级", "我市", "全市") else "省")]
        if ctx.city is not None and ctx.city.label.endswith("市") and lm.group(1) in ("市级", "我市", "全市"):
            places.insert(0, ctx.city.label)
        for place in places:
            for cand in (place + lm.group("rest"), place.rstrip("市省") + lm.group("rest")):
                ref = ctx.draft.concept("honors", cand)
                if ref is not None:
                    return ref
    key = ("honor", name_key(name))
    fact = ctx.draft.fact("Honor", name, span, rule="honor.new", confidence=0.6, key=key)
    fact.set("level", Ref(_level(name, ctx)))
    fact.note("not in the honor vocabulary: proposed as a new entry")
    return fact


#: words right after an honor's name that make it another title or a candidacy (候选人, 提名奖, 培育对象, 年度人物)
NOT_HELD = re.compile(r"(?:候选|提名|培育|推荐对象|推荐人选|人选|年度人物)")


def find_honors(ctx: Context, start: int, end: int, *, candidacies: bool = False) -> list[tuple[str, tuple[int, int]]]:
    """Honor names in text[start:end]: vocabulary names (longest first) and quoted honor-like names; with
    ``candidacies`` also those followed by 候选/提名/培育 … (中华技能大奖候选人: a nomination for the honor)."""
    text, lex = ctx.text, ctx.lex
    found: list[tuple[str, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []
    alt = _vocab_re(ctx)
    if alt is not None:
        for m in alt.finditer(text, start, end):
            if not candidacies and NOT_HELD.match(text, m.end() + (1 if text.startswith("”", m.end()) else 0)):
                continue   # 大国工匠培育对象, “大国工匠”年度人物: another title built on the honor's name, not the honor
            found.append((m.group(0), m.span()))
            taken.append(m.span())
    for m in PARTY.finditer(text, start, end):
        for part in m.group("list").split("、"):
            found.append((f"党的{part}代表", m.span()))
        taken.append(m.span())
    taken.sort()
    taken_starts = [s for s, _ in taken]
    quoted = []
    for m in QUOTED.finditer(text, start, end):
        n = m.group("n")
        k = bisect.bisect_right(taken_starts, m.start("n")) - 1
        if k >= 0 and taken[k][0] <= m.start("n") < taken[k][1]:
            continue
        if m.group("tail") or n.endswith(lex.honor_suffixes):
            if re.search(r"[,，。;；]", n) or n.endswith(("班", "班组")) or (not candidacies and NOT_HELD.match(text, m.end())):
                continue   # …, “三晋工匠”候选人 / “三晋工匠”年度人物提名奖: candidates, or another title
            found.append((n, m.span("n")))
            quoted.append(n)
    # a new honor the text quotes once (获评“江苏省企业首席技师”称号), then names without quotes (已有17人获评江苏省企业首席技师称号)
    repeated = ctx.__dict__.get("repeated-honors")
    if repeated is None and (start, end) == (0, len(text)):
        repeated = ctx.__dict__["repeated-honors"] = sorted(
            {n for n in quoted if len(n) >= 5 and ctx.draft.concept("honors", n) is None}, key=len, reverse=True)
    spans = [sp for _, sp in found]
    for n in repeated or ():
        for m in re.finditer(re.escape(n), text[start:end]):
            s, e = start + m.start(), start + m.end()
            if not any(a < e and s < b for a, b in spans):
                found.append((n, (s, e)))
                spans.append((s, e))
    found.sort(key=lambda x: x[1][0])
    return found


def _vocab_re(ctx: Context):
    def build():
        names = [n for n, c in ctx.known.concept_names("honors").items() if len(n) >= 2]
        names += [s for s, n in ctx.lex.honor_spellings.items() if n in ctx.known.concept_names("honors")]
        return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))) if names else None

    return cached(ctx.known, "honor-vocab", build)


def conferral(ctx: Context, recipient: DraftFact, honor_name: str, honor_span, span, rule: str, conf: float,
              note: str | None = None) -> DraftFact:
    honor = honor_ref(ctx, honor_name, honor_span)
    hid = honor if isinstance(honor, str) else honor.id
    con = ctx.known.concepts.get("honors", {}).get(hid)
    c = ctx.draft.fact("HonorConferral", f"{recipient.label}获{con.label if con else honor_name}", span, rule=rule, confidence=conf,
                       key=("conferral", recipient.id, hid))
    c.set("recipient", recipient)
    c.set("honor", honor)
    if note:
        c.note(note)
    return c


def _names_before(ctx: Context, end: int) -> list[tuple[str, int]]:
    """A 、-separated list of personal names ending at ``end`` (赵强、刘芳)."""
    text, lex = ctx.text, ctx.lex
    out = []
    pos = end
    while pos > 0:
        got = None
        for n in (3, 2, 4):
            s = pos - n
            before = text[s - 1:s] if s > 0 else ""
            if s >= 0 and lex.is_name(text[s:pos]) and (not before or before in PUNCT or before in lex.name_end
                                                         or lex.role_end_re.search(text[max(0, s - 6):s])
                                                         or ctx.draft.within(max(0, s - 30), s, "Company", "Organization",
                                                                             "GovernmentBody", "Association", ends_in=(s, s))):
                got = (text[s:pos], s)
                break
        if not got:
            break
        out.insert(0, got)
        pos = got[1]
        if text[pos - 1:pos] == "、":
            pos -= 1
        else:
            break
    return out


def _adjacent(ctx: Context, honors) -> None:
    """HONOR NAME / HONOR“TEAM” / HONOR获得者、…NAME."""
    text, lex, draft = ctx.text, ctx.lex, ctx.draft
    for name, (s, e) in honors:
        j = e
        if text.startswith("”", j):
            j += 1
        if text.startswith("获得者", j):
            cs, ce = clause_bounds(text, j)
            for vs, ve, f in draft.within(j + 1, ce, "Person")[:1]:
                conferral(ctx, f, name, (s, e), (s, ve), "honor.holder-of", 0.8)
            continue
        tm = re.match(rf"“(?P<t>{HAN}{{2,8}}(?:班组|班))”", text[j:j + 14])
        if tm:
            team = draft.entity("Team", tm.group("t"), (j + 1, j + 1 + len(tm.group("t"))), rule="honor.team", confidence=0.75)
            conferral(ctx, team, name, (s, e), (s, j + tm.end()), "honor.before-team", 0.8)
            continue
        if text.startswith(("称号", "荣誉", "奖章", "获得", "证书"), j):
            continue
        person = lex.person_at(text, j, strict_end=True)
        if person and text[s - 2:s] == "的“":
            continue   # 大国重器的“制造能手”陈宾: a description's nickname for the person, not an honor held
        if person:
            p = draft.entity("Person", person, (j, j + len(person)), rule="honor.before-name", confidence=0.75)
            conferral(ctx, p, name, (s, e), (s, j + len(person)), "honor.before-name", 0.75)


def _verb(ctx: Context, honors) -> None:
    """RECIPIENT(S) VERB HONOR(S) within one sentence."""
    text, lex, draft = ctx.text, ctx.lex, ctx.draft
    by_start = {}
    for name, span in honors:
        by_start.setdefault(span[0], []).append((name, span))
    for m in VERB.finditer(text):
        # the honors right after the verb (“A”、“B”称号 or one vocabulary name)
        j = m.end()
        if text.startswith("了", j):
            j += 1
        got = []
        while True:
            k = j + (1 if text.startswith("“", j) else 0)
            if k in by_start:
                got.extend(by_start[k])
                j = max(sp[1] for _, sp in by_start[k])
                j += 1 if text.startswith("”", j) else 0
                if text.startswith("、", j) or text.startswith("和", j):
                    j += 1
                    if text.startswith("享受", j) and j + 2 in by_start:
                        j += 2   # 是全国技术能手、享受国务院政府特殊津贴专家: the allowance enjoyed is held too
                    continue
                if text.startswith("“", j):
                    continue   # “A”“B”“C”等荣誉: quoted names one after another
            elif got and text.startswith("“", j):
                q = QUOTED.match(text, j)
                if q and text.startswith("“", q.end("n") + 1):
                    j = q.end("n") + 1
                    continue   # “A”“领办人”“B”: a quoted name that is no honor, between two that are
            break
        if not got:
            continue
        ss, _ = sentence_bounds(text, m.start())
        # the part of the sentence that names the recipients: since the last ; or the last conferral verb
        left = max(ss, text.rfind("；", ss, m.start()) + 1, text.rfind(";", ss, m.start()) + 1, text.rfind("。", 0, m.start()) + 1)
        end = m.start()
        # the recipients named, then counted: 任建新、…胡传硕等11人获得了“全国技术能手”称号
        named = re.search(r"等(?:\d+|[一二三四五六七八九十百]+)(?:人|名|位)(?:同志)?$", text[left:m.start()])
        if named:
            end = m.start() - len(named.group(0))
        elif any(c.isdigit() for c in text[max(left, m.start() - 4):m.start()]):
            continue  # a count (52人获评…): see counts
        prev_verb = [v.end() for v in VERB.finditer(text, left, end)]
        if prev_verb:
            left = max(left, prev_verb[-1])
        names = _names_before(ctx, end)
        recipients: list[DraftFact] = []
        persons = []
        known_ends = set()
        for vs, ve, f in draft.within(left, end, "Person"):
            known_ends.add(ve)
            if f not in persons:
                persons.append(f)
        recipients = list(persons)
        if end not in known_ends:
            for n, p in names:
                if p >= left:
                    recipients.append(draft.entity("Person", n, (p, p + len(n)), rule="honor.verb", confidence=0.75))
        if not recipients:
            orgs = [f for _, _, f in draft.within(max(0, end - 30), end, "GovernmentBody", "Company", "Organization",
                                                  "Association", "Team", ends_in=(end, end))]
            recipients = orgs[:1]
        if not recipients:
            continue
        span = (left, j)
        respectively = len(recipients) == len(got) > 1 and re.search(r"相继|分别", m.group(0))
        for i, r in enumerate(recipients):
            pairs = [got[i]] if respectively else got
            for name, hspan in pairs:
                conferral(ctx, r, name, hspan, span, "honor.verb", 0.75,
                          note="相继/分别 read as respectively" if respectively else None)


#: what may stand between the count and the quoted honor: 同志, (名单附后), 为, a year, an edition (第二届“哈南十大工匠”,
#: 首批“葫芦岛工匠”)
COUNT_TO_HONOR = r"(?:同志)?(?:[(（][^()（）“”\n]{0,8}[)）]?)?(?:为)?(?:(?:19|20)\d\d年度?)?(?:第[一二三四五六七八九十\d]{1,3}(?:届|批)|首批|首届)?“"
NAMED_COUNT = re.compile(r"(?:命名|授予|评选出|评选|表彰)(?P<who>[\u4e00-\u9fff]{2,3})等(?:\d+|[一二三四五六七八九十百]+)(?:人|名|位)"
                         + COUNT_TO_HONOR + r"(?P<h>[^”\n]{2,24}?)”")


def _named_then_counted(ctx: Context) -> None:
    """命名王大庆等100人为2023年“上海工匠” / 授予何强等10人(名单附后)“中华技能大奖”: the one named holds the honor."""
    text, lex, draft = ctx.text, ctx.lex, ctx.draft
    for m in NAMED_COUNT.finditer(text):
        who = m.group("who")
        if not lex.listed_name(who):
            continue
        person = draft.entity("Person", who, m.span("who"), rule="honor.named-count", confidence=0.75)
        name = re.sub(r"(?:获得者|荣誉称号|称号)$", "", m.group("h"))
        conferral(ctx, person, name, (m.start("h"), m.start("h") + len(name)), m.span(), "honor.named-count", 0.75)


GIVE = re.compile(r"(?:为|向|给)(?P<who>[\u4e00-\u9fff]{2,4}?)(?:颁发|授予|颁授)(?:了)?“(?P<h>[^”\n]{2,24}?)(?:证书|奖牌|奖章证书|荣誉证书)?”")


def _given(ctx: Context) -> None:
    """为NAME颁发“HONOR证书” / 向NAME授予“HONOR”: the honour given to a person."""
    text, lex, draft = ctx.text, ctx.lex, ctx.draft
    for m in GIVE.finditer(text):
        who = m.group("who")
        person = draft.get(("entity", "agent-person", who))
        if person is None and lex.is_name(who):
            person = draft.entity("Person", who, m.span("who"), rule="honor.given", confidence=0.7)
        if person is None:
            continue
        draft.add_quote(person, m.span("who"))
        conferral(ctx, person, m.group("h"), m.span("h"), m.span(), "honor.given", 0.75)


def _epithets(ctx: Context) -> None:
    """TRADE“EPITHET”NAME: 电焊“花木兰”刘芳."""
    text, lex, draft = ctx.text, ctx.lex, ctx.draft
    for m in re.finditer(rf"(?P<trade>{HAN}{{1,2}})“(?P<e>{HAN}{{2,4}})”", text):
        if m.group("e").endswith(("班", "组", "队", "室", "线")) or lex.org_left_re.search(m.group("trade")):
            continue
        name = lex.person_at(text, m.end(), strict_end=True)
        if not name:
            continue
        p = draft.entity("Person", name, (m.end(), m.end() + len(name)), rule="person.epithet", confidence=0.75)
        p.set("epithet", text[m.start("trade") if m.group("trade") and m.group("trade") not in PUNCT else m.start("e") - 1:m.end()])
        draft.add_quote(p, (m.start(), m.end() + len(name)))


PRONOUN = re.compile(r"(?:(?P<y>(?:19|20)\d\d)年(?:[,，]?)?)?(?<![其吉])(?:他|她)(?:先后|还|曾|也|又)?(?:被(?P<by>[^，,。；;“”]{2,20}?)(?:授予|评为|命名为)|荣获|获得|获评|被评为)(?:了)?“?$")


def _pronoun(ctx: Context, honors) -> None:
    """2018年他被江苏省政府授予“江苏省有突出贡献中青年专家”荣誉称号: the honor of the person the paragraph is about
    (the last one named before 他/她 in the same paragraph), the body and the year when the sentence gives them."""
    text, draft = ctx.text, ctx.draft
    for name, (hs, he) in honors:
        m = PRONOUN.search(text, max(0, hs - 40), hs)
        if m is None:
            continue
        para = text.rfind("\n", 0, m.start()) + 1
        persons = [(ve, f) for _, ve, f in draft.within(para, m.start(), "Person") if ve <= m.start()]
        if not persons:
            continue
        person = max(persons, key=lambda p: p[0])[1]
        c = conferral(ctx, person, name, (hs, he), (m.start(), he), "honor.pronoun", 0.7,
                      note=f"他/她 read as {person.label}, the last person named before it in the paragraph")
        if m.group("y"):
            c.set("date", int(m.group("y")))
        if m.group("by"):
            at = m.end("by")
            orgs = [f for _, _, f in draft.within(m.start("by"), at, "GovernmentBody", "Organization", "Association", ends_in=(at, at))]
            if orgs:
                c.set("conferredBy", orgs[-1])


#: a sentence whose subject is left out opens with the verb: 曾获得“全国技术能手”、省“技能大师”称号
ELIDED = re.compile(r"(?:(?:19|20)\d\d年[,，]?)?(?:曾|先后|还|也|又|并)?(?:荣获|获得|获评|被评为|被授予)(?:了)?")


def _elided(ctx: Context, honors) -> None:
    """…高级技师李中江30余年坚守生产一线。…曾获得“全国技术能手”、省“技能大师”称号: a sentence with no subject that opens
    with a conferral verb gives its honors to the one person the paragraph named before it (none when it named two)."""
    text, draft = ctx.text, ctx.draft
    done = set()
    for name, (hs, he) in honors:
        ss = max(text.rfind(c, 0, hs) for c in "。！？!?\n") + 1
        if ss in done:
            continue
        m = ELIDED.match(text, ss)
        if m is None or not re.fullmatch(r"“?", text[m.end():hs]):
            continue
        done.add(ss)
        para = text.rfind("\n", 0, ss) + 1
        named = {f.id: f for _, _, f in draft.within(para, ss, "Person")}
        if len(named) != 1:
            continue
        person = next(iter(named.values()))
        se = min([k for k in (text.find(c, hs) for c in "。！？!?；;\n") if k >= 0] or [len(text)])
        for n2, (s2, e2) in honors:
            if hs <= s2 and e2 <= se:
                conferral(ctx, person, n2, (s2, e2), (ss, e2), "honor.elided", 0.7,
                          note=f"the sentence names no holder: read as {person.label}, the one person its paragraph names before it")


#: the issuer decides (我部决定授予…, 经研究,我部决定授予…): it confers the honors of the sentence
SELF_DECIDES = re.compile(r"(?:我部|我厅|我局|我委|我办)(?:研究)?决定(?:授予|命名|表彰)")


def _grantors(ctx: Context) -> None:
    """Who conferred each honor, when a sentence says it (我部决定授予…: the document's issuer; 市人民政府决定授予…,
    被江苏省政府授予…: that body) — the same body for the other holders of that honor in the text (a list under the
    decision), else the issuer of a decision to honor (X关于表彰…的决定) — and when: the decision's date.

    >>> from kg.extract.pipeline import extract_text
    >>> d = extract_text("关于表彰2003年度全国技术能手的决定(某劳发〔2004〕4号)\\n经研究,我局决定授予曹遂军等69名同志“全国技术能手”荣誉称号。\\n某省劳动厅\\n二〇〇四年二月四日")
    >>> c = next(f for f in d.facts if f.cls == "HonorConferral")
    >>> d.by_id(c.first("conferredBy")).label, c.first("date")
    ('某省劳动厅', '2004-02-04')
    """
    text, draft = ctx.text, ctx.draft
    doc = ctx.doc
    decision = doc is not None and doc.cls == "Document" and re.search(r"表彰|授予|命名", doc.first("title") or "")
    conferrals = [f for f in draft.facts if f.cls == "HonorConferral" and f.spans]
    by_honor = {}
    for c in conferrals:
        by = None
        for start, end in c.spans:     # the words of each quote: a list line, the sentence granting it
            s, _ = sentence_bounds(text, start)
            if SELF_DECIDES.search(text, s, end) and ctx.issuer is not None:
                by = ctx.issuer
            for gm in re.finditer(r"(?:决定)?(?:授予|命名)", text[s:end]) if by is None else ():
                at = s + gm.start() - (1 if text[s + gm.start() - 1:s + gm.start()] == "被" else 0)
                orgs = [f for _, _, f in draft.within(max(s, at - 30), at, "GovernmentBody", "Organization", "Association",
                                                       ends_in=(at, at))]
                if orgs:
                    by = orgs[-1]
        if by is not None:
            c.set("conferredBy", by)
            by_honor.setdefault(c.first("honor"), by)
    for c in conferrals:
        if not c.props.get("conferredBy") and c.first("honor") in by_honor:
            c.set("conferredBy", by_honor[c.first("honor")])
        elif not c.props.get("conferredBy") and decision and ctx.issuer is not None:
            c.set("conferredBy", ctx.issuer)   # 劳动和社会保障部关于表彰…的决定: its issuer confers what it grants
        if decision and doc.first("date"):
            c.set("date", doc.first("date"))


def apply(ctx: Context) -> None:
    honors = find_honors(ctx, 0, len(ctx.text))
    ctx.__dict__["honors"] = honors
    _epithets(ctx)
    _adjacent(ctx, honors)
    _verb(ctx, honors)
    _given(ctx)
    _named_then_counted(ctx)
    _pronoun(ctx, honors)
    _elided(ctx, honors)
    _grantors(ctx)
