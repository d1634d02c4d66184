"""Document metadata: kind, number and its parts, title, issuer, date, addressee, the suggestion or
proposal answered and its session, handlers, disclosure stamp, web-page fields (发布时间, 来源, 作者).

>>> from kg.extract.pipeline import extract_text
>>> d = extract_text("湘人社函〔2021〕8号\\n对市十五届人大三次会议第023号建议的答复\\n刘芳代表：\\n您提出的《关于加强技能人才培养的建议》收悉。")
>>> doc = d.by_id("reply-letter")
>>> doc.first("issuerCode"), doc.first("documentYear"), doc.first("serialNumber")
('湘人社函', 2021, 8)
"""
from __future__ import annotations

import re

from kg.extract.dates import find_iso
from kg.extract.normalize import CJK
from kg.extract.rules.base import HAN, Context

DOC_NO = re.compile(rf"(?P<code>{HAN}{{1,10}}?)\s*[〔\[(（【]\s*(?P<year>(?:19|20)\d\d)\s*[〕\])）】]\s*(?P<serial>\d{{1,5}})\s*号")
SESSION = re.compile(
    rf"(?P<pre>政协)?(?P<place>(?:(?:(?![对于关在的和])[{CJK}]){{1,6}}?(?:省|市|自治区|县|区)|全国|省|市|县|区|自治区))?(?P<pre2>政协)?"
    r"(?:第)?(?P<term>[一二三四五六七八九十]{1,3}|\d{1,2})届(?:[ \t]*\n\s*)?(?P<nat>全国)?(?P<body>人大|人民代表大会|政协|委员会)?"
    r"(?:第)?(?P<sess>[一二三四五六七八九十]{1,2}|\d{1,2})次(?:全体)?会议"
)
# a session named by its term only (在区政协一届会议上提出的…): the Event gets congressTerm, no sessionNumber
SESSION_TERM = re.compile(rf"(?:(?:(?![您你在于对的])[{CJK}]){{0,6}}?(?:政协|人大)(?:第)?)(?P<term>[一二三四五六七八九十]{{1,3}}|\d{{1,2}})届(?:全体)?会议")
SUGG_NO = re.compile(r"第\s*(?P<n>\d{1,6})\s*号(?:代表|委员)?(?P<kind>建议|提案|议案)")
TITLE_LINE = re.compile(r"(?m)^[ \t]*(?P<t>[^\n。:>|]{4,90}?(?:\n[^\n。:>|]{0,30}?)?(?:的\s?答复函|的\s?答复|答复函|的\s?复函|的\s?回复|答复意见))[ \t]*$")
#: a title broken over two lines with a blank line between (湖南省住房和城乡建设厅关于省十三届 / 人大五次会议第1140号建议的会办意见)
TITLE_BROKEN = re.compile(rf"(?m)^[ \t]*(?P<t>{HAN}{{2,30}}?关于[^\n。:>|]{{2,40}}\n[ \t]*\n[ \t]*[^\n。:>|]{{2,40}}?"
                          r"(?:的\s?答复|的\s?会办意见|的\s?协办意见|的\s?办理意见|答复函|的\s?复函))[ \t]*$")
ADDRESSEE = re.compile(rf"(?m)^[ \t]*(?:尊敬的)?(?P<names>{HAN}{{2,4}}(?:[、,]{HAN}{{2,4}})*?)(?P<role>代表|委员|同志)(?:们)?\s*:")
HANDLER = re.compile(r"(?P<what>承办负责人|承办人|联系人|经办人|签发人|承办单位负责人)\s*[:|]\s*(?P<name>[^\s\d:|,，。]{2,4})")
PHONE = re.compile(r"联系电话\s*[:|]\s*(?P<tel>[\d\-—]{7,20})")
# a field of a disclosure page: 成文日期: 2025-09-09, or a table cell: | 成文日期: | 2025-09-09 |
FIELD_SEP = r"\s*(?:[:|]\s*)+"
WEB_DATE = re.compile(rf"(?:发布时间|发文日期|成文日期|发布日期|时间|日期){FIELD_SEP}(?P<d>(?:19|20)\d\d[-./年]\d{{1,2}}[-./月]\d{{1,2}}日?)")
WEB_SOURCE = re.compile(r"(?:文章来源|来源|稿件来源)\s*[:|]\s*(?P<v>[^\s:|]{2,30})")
WEB_AUTHOR = re.compile(r"(?<!提案)(?:作者|撰稿|文)\s*[:|]\s*(?P<v>[^\s:|]{2,4})(?=\s|$)")
INDEX_NO = re.compile(rf"索\s*引\s*号{FIELD_SEP}(?P<v>[\w/\-]{{6,40}})")
NEWS_LEAD = re.compile(rf"^(?P<outlet>{HAN}{{2,8}}?(?:日报|晚报|网|电视台|社))(?P<md>\d{{1,2}}月\d{{1,2}}日)(?:电|讯)")
FURNITURE = re.compile(r"(?:发布时间|作者|来源|时间|文章来源)\s*[:|]")
LETTER_HINT = re.compile(r"答复|复函")
# what a reply says after its salutation: 您提出的《…》收悉, 现答复如下, 提出协办意见如下
REPLY_WORDS = re.compile(r"收悉|(?:答复|函复|协办意见|会办意见|办理意见)如下")
# a salutation to a body (a co-handling opinion goes to the lead department): 省人力资源社会保障厅:
ORG_SALUTATION = re.compile(rf"(?m)^[ \t]*(?P<org>{HAN}{{2,30}}(?:厅|局|委员会|部|办公室|人民政府))[ \t]*:[ \t]*$")
# the bodies consulted, named before the answer: 收悉，经商教育部、国务院国资委、全国总工会，现答复如下
CO_HANDLERS = re.compile(r"收悉[,，。]\s*经(?:商|征求)(?P<list>[^。:：]{2,160}?)(?:意见|同意)?[,，]\s*现(?:将[^。]{0,12})?答复如下")
# who made the suggestion answered, when the letter names them: 现就郭永全委员提出的关于…的提案 (王洪龄等委员提出的: the first)
PROPOSER = re.compile(rf"(?P<name>(?:(?!等){HAN}){{2,4}})(?:等)?(?P<role>代表|委员)(?:们)?(?:在[^。,，]{{2,30}}?)?(?:提出的|所提的?)"
                      rf"(?:《(?P<t1>[^》]{{4,80}})》|(?P<t2>关于[^。《》]{{2,80}}?的(?:建议|提案)))")
#: a deputy or member a news item says submits a suggestion or proposal (傅国涛将提交一份《…的建议》,
#: 胡成中在政协十届全国委员会第四次会议上提出的《…的建议》提案, 王洪龄等委员提出的《…》重点提案: the first named)
SUBMITTED = re.compile(rf"(?P<run>{HAN}{{2,12}}?)(?:等(?:\d+|[一二三四五六七八九十]+)?(?:名|位)?)?(?:代表|委员)?(?:将|已|还)?(?:在[^。《》\n]{{2,40}}?上)?"
                       r"(?:提交|提出)(?:了)?(?:的)?(?:一份|一件|一个)?《(?P<t1>[^》\n]{4,80})》"
                       r"(?:(?<=建议》|提案》)|(?=(?:重点|团体|联名)?(?:提案|建议)))")   # 王洪龄等委员提出的《…》重点提案
#: the body a letter names as the lead handler of what it answers: 作为建议的主办方，市人社局…
LEAD_HANDLER = re.compile(rf"作为(?:该|本|此|您的)?(?:建议|提案)?(?:的)?(?:主办方|主办单位|主办部门)[,，]\s*(?:我们)?(?P<org>{HAN}{{2,20}}?(?:局|厅|部|委员会))")
CN_DIGITS = "零一二三四五六七八九"
#: what a document calls itself at the end of its title (关于…的决定, …的公示)
KINDS = r"(?:通知|意见|实施意见|办法|方案|决定|规定|函|公告|公示)"
#: a date alone on its line, as a signature prints it (2020年4月26日, 二○一○年三月十八日, 二00七年四月二十八日)
DATE_LINE = re.compile(r"(?m)^[ \t]*(?P<y>(?:19|20)\d\d|[一二〇○零0三四五六七八九]{4})年(?P<m>[\d一二三四五六七八九十]{1,3})月"
                       r"(?P<d>[\d一二三四五六七八九十]{1,3})日[ \t]*$")
#: the bodies a notice goes to, opening its body: 各市人力资源和社会保障局、各有关单位:
ADDRESSEES = re.compile(r"\s*各[^\n:：。]{2,80}[:：][ \t]*\n")
#: a title line naming its issuer: 柳州市人民政府关于表彰梁开精等10位“柳州金牌工人”的决定
ISSUER_TITLE = re.compile(rf"(?m)^[ \t]*(?P<t>{HAN}{{2,30}}?(?:人民政府|政府|局|厅|部|委员会|办公室)关于[^\n。]{{2,80}}?的{KINDS})[ \t]*$")


def _int(text: str) -> int:
    from kg.extract.numerals import parse_number

    return int(parse_number(text))


def _issuer_from_header(ctx: Context, head: str) -> tuple[str, tuple[int, int]] | None:
    """The issuing body from the letterhead (its first non-empty line), repairing a stamp printed over it."""
    lex = ctx.lex
    for m in re.finditer(r"(?m)^[ \t]*(?P<line>\S[^\n]{2,40})$", head[:400]):
        line = m.group("line").strip()
        name = re.sub(r"文件$", "", line)
        stamp = next((s for s in lex.stamps if s in name), None)
        if stamp:
            name = name.replace(stamp, "")
            ctx.doc.set("accessRights", stamp)
        name = re.sub(r"\s+", "", name)
        for suffix in sorted(lex.org_suffixes, key=len, reverse=True):
            if lex.org_suffixes[suffix] != "GovernmentBody" or len(suffix) < 4:
                continue
            # a stamp that covered one character: 人力资源和社会保局 -> 人力资源和社会保障局
            for k in range(1, len(suffix)):
                broken = suffix[:k] + suffix[k + 1:]
                if stamp and name.endswith(broken) and not name.endswith(suffix):
                    name = name[: len(name) - len(broken)] + suffix
                    ctx.doc.note(f"the letterhead reads {line}: the stamp {stamp} is printed over the name; read as {name}")
                    break
        if re.search(r"(局|厅|部|委员会|人民政府|政府|办公室)$", name) and len(name) >= 4:
            return name, (m.start("line"), m.end("line"))
        if not stamp:
            return None
    return None


def apply(ctx: Context) -> None:
    draft, text = ctx.draft, ctx.text
    head = text[:2500]
    title_m = TITLE_LINE.search(head) or TITLE_BROKEN.search(head)
    number_m = None
    for m in DOC_NO.finditer(head):
        pre = text[max(0, m.start() - 1):m.start()]
        if pre in ("（", "(", "《") and not _own_line(text, m):
            continue
        number_m = m
        break
    sugg_m = SUGG_NO.search(head)
    salute_m = ADDRESSEE.search(head) or ORG_SALUTATION.search(head[:600])
    reply_m = REPLY_WORDS.search(head)
    # a letter: its title says so, or a number with the suggestion answered, or a salutation (or the number) and the
    # words of a reply (您提出的…收悉，现答复如下) — a disclosure page often prints no title line
    ctx.is_letter = bool(title_m or (number_m and sugg_m and LETTER_HINT.search(head))
                         or (reply_m and (salute_m or (number_m and re.search(r"(?:建议|提案|议案)》?(?:已)?收悉", head)))))
    notice = not ctx.is_letter and number_m is not None and not FURNITURE.search(head[:number_m.start()])
    dated_m = _date_line(text, 0, 2500)
    issuer_title_m = ISSUER_TITLE.match(head, len(head) - len(head.lstrip()))
    if not ctx.is_letter and number_m is None and issuer_title_m and dated_m:
        notice = True   # a decision or notice reposted without its number: its issuer's title line, then a signature date
    if not ctx.is_letter and number_m is None and dated_m and ADDRESSEES.match(head) and _signatories(text):
        notice = True   # a notice's body page: it opens with the bodies it goes to (各市…局、各有关单位:) and is signed and dated
    if not ctx.is_letter and number_m is not None and not notice and dated_m and _alone(text, number_m) \
            and ADDRESSEES.match(text, number_m.end()) and _signatories(text):
        notice = True   # a portal's fields (发布时间:, 发文部门:) above a notice's number line, its addressees and signature
    if not ctx.is_letter and not notice and number_m is None and not dated_m and _flat_notice(ctx, head):
        notice = True   # 某有限公司、某学院:…特此通知,某局2023年8月4日。 — a notice that lost its line breaks
    cls = "ReplyLetter" if ctx.is_letter else ("Document" if notice else "MediaReport")
    doc = draft.fact(cls, "", None, rule="document.kind", confidence=0.9, hint="reply-letter" if ctx.is_letter else "news-report")
    ctx.doc = doc
    title = None
    title_span = None
    if title_m:
        title = re.sub(r"\s+", "", title_m.group("t"))
        draft.add_quote(doc, title_m.span("t"))
    elif notice:
        # 关于…的通知 on one line, or the issuer's name before it and the title broken over two lines
        nm = (re.search(rf"(?m)^[ \t]*(?P<t>(?:{HAN}{{2,30}}?)?关于[^\n。]{{4,80}}?的{KINDS})[ \t]*(?:[（(][^\n()（）]{{4,24}}号[）)][ \t]*)?$", head)
              or re.search(rf"(?m)^[ \t]*(?P<t>{HAN}{{2,30}}?关于[^\n。]{{2,60}}\n[^\n。]{{2,60}}?的{KINDS})[ \t]*$", head)
              or _flat_title(text, number_m))
        if nm:
            title = re.sub(r"\s+", "", nm.group("t"))
            title_span = nm.span("t")
            draft.add_quote(doc, nm.span("t"))
    elif not ctx.is_letter:
        fm = FURNITURE.search(head)
        if fm:
            ls = head.rfind("\n", 0, fm.start())
            prev = head[:max(ls, 0)].rstrip().rsplit("\n", 1)[-1].strip() if ls > 0 else ""
            line_start = head.find(prev, 0, ls) if prev else -1
            # not a credit line (文 | 记者 周聪 通讯员 粤仁宣)
            if 6 <= len(prev) <= 60 and re.search(HAN, prev) and line_start >= 0 and not re.search(r"[|>]|记者|通讯员", prev):
                title = prev
                draft.add_quote(doc, (line_start, line_start + len(prev)))
    if title is None and not ctx.is_letter and not notice:
        title = _headline(ctx, doc)
    if title:
        doc.set("title", title)
    doc.label = title or ("答复" if ctx.is_letter else ("文件" if notice else "新闻报道"))
    if number_m:
        code = number_m.group("code")
        code = re.sub(r"^(?:发文字号|文号|字号)", "", code)
        code = re.sub(FLAT_TITLE_END, "", code)   # 室名单的通知琼人社发〔2024〕28号: the title runs into the number
        doc.set("identifier", re.sub(r"\s+", "", number_m.group(0)).replace(number_m.group("code"), code))
        doc.set("issuerCode", code)
        doc.set("documentYear", int(number_m.group("year")))
        doc.set("serialNumber", int(number_m.group("serial")))
        draft.add_quote(doc, (number_m.start("code") + len(number_m.group("code")) - len(code), number_m.end()))
        doc.rule = "document.number"
    # dates
    date = None
    wm = WEB_DATE.search(head)
    if wm and ctx.is_letter and not re.match(r"发文日期|成文日期", wm.group(0)) and number_m:
        wm = None
    if wm and notice and not re.match(r"发文日期|成文日期", wm.group(0)) and signature_date(text, 0, 2500):
        # a notice is dated by its signature (2022年9月16日), not by the day the page put it up (发布时间:2022-09-19)
        doc.note(f"date: the signature's; the page was published {wm.group('d')}")
        wm = None
    if wm:
        raw = wm.group("d")
        iso = find_iso(re.sub(r"[年月]", "-", raw).rstrip("日"))
        if iso:
            date = iso
            draft.add_quote(doc, wm.span())
    if date is None and (ctx.is_letter or notice):
        found = signature_date(text, max(0, len(text) - 300), len(text)) if ctx.is_letter else signature_date(text, 0, 2500)
        if found:
            date = found[0]
            draft.add_quote(doc, found[1])
    if date is None and number_m:
        date = int(number_m.group("year"))
        doc.note(f"date: the year of the document number ({number_m.group('year')}); no day is printed")
    lead = NEWS_LEAD.search(text.lstrip()[:60]) if not ctx.is_letter else None
    if lead:
        off = len(text) - len(text.lstrip())
        outlet = draft.entity("MediaOutlet", lead.group("outlet"), (off + lead.start("outlet"), off + lead.end("outlet")),
                              rule="document.news-lead", confidence=0.85)
        doc.add("publisher", outlet)
        draft.add_quote(doc, (off + lead.start(), off + lead.end()))
    if date is not None:
        doc.set("date", date)
        year = int(str(date)[:4])
        ctx.dates.doc_year = year
    elif number_m:
        ctx.dates.doc_year = int(number_m.group("year"))
    # web page fields
    if not ctx.is_letter:
        sm = WEB_SOURCE.search(head)
        if sm and re.search(r"原创|投稿|转载|网络|本站|/|[(（]|消息|记者|\d月\d", sm.group("v")):
            sm = None   # 来源:原创/投稿/转载: how the page came, not who published it; nor a dispatch's first words (央广网哈尔滨4月20日消息(记者…)
        if sm and not FURNITURE.match(text, sm.start("v")) and text[sm.end("v"):sm.end("v") + 1] not in (":", "|"):
            src = sm.group("v")
            cls_ = "MediaOutlet" if re.search(r"(日报|晚报|报|网|电视台|新闻)$", src) else "Organization"   # 人民政协报
            for suffix, c in sorted(ctx.lex.org_suffixes.items(), key=lambda kv: -len(kv[0])):
                if src.endswith(suffix) and cls_ == "Organization":
                    cls_ = {"School": "Organization"}.get(c, c)
                    break
            org = draft.entity(cls_, src, sm.span("v"), rule="document.web-source", confidence=0.7)
            doc.add("publisher" if cls_ == "MediaOutlet" else "author", org)
        am = WEB_AUTHOR.search(head)
        if am and ctx.lex.is_name(am.group("v")):
            p = draft.entity("Person", am.group("v"), am.span("v"), rule="document.web-author", confidence=0.75)
            doc.add("author", p)
    if not ctx.is_letter and not doc.props.get("publisher"):
        _site_publisher(ctx, doc)
    im = INDEX_NO.search(head)
    if im:
        doc.set("indexNumber", im.group("v"))
    # issuer
    issuer = None
    hdr = _issuer_from_header(ctx, head) if ctx.is_letter else None
    if hdr:
        issuer = draft.entity("GovernmentBody", hdr[0], hdr[1], rule="document.letterhead", confidence=0.85)
    elif title and (ctx.is_letter or notice):
        tm = re.match(rf"(?P<org>{HAN}{{2,30}}?(?:人民政府|政府|局|厅|部|委员会|办公室))(?:关于|对)", title)
        if tm and (title_m or title_span):
            s = title_m.start("t") if title_m else title_span[0]
            issuer = draft.entity("GovernmentBody", tm.group("org"), (s, s + len(tm.group("org"))),
                                  rule="document.title-issuer", confidence=0.85)
    co_signers: list = []
    signers = _signatories(text) if notice and issuer is None else []
    if len(signers) > 1:
        # several bodies sign a joint notice: their names on the lines above the date (one or more a line)
        issuer, *co_signers = [draft.entity("GovernmentBody", text[a:b], (a, b), rule="document.signature", confidence=0.75)
                               for a, b in signers]
    if issuer is None and (ctx.is_letter or notice):
        tail_off = max(0, len(text) - 400) if ctx.is_letter else 0
        sig = None
        for sig in re.finditer(rf"(?m)^[ \t]*(?P<org>{HAN}{{4,30}}(?:局|厅|部|委员会|人民政府|政府|办公室))[ \t]*\n\s*"
                               r"(?:(?:19|20)\d\d|[一二〇○零0三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月",
                               text[tail_off:]):
            pass
        if sig:
            issuer = draft.entity("GovernmentBody", sig.group("org"), (tail_off + sig.start("org"), tail_off + sig.end("org")),
                                  rule="document.signature", confidence=0.8)
    if issuer is None and notice and not ctx.is_letter:
        fd = None
        for fd in FLAT_DATE.finditer(text):
            pass
        bm = re.search(rf"{SIGN_BODY.pattern}$", text[max(0, fd.start() - 30):fd.start()]) if fd else None
        if bm:
            # …特此通知,珠海市人力资源和社会保障局2023年8月4日。: the body right before the closing date signs
            bs = max(0, fd.start() - 30) + bm.start()
            issuer = draft.entity("GovernmentBody", bm.group(0), (bs, bs + len(bm.group(0))), rule="document.signature", confidence=0.75)
    if issuer is None and (ctx.is_letter or notice) and number_m:
        issuer = _issuer_from_code(ctx, doc, number_m)
    if issuer is None and ctx.is_letter:
        lead = LEAD_HANDLER.search(text, 0, min(len(text), 1500))
        if lead:
            # 作为建议的主办方，市人社局党委高度重视: the body that leads the handling answers
            issuer = draft.entity("GovernmentBody", lead.group("org"), lead.span("org"), rule="document.lead-handler", confidence=0.75)
            doc.note(f"issuer: the body the letter names as the lead handler ({lead.group(0)})")
    if issuer:
        doc.set("issuer", issuer)
        ctx.issuer = issuer
        for f in co_signers:
            doc.add("issuer", f)
    _co_handlers(ctx)
    # suggestion / proposal and its session
    submitted = SUBMITTED.search(head) if not (ctx.is_letter or sugg_m or notice) else None
    if ctx.is_letter or sugg_m or (submitted and _name_of_run(ctx, submitted.group("run"))):
        _suggestion(ctx, head, sugg_m, submitted)
    # addressee
    if ctx.is_letter:
        am = ADDRESSEE.search(head)
        if am:
            names = re.split(r"[、,]", am.group("names"))
            pos = am.start("names")
            # in a salutation (乔艳红、善巧云委员:) a name with a rare surname stands beside names the lexicon knows
            listed = len(names) > 1 and any(ctx.lex.is_name(n) for n in names)
            for name in names:
                if ctx.lex.is_name(name) or (listed and _plausible_listed_name(ctx, name)):
                    p = draft.entity("Person", name, (pos, pos + len(name)), rule="document.addressee", confidence=0.9)
                    doc.add("addressee", p)
                    role_label = "人大代表" if am.group("role") == "代表" else ("政协委员" if am.group("role") == "委员" else None)
                    if role_label:
                        from kg.extract.rules.persons import membership

                        membership(ctx, p, role_label, (pos, am.end("role")), (pos, am.end("role")), "document.addressee", conf=0.85)
                    sugg = draft.get(("suggestion",))
                    if sugg is not None:
                        sugg.add("author", p)
                pos += len(name) + 1
        else:
            om = ORG_SALUTATION.search(head[:600])
            if om:
                org = draft.entity("GovernmentBody", om.group("org"), om.span("org"), rule="document.addressee", confidence=0.8)
                doc.add("addressee", org)
                am = om
        _proposer(ctx)
        ctx.header_end = am.end() if am else (number_m.end() if number_m else 0)
    elif draft.get(("suggestion",)) is not None:
        _proposer(ctx)   # a news item on a suggestion it names: 吴小兵代表提出的《关于提高产业工人薪资待遇的建议》
    if not doc.quotes and ctx.is_letter and salute_m:
        # a letter without title or number (a disclosure page) is quoted by its salutation (尊敬的徐维丽代表:)
        draft.add_quote(doc, salute_m.span())
        doc.note("the letter prints no title or number: quoted by its salutation")
    if doc.cls == "ReplyLetter" and not (doc.props.get("issuer") and doc.props.get("repliesTo")):
        doc.cls = "Document"
        doc.note("drafted as a Document: the issuer or the suggestion answered was not found")
    # handlers
    spans = [(0, min(len(text), 1200))] + ([(max(1200, len(text) - 600), len(text))] if len(text) > 1200 else [])
    for lo, hi in spans:
        for m in HANDLER.finditer(text, lo, hi):
            name = m.group("name")
            if not ctx.lex.is_name(name):
                continue
            p = draft.entity("Person", name, m.span("name"), rule="document.handler", confidence=0.9)
            what = m.group("what")
            prop = "signedBy" if what == "签发人" else ("handlerInCharge" if "负责人" in what else "handler")
            doc.add(prop, p)
            if what == "签发人":
                from kg.extract.rules.persons import membership

                membership(ctx, p, "签发人", m.span("what"), (m.start(), m.end("name")), "document.handler", conf=0.8)
    pm = PHONE.search(text, max(0, len(text) - 600))
    if pm:
        doc.set("telephone", pm.group("tel"))
    # 我市 / 我省: the polity of the issuer
    _city(ctx)
    if not doc.quotes:
        _opening(ctx, doc)


FLAT_TITLE_END = re.compile(r"^.*(?:的通知|通知|意见|办法|方案|决定|规定|批复)")
FLAT_TITLE = re.compile(rf"(?P<t>{HAN}{{0,40}}?关于[^\n。]{{4,80}}?的{KINDS})$")
SIGN_BODY = re.compile(rf"{HAN}{{4,30}}?(?:局|厅|部|委员会|人民政府|政府|办公室)")


def _flat_title(text: str, number_m):
    """A title run into the number on a page that lost its line breaks (…关于公布…名单的通知琼人社发〔2024〕28号)."""
    if number_m is None:
        return None
    flat = FLAT_TITLE_END.match(number_m.group("code"))
    if not flat:
        return None
    ls = text.rfind("\n", 0, number_m.start()) + 1
    return FLAT_TITLE.search(text, ls, number_m.start("code") + flat.end())


#: a date right after the signing body on a page without line breaks; a 。 after it only at the very end (…特此通知,
#: 珠海市人力资源和社会保障局2023年8月4日。)
FLAT_DATE = re.compile(r"(?<=厅|局|府|室|会|部)(?P<y>(?:19|20)\d\d)年(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?=[(（\s]|$|。\s*$)")
#: a page that opens with the bodies a notice goes to, all on one run (某有限公司、某学院:)
FLAT_ADDRESSEES = re.compile(r"\s*(?P<l>[^\n:：。，,]{4,300}?)[:：]")


def _flat_notice(ctx: Context, head: str) -> bool:
    """A notice printed without line breaks: it opens with its addressees (bodies joined by 、, then :) and closes with
    the signing body and date (…珠海市人力资源和社会保障局2023年8月4日。)."""
    from kg.extract.rules.organizations import org_class

    am = FLAT_ADDRESSEES.match(head)
    if not am or "\n" in ctx.text.strip():
        return False
    parts = am.group("l").split("、")
    if not all(re.fullmatch(rf"(?:{HAN}|[(（]{HAN}{{1,6}}[)）])+", p) and org_class(p, ctx.lex) for p in parts):
        return False
    found = signature_date(ctx.text)
    return bool(found) and found[1][1] >= len(ctx.text.rstrip()) - 2


def signature_date(text: str, start: int = 0, end: int | None = None) -> tuple[str, tuple[int, int]] | None:
    """The signature's date in text[start:end]: the last date alone on a line (2024年4月9日, 二○一三年八月二十七日), or one
    right after the signing body on a page that lost its line breaks (…保障厅2024年4月8日(此件主动公开)): ISO date, span."""
    end = len(text) if end is None else end
    m = _date_line(text, start, end)
    if m:
        return _date_of(m), (m.start("y"), m.end("d") + 1)
    flat = None
    for flat in FLAT_DATE.finditer(text, start, end):
        pass
    if flat and re.search(rf"{SIGN_BODY.pattern}$", text[max(0, flat.start() - 30):flat.start()]):
        iso = _date_of(flat)
        return (iso, (flat.start("y"), flat.end())) if iso else None
    return None


def _signatories(text: str) -> list[tuple[int, int]]:
    """The bodies signing a notice: names alone on the lines right above its date line (blank lines between allowed;
    several names on a line separated by spaces, or run together when the spaces were lost)."""
    date = _date_line(text, 0, len(text))
    if date is None:
        return []
    spans: list[tuple[int, int]] = []
    pos = text.rfind("\n", 0, date.start("y"))
    for _ in range(12):
        if pos <= 0:
            break
        ls = text.rfind("\n", 0, pos) + 1
        line = text[ls:pos]
        if line.strip():
            names = []
            for w in re.finditer(r"\S+", line):
                parts = _split_bodies(w.group(0))
                if parts is None:
                    return spans
                names += [(ls + w.start() + a, ls + w.start() + b) for a, b in parts]
            spans[:0] = names
        pos = ls - 1
    return spans


def _split_bodies(word: str, at: int = 0) -> list[tuple[int, int]] | None:
    """A signature line whose spaces were lost (中共某镇委员会某镇人民政府): the names it is made of, shortest first;
    None when it is not made of body names."""
    if at == len(word):
        return []
    for end in range(at + 5, len(word) + 1):
        if SIGN_BODY.fullmatch(word, at, end):
            rest = _split_bodies(word, end)
            if rest is not None:
                return [(at, end)] + rest
    return None


def _alone(text: str, m) -> bool:
    """A match alone on its line (镇人社办发〔2022〕16号)."""
    ls = text.rfind("\n", 0, m.start()) + 1
    le = text.find("\n", m.end())
    return not text[ls:m.start()].strip() and not text[m.end():len(text) if le < 0 else le].strip()


def _own_line(text: str, m) -> bool:
    """A number in brackets alone on its line (劳社部发〔2000〕24号) under a title, or closing the title's line
    (关于表彰2009年度全国技术能手的决定(人社部发[2010]18号)): the document's own number."""
    ls = text.rfind("\n", 0, m.start()) + 1
    le = text.find("\n", m.end())
    le = len(text) if le < 0 else le
    if re.fullmatch(r"[）)][ \t]*", text[m.end():le]) is None:
        return False
    return re.fullmatch(rf"[ \t]*(?:{HAN}{{0,30}}关于[^\n。]{{2,80}}的{KINDS}[ \t]*)?[（(]", text[ls:m.start()]) is not None


def _date_line(text: str, start: int = 0, end: int | None = None):
    """The last date alone on its line in text[start:end] (a signature's date), or None."""
    m = None
    for m in DATE_LINE.finditer(text, start, len(text) if end is None else end):
        pass
    return m if m is not None and _date_of(m) else None


def _date_of(m) -> str | None:
    """ISO date of a DATE_LINE match (二○一○年三月十八日 -> 2010-03-18; 二00七年 is read digit by digit)."""
    import datetime

    y = m.group("y") if m.group("y").isdigit() else m.group("y").replace("0", "〇")
    try:
        return datetime.date(_int(y), _int(m.group("m")), _int(m.group("d"))).isoformat()
    except (TypeError, ValueError):
        return None


HEADLINE = re.compile(rf"[ \t]*(?P<t>[^\n。！？!?:：]{{6,60}})[ \t]*\n")
#: a headline naming who speaks, then what (全国人大代表傅国涛:愿高技能人才像明星一样受追捧); not a page field (来源:…)
HEADLINE_SAYS = re.compile(rf"[ \t]*(?P<t>{HAN}[^\n。！？!?:：]{{3,29}}[:：][^\n。！？!?:：]{{4,50}})[ \t]*\n")
FIELD_NAME = re.compile(r"[^:：]{0,8}(?:时间|日期|来源|作者|编辑|记者|通讯员|标题|摘要|关键词|文号|索引号|分类|主题|位置|地址|电话|邮编)\s*[:：]")


def _headline(ctx: Context, doc) -> str | None:
    """A news item's headline: its first line when it is short, has no sentence end and the next line is not
    the rest of a cut sentence (a line of at most 60 characters, followed by a longer text)."""
    text = ctx.text
    m = HEADLINE.match(text, len(text) - len(text.lstrip()))
    if m is None:
        m = HEADLINE_SAYS.match(text, len(text) - len(text.lstrip()))
        if m is not None and (FIELD_NAME.match(m.group("t")) or FURNITURE.search(m.group("t"))):
            m = None
    if not m or not re.search(HAN, m.group("t")) or len(text) - m.end() < 40:
        return None
    end = m.end("t")
    m2 = HEADLINE.match(text, m.end())
    if m2 and re.search(r"(?:决定|通知|意见|公告|公示|名单|办法|方案)$", m2.group("t").strip()) and len(m.group("t")) + len(m2.group("t")) <= 80:
        end = m2.end("t")     # a title printed on two lines
    t = text[m.start("t"):end].strip()
    if t.endswith(("，", ",", "、", "《", "（", "(")) or FURNITURE.search(t) or re.search(r"[>|]", t):
        return None
    ctx.draft.add_quote(doc, (m.start("t"), end))
    return re.sub(r"\s*\n\s*", "", re.sub(r"[ \t]+", " ", t))


def _opening(ctx: Context, doc) -> None:
    """The document fact always has words of the text as its quote (the build requires one): its opening
    clause when nothing else (title, number, date, lead) was found."""
    text = ctx.text
    m = re.search(r"\S[^\n。！？!?，,；;]{0,59}", text)
    if m:
        ctx.draft.add_quote(doc, m.span())
        doc.note("the text gives no title: quoted at its opening words")


ICP = re.compile(rf"(?m)^[ \t]*(?P<org>{HAN}{{4,30}}?)[ \t]*(?:{HAN}ICP备|ICP备)")


def _site_publisher(ctx: Context, doc) -> None:
    """Who runs the site: the body before the ICP number in the footer, or an organization whose name opens a
    line repeated three times or more (the site's banner)."""
    draft, text = ctx.draft, ctx.text
    m = None
    for m in ICP.finditer(text, max(0, len(text) - 800)):
        pass
    if m:
        org = draft.entity("GovernmentBody" if re.search(r"部|厅|局|委|政府|办公室", m.group("org")) else "Organization",
                           m.group("org"), m.span("org"), rule="document.site-footer", confidence=0.6)
        doc.add("publisher", org)
        return
    counts: dict[str, list[int]] = {}
    for lm in re.finditer(r"(?m)^[ \t]*(?P<l>\S[^\n]{3,60})$", text):
        counts.setdefault(lm.group("l").strip(), []).append(lm.start("l"))
    for line, starts in counts.items():
        if len(starts) < 3:
            continue
        om = re.match(rf"{HAN}{{2,20}}?(?:协会|学会|联合会|局|厅|委员会|中心|网|报社|集团|公司)", line)
        if om:
            org = draft.entity("Association" if om.group(0).endswith(("协会", "学会", "联合会")) else "Organization", om.group(0),
                               (starts[0], starts[0] + len(om.group(0))), rule="document.site-banner", confidence=0.55)
            doc.add("publisher", org)
            return


def _issuer_from_code(ctx: Context, doc, number_m):
    """The issuer a letter names only by its number's code and by how it calls itself (人社提字〔2021〕47号 … 我部):
    the registry body whose name is the code's stem and that word (人社 + 部 = 人社部), else nobody."""
    code = re.sub(r"^(?:发文字号|文号|字号)", "", number_m.group("code"))
    stem = re.sub(r"[发函建提议复办]$", "", re.sub(r"字$", "", code))
    selves = {m.group(1) for m in re.finditer(r"我(部|厅|局|委|办)", ctx.text)}
    if len(stem) < 2 or len(selves) != 1:
        return None
    self_word = selves.pop()
    # 人社提字 … 我部: 人社 + 部; 人社部发 … 我部: the stem names the body already
    ent = ctx.known.entity_by_name(stem if stem.endswith(self_word) else stem + self_word)
    if ent is None or ent.cls != "GovernmentBody":
        return None
    start = number_m.start("code") + len(number_m.group("code")) - len(code)
    issuer = ctx.draft.entity(ent.cls, ent.label, (start, start + len(code)), rule="document.issuer-code", confidence=0.7)
    doc.note(f"issuer: read from the number's code {code} and the text's 我{self_word}; the text does not name it")
    return issuer


def _co_handlers(ctx: Context) -> None:
    """The bodies a letter says it consulted (经商发展改革委、教育部…，现答复如下): ``coHandledBy`` of the letter."""
    from kg.extract.rules.organizations import org_class

    m = CO_HANDLERS.search(ctx.text, 0, min(len(ctx.text), 2500))
    if m is None or not ctx.is_letter:
        return
    pos = m.start("list")
    items = re.split(r"[、,，]", m.group("list"))
    # the last two may be joined by 和/及 (民政部和统计局), a name never (工业和信息化部)
    last = re.fullmatch(rf"(?P<a>{HAN}{{2,12}}?)(?:和|及)(?P<b>{HAN}{{2,12}})", items[-1])
    if last and org_class(last.group("a"), ctx.lex) and org_class(last.group("b"), ctx.lex):
        items[-1:] = [last.group("a"), last.group("b")]
    for item in items:
        start, pos = pos, pos + len(item) + 1
        item = item.strip()
        if not 2 <= len(item) <= 20 or not re.fullmatch(f"{HAN}+", item):
            continue
        cls = org_class(item, ctx.lex) or "GovernmentBody"
        org = ctx.draft.entity(cls, item, (start, start + len(item)), rule="document.co-handler", confidence=0.8)
        ctx.doc.add("coHandledBy", org)


def _plausible_listed_name(ctx: Context, name: str) -> bool:
    """A name of a salutation's list that the surname list lacks (善巧云): two or three characters, none that a name avoids."""
    return 2 <= len(name) <= 3 and re.fullmatch(f"{HAN}+", name) is not None and not any(c in ctx.lex.not_in_name for c in name[1:])


def _proposer(ctx: Context) -> None:
    """The deputy or member the letter names as the author of what it answers (现就郭永全委员提出的关于…的提案)."""
    draft = ctx.draft
    sugg = draft.get(("suggestion",))
    m = PROPOSER.search(ctx.text, 0, min(len(ctx.text), 1500))
    if sugg is None or m is None or sugg.props.get("author"):
        return
    # the name is the end of the run of characters before the role (现就郭永全委员: 郭永全)
    name = next((m.group("name")[-n:] for n in (3, 2) if ctx.lex.is_name(m.group("name")[-n:])), None)
    if name is None and len(m.group("name")) == 3 and not re.match(HAN, ctx.text[m.start() - 1:m.start()] or " ") \
            and ctx.lex.listed_name(m.group("name")) and not re.search(r"[的了在和与及对向将把被为是有从由经并于以到让使等们体位各届]",
                                                                          m.group("name")[1:]):
        name = m.group("name")   # a name standing alone before 代表 (康镇麟代表提出的《…》): its characters may be rare in names
    if name is None:
        return
    p = draft.entity("Person", name, (m.end("name") - len(name), m.end("name")), rule="document.proposer", confidence=0.85)
    sugg.add("author", p)
    from kg.extract.rules.persons import membership

    membership(ctx, p, "人大代表" if m.group("role") == "代表" else "政协委员", m.span("role"), (m.end("name") - len(name), m.end("role")),
               "document.proposer", conf=0.8)


def _name_of_run(ctx: Context, run: str) -> str | None:
    """The personal name ending a run of characters (集团董事局主席胡成中: 胡成中), or None."""
    return next((run[-n:] for n in (3, 2) if len(run) >= n and ctx.lex.is_name(run[-n:])), None)


def _suggestion(ctx: Context, head: str, sugg_m, submitted=None) -> None:
    draft, text = ctx.draft, ctx.text
    # a CPPCC proposal: so named, or answered to a member (委员) of a 政协
    am = ADDRESSEE.search(head) or PROPOSER.search(head)
    member = am is not None and am.group("role") == "委员" and "政协" in head
    kind_word = sugg_m.group("kind") if sugg_m else ("提案" if "提案" in head or member else "建议")
    cls = "Proposal" if kind_word == "提案" else "Suggestion"
    title = None
    tm = re.search(r"(?:您|你)(?:们)?(?:[^。《》\n]{0,40}?(?:提出的|所提的|所提|的))?(?:《(?P<t1>[^》]{4,80})》|“(?P<t3>关于[^”\n]{2,80}?的(?:建议|提案))”"
                   r"|(?P<t2>关于[^。,，]{2,80}?的(?:建议|提案)))[^。《》\n]{0,24}?(?:已)?收?悉", text)
    if tm is None:
        tm = re.search(r"提案《(?P<t1>[^》]{4,80})》", text)
    if tm is None:
        tm = PROPOSER.search(text, 0, min(len(text), 1500))
    if tm is None and submitted is not None:
        tm = submitted
    if sugg_m is None and tm is None:
        return
    sugg = draft.fact(cls, "", sugg_m.span() if sugg_m else None, rule="document.suggestion", confidence=0.85,
                      key=("suggestion",), hint="suggestion" if cls == "Suggestion" else "proposal")
    if sugg_m:
        sugg.set("identifier", f"第{sugg_m.group('n')}号")
        sugg.set("serialNumber", int(sugg_m.group("n")))
    if tm:
        title = tm.group("t1") or (tm.group("t2") if "t2" in tm.re.groupindex else None) or (tm.group("t3") if "t3" in tm.re.groupindex else None)
        draft.add_quote(sugg, tm.span())
        sugg.set("title", title)
    if tm is submitted and submitted is not None:
        # 傅国涛将提交一份《…的建议》: the deputy (member) the news item names submits it
        name = _name_of_run(ctx, submitted.group("run"))
        at = submitted.end("run") - len(name)
        p = draft.entity("Person", name, (at, at + len(name)), rule="document.submitter", confidence=0.8)
        sugg.add("author", p)
    sugg.label = title or f"第{sugg_m.group('n')}号{kind_word}"
    if ctx.doc.cls == "MediaReport":
        ctx.doc.add("subject", sugg)     # a news item is about it (kg:repliesTo is a reply letter's)
    else:
        ctx.doc.set("repliesTo", sugg)
    sm = SESSION.search(head)
    if sm:
        term, sess = _int(sm.group("term")), _int(sm.group("sess"))
        ev = draft.fact("Event", re.sub(r"\s+", "", sm.group(0)), sm.span(), rule="document.session", confidence=0.85,
                        key=("session", term, sess))
        ev.set("congressTerm", term)
        ev.set("sessionNumber", sess)
        sugg.set("submittedAt", ev)
    elif (tm_ := SESSION_TERM.search(head)) is not None:
        term = _int(tm_.group("term"))
        ev = draft.fact("Event", tm_.group(0), tm_.span(), rule="document.session", confidence=0.75, key=("session", term, None))
        ev.set("congressTerm", term)
        ev.note("the letter names the term (届) of the session, not its number (次会议)")
        sugg.set("submittedAt", ev)


def _city(ctx: Context) -> None:
    """The polity 我市/我省/全市 refers to: the place that starts the issuer's name."""
    draft, text = ctx.draft, ctx.text
    name = None
    if ctx.issuer is not None:
        m = re.match(rf"(?:中共)?(?P<p>{HAN}{{2,6}}?(?:市|省|自治区|州|县|区))", ctx.issuer.label)
        if m:
            name = m.group("p")
    if name is None:
        return
    m = re.search(r"我市|我省|我区|我县", text)
    span = None
    pos = text.find(name)
    if pos >= 0:
        span = (pos, pos + len(name))
    elif m:
        span = m.span()
    ctx.city = draft.entity("Municipality", name, span, rule="document.polity", confidence=0.8)
    if m:
        draft.add_quote(ctx.city, m.span())
