"""Name lists: the lines of an honor list or a nomination list (a name, then the employer and the trade or
post: ``何 强 中国石化中原油田勘探局采油二厂采油工(高级技师)``), under a heading that names the honor
(``全国五一劳动奖章``, ``第五届中华技能大奖获得者名单``); and a list of skill-master workshops flattened into
one run of text (``付一鸣技能大师工作室武汉地铁集团有限公司杨开龙技能大师工作室中铁十一局…``).

A line is taken only when at least two lines of the text have this shape and the words after the name hold
an organization's name; the honor only when the heading names one the vocabulary knows, or quotes one that the
text grants as an honor (“柳州金牌工人”荣誉称号 … “柳州金牌工人”名单).

>>> from kg.extract.pipeline import extract_text
>>> d = extract_text("全国五一劳动奖章\\n贺 彪 国网湖南省电力有限公司长沙供电分公司工作负责人\\n王云霞 长沙市实验小学校长\\n")
>>> sorted((f.label, d.by_id(f.first("employer")).label) for f in d.facts if f.cls == "Person")
[('王云霞', '长沙市实验小学'), ('贺彪', '国网湖南省电力有限公司长沙供电分公司')]
"""
from __future__ import annotations

import re

from kg.extract.rules.base import HAN, Context, cached, sentence_bounds

LINE = re.compile(rf"(?m)^[ \t]*(?P<name>{HAN}(?:[ \t]?{HAN}){{1,3}})[ \t]+(?P<rest>{HAN}[^\n]{{3,80}}?)[ \t]*$")
ASIDE = re.compile(r"^[ \t]*[(（][^\n)）]{1,12}[)）][ \t]*$")     # (女), (共10名) between or above the lines
QUALIFICATION = re.compile(r"[(（](?P<q>[^()（）]{2,8})[)）]$")
WORKSHOP = "技能大师工作室"


def _org_end(ctx: Context, rest: str) -> int:
    """Where the organization's name at the start of ``rest`` ends (0: none): after its last organization word
    (公司, 集团, 学院, 小学, 医院, 局 …), brackets inside the name allowed (江南造船(集团)有限责任公司)."""
    lex = ctx.lex
    suffix_re = cached(lex, "roster-org-suffix", lambda: re.compile(
        "(?:" + "|".join(re.escape(s) for s in sorted(lex.org_suffixes, key=len, reverse=True)) + ")"))
    end = 0
    for m in suffix_re.finditer(rest):
        if not re.fullmatch(rf"(?:{HAN}|[(（][^()（）]{{1,8}}[)）]|\s)+", rest[:m.end()]):
            break
        end = m.end()
    return end if end >= 4 else 0


def _honor_in(ctx: Context, start: int, end: int):
    """The longest honor of the vocabulary named in text[start:end], with its span."""
    def build():
        names = [n for n in ctx.known.concept_names("honors") if len(n) >= 4]
        return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))) if names else None

    pattern = cached(ctx.known, "honor-names", build)
    if pattern is None:
        return None
    m = pattern.search(ctx.text, start, end)
    return (m.group(0), m.span()) if m else None


def _heading(ctx: Context, line_start: int):
    """The honor named by the line above a block of roster lines (skipping other roster lines and asides)."""
    text = ctx.text
    pos = line_start
    for _ in range(40):
        if pos <= 0:
            return None
        ls = text.rfind("\n", 0, pos - 1) + 1
        line = text[ls:pos - 1]
        if not line.strip() or ASIDE.match(line) or _roster_line(ctx, ls):
            pos = ls
            continue
        if len(line.strip()) > 40:
            return None
        return _honor_in(ctx, ls, pos - 1) or _quoted_honor_in(ctx, ls, pos - 1)
    return None


def _quoted_honor_in(ctx: Context, start: int, end: int):
    """A quoted name in text[start:end] that the text grants elsewhere as an honor (“柳州金牌工人”名单, the decision
    granting “柳州金牌工人”荣誉称号): an honor the vocabulary lacks, named by the heading."""
    from kg.extract.rules.honors import find_honors

    honors = ctx.__dict__.get("honors")
    if honors is None:
        honors = ctx.__dict__["honors"] = find_honors(ctx, 0, len(ctx.text))
    names = {n for n, _ in honors}
    for m in re.finditer(r"“(?P<n>[^”\n]{2,24})”", ctx.text[start:end]):
        if m.group("n") in names:
            return m.group("n"), (start + m.start("n"), start + m.end("n"))
    return None


def _roster_line(ctx: Context, ls: int):
    m = LINE.match(ctx.text, ls)
    if not m:
        return None
    name = re.sub(r"\s+", "", m.group("name"))
    if not ctx.lex.listed_name(name) or not _org_end(ctx, m.group("rest")):
        return None
    return m


def _lines(ctx: Context) -> None:
    draft, text, lex = ctx.draft, ctx.text, ctx.lex
    found = [m for m in LINE.finditer(text) if _roster_line(ctx, m.start())]
    if len(found) < 2:
        return
    from kg.extract.rules.honors import conferral
    from kg.extract.rules.organizations import org_class
    from kg.extract.rules.persons import membership

    for m in found:
        name = re.sub(r"\s+", "", m.group("name"))
        rest, rs = m.group("rest"), m.start("rest")
        person = draft.entity("Person", name, m.span("name"), rule="person.roster", confidence=0.8)
        oe = _org_end(ctx, rest)
        org_name = re.sub(r"\s+", "", rest[:oe])
        post = rest[oe:].strip()
        q = QUALIFICATION.search(post)
        if q:
            person.note(f"{q.group('q')} (the list gives it after the trade)")
            post = post[:q.start()].strip()
        if post and not re.fullmatch(rf"(?:{HAN}|、){{1,16}}", post):
            post = lex.role_before(post, len(post)) or ""
        if post:
            ps = rs + rest.find(post, oe)
            membership(ctx, person, post, (ps, ps + len(post)), m.span(), "person.roster", org_label=org_name, org_start=rs, conf=0.75)
        org = draft.entity(org_class(org_name, lex) or "Organization", org_name, (rs, rs + oe), rule="org.roster", confidence=0.75)
        if org.cls in ("Company", "Organization", "Team") or not post:
            person.add("employer", org)
        honor = _heading(ctx, m.start())
        if honor:
            conferral(ctx, person, honor[0], honor[1], m.span(), "honor.roster", 0.75)


def _workshop_run(ctx: Context) -> None:
    """NAME技能大师工作室HOST NAME技能大师工作室HOST …: a table of workshops flattened into one run of text."""
    draft, text, lex = ctx.draft, ctx.text, ctx.lex
    occ = [m.start() for m in re.finditer(WORKSHOP, text)]
    items = []   # (name start, workshop start, host end)
    for k, ws in enumerate(occ):
        nxt = occ[k + 1] if k + 1 < len(occ) else None
        if nxt is None:
            seg_end = next((p for p in (text.find(c, ws) for c in "。\n；;") if p >= 0), len(text))
            seg = text[ws + len(WORKSHOP):seg_end]
            host_len = _org_end(ctx, seg)
            items.append((ws, ws + len(WORKSHOP) + host_len if host_len == len(seg) else None))
            continue
        seg = text[ws + len(WORKSHOP):nxt]
        host_end = None
        for n in (3, 2, 4):
            if len(seg) > n and lex.listed_name(seg[-n:]) and _org_end(ctx, seg[:-n]) == len(seg) - n:
                host_end = ws + len(WORKSHOP) + len(seg) - n
                break
        items.append((ws, host_end))
    run = []
    for k, (ws, host_end) in enumerate(items):
        if host_end is None:
            continue
        prev_end = items[k - 1][1] if k > 0 else None
        if prev_end is not None and prev_end < ws:
            ns = prev_end
        else:
            ns = next((ws - n for n in (3, 2) if ws - n >= 0 and lex.listed_name(text[ws - n:ws])
                       and (ws - n == 0 or not re.match(HAN, text[ws - n - 1]))), None)
        if ns is None or not lex.listed_name(text[ns:ws]):
            continue
        run.append((ns, ws, host_end))
    if len(run) < 2:
        return
    from kg.extract.rules.organizations import org_class

    for ns, ws, host_end in run:
        person = draft.entity("Person", text[ns:ws], (ns, ws), rule="person.workshop-list", confidence=0.75)
        host_name = text[ws + len(WORKSHOP):host_end]
        host = draft.entity(org_class(host_name, lex) or "Organization", host_name, (ws + len(WORKSHOP), host_end),
                            rule="org.workshop-list", confidence=0.75)
        w = draft.fact("MasterWorkshop", text[ns:ws + len(WORKSHOP)], (ns, host_end), rule="workshop.list", confidence=0.75,
                       key=("workshop", person.id))
        w.set("hostedBy", host)


#: a list closed by its count: 等23人, or the count alone (…江苏省宜兴紫砂工艺厂吴奇敏2位大师)
COUNTED = re.compile(r"等?(?:\d+|[一二三四五六七八九十百]+)(?:人|名|位)")
ORG_CLASSES = ("Company", "Organization", "GovernmentBody", "Association")


def _employers_then_names(ctx: Context) -> None:
    """ORG NAME、ORG NAME等23人…: persons named right after their employer in a list closed by a count (two or
    more such items, the organizations found before)."""
    draft, text, lex = ctx.draft, ctx.text, ctx.lex
    for cm in COUNTED.finditer(text):
        cs = max(text.rfind(c, 0, cm.start()) for c in "。，,；;:\n") + 1
        pairs = []
        pos = cs
        for item in text[cs:cm.start()].split("、"):
            end = pos + len(item)
            for n in (3, 2):
                ns = end - n
                if ns <= pos or not lex.listed_name(text[ns:end]):
                    continue
                org = next((f for _, _, f in draft.within(max(pos, ns - 30), ns, *ORG_CLASSES, ends_in=(ns, ns))), None)
                if org is not None:
                    pairs.append((ns, end, org))
                    break
            pos = end + 1
        _persons_of_a_list(ctx, pairs, "person.employer-list")


def _names_and_bodies_run_together(ctx: Context) -> None:
    """名单刘进峰江苏省盐城技师学院葛兆星江苏华耀机械制造有限公司: a list whose line breaks the page lost, a name
    then the body found right after it, two pairs or more."""
    draft, text, lex = ctx.draft, ctx.text, ctx.lex
    for lm in re.finditer(r"名单[:：]?", text):
        pos, pairs = lm.end(), []
        while True:
            found = next(((s, e, f) for s, e, f in draft.within(pos + 2, pos + 4, *ORG_CLASSES) if lex.listed_name(text[pos:s])), None)
            if found is None:
                break
            s, e, org = found
            pairs.append((pos, s, org))
            pos = e
        _persons_of_a_list(ctx, pairs, "person.name-list")


def _persons_of_a_list(ctx: Context, pairs: list, rule: str) -> list:
    """The persons of a list read as (name start, name end, body) pairs — two pairs or more, else nothing (one
    name beside one body is no list): each with the body as employer unless it is a government body."""
    if len(pairs) < 2:
        return []
    persons = []
    for ns, ne, org in pairs:
        person = ctx.draft.entity("Person", ctx.text[ns:ne], (ns, ne), rule=rule, confidence=0.7)
        if org.cls != "GovernmentBody":
            person.add("employer", org)
        persons.append(person)
    return persons


THEY_ARE = re.compile(r"(?:他们|她们|分别)(?:分别)?是(?P<list>[^。；;\n]{4,200}?)(?=[。；;\n]|$)")


def _they_are(ctx: Context) -> None:
    """…2人获评“江苏省企业首席技师”称号,他们分别是江苏扬子鑫福造船有限公司的卢彬和江苏兆胜空调有限公司的孙玲: each
    person with the employer named before 的, and the honor the sentence counted them for."""
    draft, text, lex = ctx.draft, ctx.text, ctx.lex
    for m in THEY_ARE.finditer(text):
        pairs, pos = [], m.start("list")
        for item in re.split(r"、|和|及|以及", m.group("list")):
            end = pos + len(item)
            im = re.fullmatch(rf"(?P<org>.+)的(?P<name>{HAN}{{2,3}})(?:同志)?", item)
            if im and lex.listed_name(im.group("name")):
                at = pos + im.end("org")
                org = next((f for _, _, f in draft.within(pos, at, *ORG_CLASSES, ends_in=(at, at))), None)
                if org is not None:
                    pairs.append((pos + im.start("name"), pos + im.end("name"), org))
            pos = end + (len(text[end:end + 2]) if text.startswith("以及", end) else 1)
        persons = _persons_of_a_list(ctx, pairs, "person.they-are")
        if not persons:
            continue
        from kg.extract.rules.honors import conferral, find_honors

        s, _ = sentence_bounds(text, m.start())
        if not re.search(r"(?:获评|获得|荣获|被评为|被授予|入选)", text[s:m.start()]):
            continue
        honors = find_honors(ctx, s, m.start())
        for person in persons:
            for name, span in honors[-1:]:
                conferral(ctx, person, name, span, m.span(), "honor.they-are", 0.7)


PROJECT_ROW = re.compile(rf"(?m)^[ \t]*(?P<proj>{HAN}{{1,10}}?项目)(?P<rest>{HAN}[^\n]{{5,40}}?)[ \t]*$")


def _project_rows(ctx: Context) -> None:
    """A contest's medal table printed as lines (电工项目  李子安  凌云科技集团有限责任公司): the project, the winner
    and the body found right after the name, two rows or more."""
    draft, text, lex = ctx.draft, ctx.text, ctx.lex
    pairs, projects = [], []
    for m in PROJECT_ROW.finditer(text):
        rs, le = m.start("rest"), m.end("rest")
        for n in (3, 2):
            org = next((f for s, e, f in draft.within(rs + n, rs + n + 1, *ORG_CLASSES) if e == le), None)
            if org is not None and lex.listed_name(text[rs:rs + n]):
                pairs.append((rs, rs + n, org))
                projects.append(m.group("proj"))
                break
    for person, project in zip(_persons_of_a_list(ctx, pairs, "person.project-row"), projects):
        person.note(f"{project}: a row of the text's table of winners")


def apply(ctx: Context) -> None:
    _lines(ctx)
    _workshop_run(ctx)
    _employers_then_names(ctx)
    _names_and_bodies_run_together(ctx)
    _they_are(ctx)
    _project_rows(ctx)
