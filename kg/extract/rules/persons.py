"""Persons with their roles and employers.

A name (a surname and one or two characters) is taken only where the genre puts one: after a role or
post (企业家李明, 省长王建国, 焊接技师赵强), before one (张建华书记, 刘洋副部长), in a list that follows a
role (省领导王芳、李强、赵刚), after a byline word (记者 贺威), or as a name the registry knows. An
organization right before the role is the employer (某集团总工王刚, 某电气有限公司…首席技师赵强).
Every later occurrence of a found name is quoted too.

>>> from kg.extract.pipeline import extract_text
>>> d = extract_text("推出了某集团总工王刚、企业家李明等报道。")
>>> sorted(f.label for f in d.facts if f.cls == "Person")
['李明', '王刚']
>>> sorted(f.label for f in d.facts if f.cls == "Membership")
['企业家李明', '某集团总工王刚']
"""
from __future__ import annotations

import re

from kg.extract.normalize import CJK
from kg.extract.rules.base import HAN, PUNCT, Context
from kg.extract.rules.organizations import org_class, plausible_org

BYLINE_ROLE = r"全媒体记者|记者|通讯员|实习生|摄影|作者|编辑|责任编辑"
BYLINE = re.compile(rf"(?P<role>{BYLINE_ROLE})[ \t]*(?P<name>[\u4e00-\u9fff]{{2,3}})(?P<more>(?:[ \t、](?!{BYLINE_ROLE})[\u4e00-\u9fff]{{2,3}})*)(?=[ \t)）,，\n]|$)")
ORG_TAIL = re.compile(rf"(?:{HAN}|[、“”\"]){{2,30}}$")
CONNECT = "、"


ORG_CLASSES = ("GovernmentBody", "Company", "Organization", "Association", "MediaOutlet", "Team")


def _org_before(ctx: Context, start: int, *, work: bool = False) -> tuple[str, int, int] | None:
    """The organization written before ``start``: (its name, its start, where the role phrase starts).

    A known organization ending within 14 characters (only a trade or field between: 焊接专业教师) wins;
    otherwise, for a work role, the words since the last boundary (某集团总工王刚 -> 某集团)."""
    text, lex, draft = ctx.text, ctx.lex, ctx.draft
    best = None
    for vs, ve, f in draft.within(max(0, start - 44), start, *ORG_CLASSES, ends_in=(start - 14, start)):
        if best is None or ve > best[2] or (ve == best[2] and vs < best[1]):
            between = text[ve:start]
            if not any(c in PUNCT and c != "、" for c in between) and not lex.role_re.search(between):
                best = (f, vs, ve)
    if best is not None:
        f, vs, ve = best
        return text[vs:ve], vs, ve
    if not work:
        return None
    window = text[max(0, start - 16):start]
    b = max((window.rfind(c) for c in PUNCT), default=-1)
    cand = window[b + 1:]
    cut = [w.end() for w in lex.org_left_re.finditer(cand)]
    if cut:
        cand = cand[cut[-1]:]
    cand = cand.lstrip("了")
    if 2 <= len(cand) <= 14 and re.fullmatch(f"{HAN}+", cand) and not lex.role_re.search(cand):
        return cand, start - len(cand), start
    return None


TRADE_END = re.compile(r"(?:工|员|司机)$")


def _trade_lead(ctx: Context, start: int) -> int | None:
    """Where a trade written right before a grade or trade starts, when the words since the last boundary are that
    trade alone (、特种熔融焊接工高级技师, 、船舶电焊工高级技师, :电动装卸机械司机技师): the start of those words, else None.
    A run holding an organization word (某公司焊工) is no bare trade.

    >>> from kg.extract.pipeline import extract_text
    >>> d = extract_text("获奖者分别是:特种熔融焊接工高级技师高凤林、机修钳工技师张素丽。")
    >>> sorted((f.label, f.props.get("organization")) for f in d.facts if f.cls == "Membership")
    [('机修钳工技师张素丽', None), ('特种熔融焊接工高级技师高凤林', None)]
    """
    text, lex = ctx.text, ctx.lex
    window = text[max(0, start - 12):start]
    b = max((window.rfind(c) for c in PUNCT), default=-1)
    if b < 0:
        return None
    seg = window[b + 1:]
    if not 2 <= len(seg) <= 10 or not re.fullmatch(f"{HAN}+", seg) or not TRADE_END.search(seg):
        return None
    if any(s in seg for s in lex.org_suffixes) or ctx.known.entity_by_name(seg) is not None:
        return None
    return start - len(seg)


def _person(ctx: Context, name: str, start: int, rule: str, conf: float):
    return ctx.draft.entity("Person", name, (start, start + len(name)), rule=rule, confidence=conf)


def membership(ctx: Context, person, role_label: str, role_span: tuple[int, int] | None, span: tuple[int, int], rule: str,
               org_label: str | None = None, org_start: int | None = None, conf: float = 0.8) -> None:
    """A Membership: ``person`` holds ``role_label`` (in the organization ``org_label``, which becomes the employer)."""
    draft = ctx.draft
    role = draft.entity("Role", role_label, role_span, rule=rule, confidence=conf)
    org = None
    if org_label:
        from kg.extract.rules.organizations import polity_names

        full = polity_names(ctx, org_label) if not ctx.known.entity_by_name(org_label) else None
        # a committee (大赛组委会, 执委会, a party's 省委会) written before a role is no company
        default = "Organization" if re.search(r"(?:委会|委员会|理事会)$", org_label) else "Company"
        org = ctx.draft.entity(org_class(org_label, ctx.lex) or default, full[0] if full else org_label,
                               (org_start, org_start + len(org_label)), rule=rule, confidence=0.7)
        for a in (full[1] if full else []):
            if a != org.label and a not in org.alt_labels and not org.mention:
                org.alt_labels.append(a)
    key = ("membership", person.id, role.id)
    label = f"{org_label or ''}{role_label}{person.label}"
    ms = draft.fact("Membership", label, span, rule=rule, confidence=conf, key=key)
    ms.set("member", person)
    ms.set("role", role)
    if org is not None:
        ms.set("organization", org)
        if ctx.lex.roles.get(role_label.split("、")[-1][-4:], "work") == "work" and org.cls in ("Company", "Organization", "Team") \
                and not re.search(r"(?:委会|委员会|理事会)$", org.label):   # a committee's secretary works elsewhere
            person.add("employer", org)


def _role_then_names(ctx: Context) -> None:
    """ROLE NAME(、NAME)*: 省领导李红、王刚、周平; 焊接技师赵强; 省长王建国."""
    text, lex = ctx.text, ctx.lex
    for m in lex.role_re.finditer(text):
        role = m.group(0)
        group = lex.roles.get(role)
        if role == "代表":
            continue
        pos = m.end()
        names = []
        chain = group == "leader"
        while len(names) < 8:
            name = lex.person_at(text, pos, strict_end=True, chain=chain)
            if not name and not names:
                loose = lex.person_at(text, pos)
                name = loose if loose and len(loose) == 3 else None
            if not name or any(s <= pos < e for s, e, _ in ctx.draft.within(max(0, pos - 30), pos + 1, *ORG_CLASSES)):
                break
            names.append((name, pos))
            pos += len(name)
            if text[pos:pos + 1] == CONNECT and lex.person_at(text, pos + 1, strict_end=True, chain=chain):
                pos += 1
                continue
            if chain and lex.person_at(text, pos, strict_end=True, chain=True):
                continue
            break
        if not names:
            continue
        start = m.start()
        trade = lex.role_end_re.search(text, max(0, start - 6), start) if group == "work" else None
        if trade and lex.roles.get(trade.group(0)) == "work":
            start = trade.start()   # 车工技师: the trade and the grade are one role
        lead = _trade_lead(ctx, m.start()) if group == "work" and _org_before(ctx, start) is None else None
        if lead is not None:
            start = lead     # 特种熔融焊接工高级技师: the whole trade is the role's, no body before it
        org = _org_before(ctx, start, work=group == "work") if lead is None else None
        role_start = org[2] if org else start
        role_label = text[role_start:m.end()]
        for name, p in names:
            person = _person(ctx, name, p, "person.role-before", 0.85)
            membership(ctx, person, role_label, (role_start, m.end()), ((org[1] if org else role_start), p + len(name)),
                       "person.role-before", org[0] if org else None, org[1] if org else None)
        # earlier roles of the same persons, joined by 、 (省委书记、省人大常委会主任张建华)
        pos = org[1] if org else role_start
        for _ in range(4):
            if text[pos - 1:pos] != "、":
                break
            seg_start = max(text.rfind(c, max(0, pos - 40), pos - 1) for c in "、，,。；;：:\n 　“”") + 1
            seg = text[seg_start:pos - 1]
            cut = [w.end() for w in lex.org_left_re.finditer(seg)]
            if cut:
                seg_start += cut[-1]
                seg = seg[cut[-1]:]
            rm = lex.role_end_re.search(seg)
            if not rm or not seg:
                break
            r_start = seg_start + rm.start()
            o = _org_before(ctx, r_start, work=lex.roles.get(rm.group(0)) == "work")
            if o and o[1] < seg_start:
                o = None
            if o is None and rm.start() >= 2:
                # 大赛组委会委员兼秘书长: the body ends before the first of the roles joined by 兼
                both = re.search(r"(?:委员|主任|副主任|成员|主席|副主席)?兼$", seg[:rm.start()])
                k = both.start() if both else rm.start()
                o = (seg[:k], seg_start, seg_start + k) if k >= 2 else None
                if o and re.search(r"[就对向在为与和及把被将由从]$", o[0]):
                    o = None   # 劳动和社会保障部就全国政协委员胡成中…: a preposition ends no body
            r_label = text[(o[2] if o else r_start):seg_start + len(seg)]
            for name, p in names:
                person = _person(ctx, name, p, "person.role-chain", 0.8)
                membership(ctx, person, r_label, ((o[2] if o else r_start), seg_start + len(seg)), (seg_start, p + len(name)),
                           "person.role-chain", o[0] if o else None, o[1] if o else None)
            pos = seg_start


def _name_then_role(ctx: Context) -> None:
    """NAME ROLE: 张建华书记, 刘洋副部长 (an organization may come first: 人社部刘洋副部长)."""
    text, lex = ctx.text, ctx.lex
    for m in lex.role_re.finditer(text):
        role = m.group(0)
        if lex.roles.get(role) == "deputy" and role != "代表":
            continue
        end = m.start()
        for n in (3, 2):
            s = end - n
            if s < 0:
                continue
            name = text[s:end]
            if not lex.is_name(name) or lex.person_at(text, s) != name:
                continue
            before = text[s - 1:s] if s else ""
            if role == "代表" and not (not before or before in PUNCT or before == "、"):
                break
            if before and before in "“\"" and text[m.end():m.end() + 1] and text[m.end()] in "”\"":
                break   # “国贴专家”: a quoted term, not a name and a post
            if before and before not in PUNCT and not lex.role_end_re.search(text[max(0, s - 6):s]) and not _org_before(ctx, s):
                continue
            if role == "代表" and text[m.end():m.end() + 1] not in (":", "：", "，", ",", "、", "\n", ""):
                continue
            if role in ("代表", "委员") and text[m.end():m.end() + 1] in (":", "：") and ctx.is_letter:
                continue  # the addressee (document rule)
            after = text[m.end():m.end() + 1]
            if after and after not in PUNCT and not any(text.startswith(a, m.end()) for a in lex.activities) \
                    and after not in "向在等的和与出致讲宣主率表对":
                continue
            person = _person(ctx, name, s, "person.role-after", 0.8)
            org = _org_before(ctx, s)
            if org and org[2] != s:
                org = None
            membership(ctx, person, role if role != "代表" else "人大代表", m.span(), ((org[1] if org else s), m.end()),
                        "person.role-after", org[0] if org else None, org[1] if org else None)
            break


def _comrades(ctx: Context) -> None:
    """NAME同志 (a person named with the form of address of official texts)."""
    text, lex = ctx.text, ctx.lex
    for m in re.finditer("同志", text):
        for n in (3, 2):
            s = m.start() - n
            if s >= 0 and lex.is_name(text[s:m.start()]) and (s == 0 or text[s - 1] in PUNCT or text[s - 1] in lex.name_end
                                                             or lex.role_end_re.search(text[max(0, s - 6):s])):
                _person(ctx, text[s:m.start()], s, "person.comrade", 0.75)
                break


def _bylines(ctx: Context) -> None:
    text, lex = ctx.text, ctx.lex
    for m in BYLINE.finditer(text[:3000]):
        name = m.group("name")
        if not lex.is_name(name):
            name = name[:2] if lex.is_name(name[:2]) else None
        if not name:
            continue
        found = [(name, m.start("name"))]
        pos = m.end("name")
        for extra in re.finditer(r"[ \t、](?P<n>[\u4e00-\u9fff]{2,3})", m.group("more") or ""):
            if BYLINE.match(extra.group("n")) or lex.role_re.match(extra.group("n")):
                break
            if lex.is_name(extra.group("n")):
                found.append((extra.group("n"), pos + extra.start("n")))
        for name, p in found:
            person = _person(ctx, name, p, "person.byline", 0.8)
            membership(ctx, person, m.group("role"), m.span("role"), (m.start(), p + len(name)), "person.byline")
            if ctx.doc is not None and m.group("role") in ("全媒体记者", "记者", "通讯员", "作者"):
                ctx.doc.add("author", person)


#: a sentence opening with a name and what only a biography says next: 董某，男，…; 郑某,1977年出生;
#: 陈某自1991年进入…; 孙某1990年职高毕业
BIO = re.compile(r"(?:^|(?<=[。！？!?\n 　]))(?P<name>[\u4e00-\u9fff]{2,3})(?=[，,](?:男|女)[，,（(]"
                 r"|[，,]?(?:19|20)\d\d年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:出生|生)[，,。]"
                 r"|自(?:19|20)\d\d年|(?:19|20)\d\d年[\u4e00-\u9fff]{0,4}毕业)")
#: what a biography's clause about the person's present posts opens with
NOW = re.compile(r"(?:现任|现为|现担任|担任|任)")


def _posts(ctx: Context, person, start: int, end: int) -> None:
    """现任A、B、C in text[start:end] (one clause): each item a role, after a body the draft names (浦镇公司技能专家)."""
    text, lex = ctx.text, ctx.lex
    pos = start
    for item in re.split("、", text[start:end]):
        i_start, i_end = pos, pos + len(item)
        pos = i_end + 1
        rm = lex.role_end_re.search(item)
        if not rm:
            continue
        r_start = i_start + rm.start()
        org = _org_before(ctx, r_start)   # only a body the draft names, never the words before (江苏省企业…)
        if org and org[1] < i_start:
            org = None
        if org is None and rm.start() > 0 and not re.fullmatch(r"(?:高级|首席|特级|主任|副)?", item[:rm.start()]):
            continue   # words before the role that are not a body the draft names: not read
        r_label = text[(org[2] if org else r_start):i_end]
        membership(ctx, person, r_label, ((org[2] if org else r_start), i_end), ((org[1] if org else r_start), i_end),
                   "person.biography", org[0] if org else None, org[1] if org else None, conf=0.75)


def _biographies(ctx: Context) -> None:
    """A biography: the sentence opens with the name (董某，男，汉族，1972年1月出生，…，现任某公司数控铣工、高级技师)
    and its clauses up to the end of the paragraph are about that person, until another person is named: a clause
    that is a post (高级工程师) or opens with 现任/担任 gives memberships."""
    text, lex, draft = ctx.text, ctx.lex, ctx.draft
    for m in BIO.finditer(text):
        name = m.group("name")
        if not lex.is_name(name) or lex.person_at(text, m.start()) != name:
            continue
        person = _person(ctx, name, m.start(), "person.biography", 0.8)
        para_end = text.find("\n", m.end())
        para_end = len(text) if para_end < 0 else para_end
        others = [vs for vs, _, f in draft.within(m.end(), para_end, "Person") if f is not person]
        stop = min(others + [para_end])
        pos = m.end()
        for c in re.finditer(r"[^，,。；;！？!?]+", text[pos:stop]):
            c_start, c_end = pos + c.start(), pos + c.end()
            clause = c.group(0)
            now = NOW.match(clause)
            if now:
                _posts(ctx, person, c_start + now.end(), c_end)
            elif lex.role_end_re.fullmatch(clause):    # the clause is a post: 高级工程师
                _posts(ctx, person, c_start, c_end)


def _more_quotes(ctx: Context) -> None:
    """Quote every later occurrence of a found person's name."""
    draft, text = ctx.draft, ctx.text
    persons = [f for f in draft.facts if f.cls == "Person"]
    if not persons:
        return
    names = {f.label: f for f in persons}
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    for m in re.finditer(alt, text):
        draft.add_quote(names[m.group(0)], m.span())


def apply(ctx: Context) -> None:
    _bylines(ctx)
    _comrades(ctx)
    _role_then_names(ctx)
    _name_then_role(ctx)
    _biographies(ctx)
    _more_quotes(ctx)
