"""Lists written as rows in running text: each row an organization, a post or trade, and a name — the cells of a
flattened table (``单位 职务/工种 姓名``), one row per item:

- after 分别是 / 分别为 / 他们是 / 的有 (10位“大国工匠年度人物”分别是:湖南华菱湘潭钢铁有限公司焊接顾问艾爱国,中交一航局
  第三工程有限公司工程测量工陈兆海,…);
- before 等人 / 等N人 + a granting verb (交通运输部长江三峡通航管理局技师罗静、厦门港务集团海天集装箱有限公司电动装卸机械
  修理工冯鸿昌等人荣获“中华技能大奖”).

A row is read only when its cells can be told apart: the name is the last two or three characters (a listed
name), the organization runs from the row's start to its last organization word (公司, 集团, 厂, 局, 学院, 部 …),
and what lies between is a post or trade (it ends with a post or trade word) or nothing. A list is read only
when two rows or more are read; a row that cannot be split is left out and named in the draft's notes. The
honor the list is for is the one the lead sentence grants (荣获/命名为/授予 … “H”, or N位“H”分别是; for 这N名…分别是
the sentence before, with the same count); a nomination (培育对象, 候选人) is no honor.

>>> from kg.extract.pipeline import extract_text
>>> d = extract_text("被命名为“石狮名匠”的有10人,分别为福建北记食品有限公司李栋梁、石狮市荣誉实业发展有限公司胡满荣。")
>>> sorted((f.label, d.by_id(f.first("employer")).label) for f in d.facts if f.cls == "Person")
[('李栋梁', '福建北记食品有限公司'), ('胡满荣', '石狮市荣誉实业发展有限公司')]
>>> sorted(f.label for f in d.facts if f.cls == "HonorConferral")
['李栋梁获石狮名匠', '胡满荣获石狮名匠']
"""
from __future__ import annotations

import re

from kg.extract.rules.base import HAN, Context, cached, sentence_bounds

MARKER = re.compile(r"(?:分别是|分别为|他们是|她们是|(?<=”)的有)[:：]?")
#: a list closed by 等人 / 等N人 and granted an honor right after
CLOSED = re.compile(r"等(?P<n>\d+|[一二三四五六七八九十百两]+)?(?:人|名|位)?(?:同志|选手|职工|员工)?"
                    r"(?=(?:分别)?(?:荣获|获得|获评|被授予|被评为|被命名为|获“))")
GRANT = re.compile(r"荣获|获得|获评|被授予|授予|被评为|评为|被命名为|命名为|荣膺|获(?=“)")
NOT_HONOR_AFTER = re.compile(r"^[”\"]?(?:培育对象|培育|候选|提名|推荐|人选|评选|选拔)")
COUNT = re.compile(r"[这這](?P<n>\d+|[一二三四五六七八九十百两]+)(?:名|位|人|个)")
POST_END = re.compile(r"(?:工|员|师|长|监|问|管|责|家|手|匠|人|专家|主任|经理|书记|代表|教授)$")
SEP = re.compile(r"[，,、；;]")


def _next(text: str, chars: str, pos: int) -> int:
    """The nearest of ``chars`` at or after ``pos`` (the text's end if none)."""
    return min((p for p in (text.find(c, pos) for c in chars) if p >= 0), default=len(text))


def _list_end(text: str, pos: int) -> int:
    """Where a list starting at ``pos`` ends: at 。 or at a line break, unless the break falls between two items
    (…于建友\n、车工技师张全民)."""
    while True:
        end = _next(text, "。\n", pos)
        if end < len(text) and text[end] == "\n" and (text[end + 1:end + 2] in ("、", "，", ",") or text[end - 1:end] in ("、", "，", ",")):
            pos = end + 1
            continue
        return end


def _lines_end(text: str, pos: int) -> int:
    """Where a list of one item a line (each ending with ；) ends: after the line that ends with 。 (or the last ；)."""
    end = pos
    for lm in re.finditer(r"(?m)^[ \t　]*(?P<l>\S[^\n]*?)[ \t]*$", text[pos:]):
        line = lm.group("l")
        if line.endswith(("；", ";")):
            end = pos + lm.end("l") - 1
            continue
        if line.endswith("。") and len(line) <= 60:
            end = pos + lm.end("l") - 1
        break
    return end


def _org_suffix_re(ctx: Context):
    lex = ctx.lex
    return cached(lex, "rows-org-suffix", lambda: re.compile(
        "(?:" + "|".join(re.escape(s) for s in sorted(lex.org_suffixes, key=len, reverse=True)) + ")"))


def _org_end_re(ctx: Context):
    lex = ctx.lex
    return cached(lex, "rows-org-end", lambda: re.compile(
        "(?:" + "|".join(re.escape(s) for s in sorted(lex.org_suffixes, key=len, reverse=True)) + ")$"))


def _split_row(ctx: Context, start: int, end: int):
    """(org end, name start) of the row text[start:end], or None when its cells cannot be told apart."""
    text, lex = ctx.text, ctx.lex
    row = text[start:end]
    if not re.fullmatch(rf"(?:{HAN}|[0-9A-Za-z]|[(（][^()（）]{{1,10}}[)）]|、)+", row):
        return None
    for n in (3, 2):
        ns = end - n
        if ns - start < 4 or not lex.listed_name(text[ns:end]):
            continue
        if n == 3 and (lex.role_end_re.search(text[max(start, ns - 6):ns + 1])
                       or _org_end_re(ctx).search(text[max(start, ns - 6):ns + 1])):
            continue   # 班组长游弋, 环保部彭斌, 有限公司汤敏: the first character ends the post or the body
        got = _cells(ctx, start, ns)
        if got:
            return got, ns
    return None


def _cells(ctx: Context, start: int, ns: int):
    """Where the organization of a row ends, the name starting at ``ns`` (None: no organization, or no post between)."""
    text, lex = ctx.text, ctx.lex
    oe = 0
    for m in _org_suffix_re(ctx).finditer(text, start, ns):
        if m.end() - start >= 4:
            oe = m.end()
    if not oe or re.search("[、，,]", text[start:oe]):
        return None     # a row's body never runs over a list's separator (分别为A公司甲、B公司乙、…F公司己 read as one row)
    post = text[oe:ns]
    if post.endswith("的") or text[ns] == "的":
        return None     # 某公司的卢彬: the 的 form is read elsewhere
    if post and (len(post) > 20 or not (POST_END.search(post) or lex.role_end_re.search(post))):
        return None
    return oe


def _rows(ctx: Context, start: int, end: int, *, seps: re.Pattern = SEP, share: bool = False):
    """The rows of the list text[start:end]: [(org start, org end, name start, name end, post?)], and the rows not read.
    With ``share``, bare names after a row without a post are more persons of that row's organization (宁晋晶澳公司崔士钊、
    刘龙龙、王迪: three persons of 宁晋晶澳公司)."""
    text, lex = ctx.text, ctx.lex
    rows, skipped = [], []
    pos = start
    pieces = []
    for m in list(seps.finditer(text, start, end)) + [None]:
        pe = m.start() if m else end
        pieces.append((pos, pe))
        pos = m.end() if m else end
    for ps, pe in pieces:
        ps = ps + (2 if text.startswith("以及", ps) else 1 if text[ps:ps + 1] in "和及与" else 0)
        lm = lex.org_left_re.match(text, ps)
        if lm and lm.end() < pe:
            ps = lm.end()      # 来自上海新动力汽车科技股份有限公司铣工任建新: the verb is no part of the body
        # 福建飞通…有限公司林英狮和石狮市宸汐…有限公司侯雅清: two rows joined by 和
        parts = [(ps, pe)]
        for am in re.finditer("和|以及|及", text[ps:pe]):
            cut = ps + am.start()
            if any(lex.listed_name(text[cut - n:cut]) for n in (3, 2)) and _split_row(ctx, ps, cut):
                parts = [(ps, cut), (cut + len(am.group(0)), pe)]
                break
        for rs, re_ in parts:
            while re_ > rs and text[re_ - 1] in " \t":
                re_ -= 1
            got = _split_row(ctx, rs, re_)
            if got:
                rows.append((rs, got[0], got[1], re_, True))
            elif share and rows and (rows[-1][1] == rows[-1][2] or not rows[-1][4]) and 2 <= re_ - rs <= 3 \
                    and lex.listed_name(text[rs:re_]):
                rows.append((rows[-1][0], rows[-1][1], rs, re_, False))
            elif text[rs:re_].strip():
                skipped.append(text[rs:re_].strip())
    return rows, skipped


def _honor(ctx: Context, start: int, end: int):
    """The honor a lead text[start:end] grants: (name, span) or None."""
    from kg.extract.rules.honors import find_honors

    text = ctx.text
    found = list(find_honors(ctx, start, end))
    for m in re.finditer(r"“(?P<n>[^”\n]{2,24})”", text[start:end]):
        s, e = start + m.start("n"), start + m.end("n")
        inside = [f for f in found if s <= f[1][0] and f[1][1] <= e]
        found = [f for f in found if f not in inside] + [(m.group("n"), (s, e))]   # “大国工匠年度人物”, not 大国工匠
    found.sort(key=lambda f: f[1][0])
    for name, (hs, he) in reversed(found):
        year = re.match(r"”年度人物(?!提名)", text[he:he + 8])
        if year and text[hs - 1:hs] == "“":
            name, he = name + "年度人物", he + len(year.group(0))    # “三晋工匠”年度人物: the title of the year, not 三晋工匠
        elif NOT_HONOR_AFTER.match(text[he:he + 6]):
            continue
        quoted = text[hs - 1:hs] == "“"
        granted = GRANT.search(text, start, hs) or (quoted and re.search(rf"(?:{GRANT.pattern})[“\"]?{re.escape(name)}", text)) \
            or (quoted and re.search(r"(?:\d+|[一二三四五六七八九十百两]+)(?:名|位)“$", text[max(start, hs - 8):hs]))   # 这10名“H”分别是
        if granted:
            return name, (hs, he)
    # 6名中国宝武职工被授予武汉市技术能手: an honor named without quotes, right after the granting verb
    lex = ctx.lex
    plain = cached(lex, "rows-plain-honor", lambda: re.compile(
        rf"(?:{GRANT.pattern})(?P<n>{HAN}{{2,12}}?(?:" + "|".join(re.escape(x) for x in sorted(lex.honor_suffixes, key=len, reverse=True))
        + r"))(?:荣誉称号|称号)?(?=[。，,；;\n]|$)"))
    m = plain.search(text, start, end)
    if m and not NOT_HONOR_AFTER.match(text[m.end("n"):m.end("n") + 6]):
        return m.group("n"), m.span("n")
    return None


def _lead_honor(ctx: Context, marker_start: int):
    text = ctx.text
    s, _ = sentence_bounds(text, marker_start)
    honor = _honor(ctx, s, marker_start)
    if honor is None:
        # 这20名优秀技术工人分别是: the honor of the sentence before, which counts the same persons
        cm = COUNT.search(text, s, marker_start)
        they = text.startswith(("他们", "她们"), marker_start) and not text[s:marker_start].strip()
        if (cm or they) and s > 0:
            p = s - 1
            while p > 0 and text[p] in " \t\n　":
                p -= 1
            ps, _ = sentence_bounds(text, p)
            if they or re.search(rf"(?<![\d一二三四五六七八九十百两]){re.escape(cm.group('n'))}(?:名|位|人|个)", text[ps:s]):
                honor = _honor(ctx, ps, s)
    return honor


def _draft_rows(ctx: Context, rows, honor, rule: str) -> None:
    from kg.extract.rules.honors import conferral
    from kg.extract.rules.organizations import org_class
    from kg.extract.rules.persons import membership

    draft, text = ctx.draft, ctx.text
    for rs, oe, ns, re_, own in rows:
        name, org_name, post = text[ns:re_], text[rs:oe], text[oe:ns] if own else ""
        if not own:
            rs = ns      # a person sharing an earlier row's organization: the row is the name
        person = draft.entity("Person", name, (ns, re_), rule=rule, confidence=0.75)
        # the row is read whole: other splits of the same row (another post, a shorter body) give way to it
        for _, e, f in draft.within(rs, re_, "Membership"):
            if e <= re_ and f.first("member") == person.id and f in draft.facts:
                draft.remove(f)
        org = draft.entity(org_class(org_name, ctx.lex) or "Organization", org_name, (rs, oe) if own else None, rule=rule,
                           confidence=0.7)
        pos = oe
        for part in post.split("、") if post else ():
            # 工人、高级技师: two posts, each held at the row's organization
            membership(ctx, person, part, (pos, pos + len(part)), (rs, re_), rule, org_label=org_name, org_start=rs, conf=0.75)
            pos += len(part) + 1
        if org.cls in ("Company", "Organization"):
            person.props["employer"] = [org.id]
        if honor:
            conferral(ctx, person, honor[0], honor[1], (rs, re_), rule.replace("person.", "honor."), 0.7)


def _after_marker(ctx: Context) -> None:
    text = ctx.text
    for m in MARKER.finditer(text):
        end = _list_end(text, m.end())
        nxt = MARKER.search(text, m.end(), end)
        if nxt:
            end = nxt.start()     # 的有10人,分别为…: the list is the next marker's
        lines = not text[m.end():end].strip()
        if lines:
            end = _lines_end(text, m.end())   # 分别是:\n\n测山量海的“筑路人”田国锐;\n\n…: one item a line
        closing = re.search(r"等(?:\d+|[一二三四五六七八九十百两]+)(?:人|名|位)$", text[m.end():end])
        if closing:
            end = m.end() + closing.start()
        seps = re.compile("[；;]") if lines else re.compile("[，,；;]") if re.search("[，,；;]", text[m.end():end]) else re.compile("、")
        rows, skipped = _rows(ctx, m.end(), end, seps=seps)
        if len(rows) < 2:
            _persons_listed(ctx, m, end, seps)
            continue
        _draft_rows(ctx, rows, _lead_honor(ctx, m.start()), "person.list-row")
        for s in skipped:
            ctx.draft.notes.append(f"list after {m.group(0)!r}: the item {s!r} was not read (its organization, post and name "
                                   "cannot be told apart)")


def _persons_listed(ctx: Context, m, end: int, seps: re.Pattern) -> None:
    """A list whose items are persons the draft already has, each item ending with one (这20名优秀技术工人分别是:
    电动装卸机械司机技师许振超、特种熔融焊接工高级技师高凤林、…): the honor of the lead, nothing else."""
    text, draft = ctx.text, ctx.draft
    persons, unread, pos = [], [], m.end()
    for sm in list(seps.finditer(text, m.end(), end)) + [None]:
        pe = sm.start() if sm else end
        while pe > pos and text[pe - 1] in " \t\n":
            pe -= 1
        got = [f for _, _, f in draft.within(pos, pe, "Person", ends_in=(pe, pe))]
        em = re.search(rf"”(?P<n>{HAN}{{2,3}})$", text[pos:pe])
        if not got and em and ctx.lex.listed_name(em.group("n")):
            # 测山量海的“筑路人”田国锐: a nickname in quotes, then the name
            got = [draft.entity("Person", em.group("n"), (pe - len(em.group("n")), pe), rule="person.list-row", confidence=0.7)]
        if got:
            persons.append((got[0], (pos, pe)))
        else:
            unread.append(text[pos:pe].strip())
        pos = sm.end() if sm else end
    honor = _lead_honor(ctx, m.start()) if len(persons) >= 2 and len(unread) < len(persons) else None
    if honor is None:
        return
    from kg.extract.rules.honors import conferral

    for person, span in persons:
        conferral(ctx, person, honor[0], honor[1], span, "honor.list-row", 0.7)
    for u in unread:
        draft.notes.append(f"list after {m.group(0)!r}: no person read in the item {u!r} (not given {honor[0]})")


def _before_grant(ctx: Context) -> None:
    text = ctx.text
    for m in CLOSED.finditer(text):
        ss = max(text.rfind(c, 0, m.start()) for c in "。；;:：\n") + 1
        # the groups between commas, from the last one back, while they read as rows (宁晋晶澳公司崔士钊、刘龙龙,宁晋松宫公司王兆峰等)
        bounds = [ss] + [ss + c.end() for c in re.finditer("[，,]", text[ss:m.start()])]
        rows, skipped, ge = [], [], m.start()
        for k, gs in enumerate(reversed(bounds)):
            while gs < ge and text[gs] in " \t　":
                gs += 1
            r, sk = _rows(ctx, gs, ge, seps=re.compile("、"), share=True)
            if k and (not r or sk):
                break
            rows, skipped, ge = r + rows, sk + skipped, gs - 1
        n = m.group("n")
        if len(rows) < 2 or (n and n.isdigit() and len(rows) > int(n)):
            continue
        se = _next(text, "。；;\n", m.end())
        _draft_rows(ctx, rows, _honor(ctx, m.end(), se) if not skipped else None, "person.list-row")
        for s in skipped:
            ctx.draft.notes.append(f"list before {m.group(0)!r}: the item {s!r} was not read (its organization, post and "
                                   "name cannot be told apart); no honor given to the list")


def apply(ctx: Context) -> None:
    _after_marker(ctx)
    _before_grant(ctx)
