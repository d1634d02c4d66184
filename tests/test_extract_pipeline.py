"""Extraction of the shipped letter and of the corpus documents (kg.extract.pipeline and its rules).

Every value asserted here is read from the texts (data/sources, data/documents)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract.known import load_known
from kg.extract.pipeline import extract_file, extract_text

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "data" / "documents"


@pytest.fixture(scope="module")
def letter(source_text):
    return extract_text(source_text, known=load_known())


def _by_label(draft, cls):
    return {f.label: f for f in draft.facts if f.cls == cls}


def test_every_quote_is_the_raw_text_at_its_offsets(letter, source_text):
    assert letter.facts
    for f in letter.facts:
        assert f.quotes, f.id
        for q in f.quotes:
            assert source_text[q.start:q.end] == q.text


def test_document_number_suggestion_session_and_handlers(letter):
    doc = letter.by_id("reply-letter")
    assert doc.first("identifier") == "株人社字〔2022〕37号"
    assert (doc.first("issuerCode"), doc.first("documentYear"), doc.first("serialNumber")) == ("株人社字", 2022, 37)
    assert doc.first("accessRights") == "同意对外公开"
    assert letter.by_id(doc.first("issuer")).label == "株洲市人力资源和社会保障局"
    sugg = letter.by_id(doc.first("repliesTo"))
    assert (sugg.first("identifier"), sugg.first("serialNumber"), sugg.first("title")) == ("第010号", 10, "关于加强我市高技能人才培养的建议")
    session = letter.by_id(sugg.first("submittedAt"))
    assert (session.first("congressTerm"), session.first("sessionNumber")) == (16, 1)
    assert letter.by_id(doc.first("addressee")).label == "杨正文"
    assert letter.by_id(doc.first("handlerInCharge")).label == "田智思"
    handler = letter.by_id(doc.first("handler"))
    assert handler.label == "万怡" and handler.quotes[0].text == "万  怡"


def test_counts_keep_value_qualifier_and_unit(letter):
    obs = {f.first("sourceValue"): f for f in letter.facts if f.cls == "Observation"}
    assert obs["59.8万人"].first("value") == Decimal("598000") and obs["59.8万人"].first("measure") == "talentTotal"
    assert (obs["100多万人次"].first("value"), obs["100多万人次"].first("qualifier"), obs["100多万人次"].first("unit")) == (
        Decimal("1000000"), "moreThan", "personTime")
    assert (obs["430余名"].first("qualifier"), obs["3万人以上"].first("qualifier"), obs["10个以上"].first("unit")) == (
        "moreThan", "atLeast", "trade")
    assert obs["52人"].props["honor"] == ["honor-national-technical-expert", "honor-hunan-skill-master"]


def test_funding_per_person_and_per_workshop(letter):
    funds = sorted((f.first("amount"), f.first("perUnit")) for f in letter.facts if f.cls == "Funding")
    assert funds == [(Decimal("20000"), "person"), (Decimal("50000"), "workshop")]
    hosts = sorted(letter.by_id(f.first("hostedBy")).label for f in letter.facts if f.cls == "MasterWorkshop")
    assert hosts == ["南方公司", "南方宇航", "株洲电力机车有限公司"]


def test_relative_dates_resolve_against_the_letter_with_a_note(letter):
    edition = next(f for f in letter.facts if f.cls == "CompetitionEdition")
    assert (edition.first("startDate"), edition.first("endDate")) == ("2022-07-03", "2022-07-06")
    assert any("今年" in n for n in edition.notes)
    cctv = next(f for f in letter.facts if f.cls == "MediaReport" and f.first("programme") == "朝闻天下")
    assert cctv.first("date") == "2022-05-05" and "no year" in cctv.notes[0]


def test_persons_roles_and_honors(letter):
    persons = _by_label(letter, "Person")
    for name in ("易冉", "陈志漫", "杨颖", "李玉龙", "吴南根", "吴哲", "袁健松", "汤涛", "周农"):
        assert name in persons
    conferrals = {f.label for f in letter.facts if f.cls == "HonorConferral"}
    assert {"袁健松获党的十九大代表", "易冉获党的二十大代表", "吴南根获劳动模范", "陈志漫获IPC总裁奖", "吴哲获全国五一劳动奖章"} <= conferrals
    roles = {f.label for f in letter.facts if f.cls == "Membership"}
    assert {"株洲联诚集团减振器公司焊接技师吴哲", "中车总工杨颖", "人社部副部长汤涛", "省领导周农"} <= roles
    wu = persons["吴哲"]
    assert letter.by_id(wu.first("employer")).label == "株洲联诚集团减振器公司"
    assert persons["易冉"].first("epithet") == "电焊“花木兰”"


def test_a_news_item_with_a_list_of_honorees():
    d = extract_file(DOCS / "hunan-2023-news-high-skill-commendation" / "source.txt")
    conferrals = {f.label for f in d.facts if f.cls == "HonorConferral"}
    assert {"伍志明获全国技术能手", "向杰获全国技术能手", "李艳获全国技术能手", "祝青获全国技术能手", "徐仲维获中华技能大奖"} <= conferrals
    roles = {f.label for f in d.facts if f.cls == "Membership"}
    assert "湘电集团有限公司高、低压电器装配工首席技师徐仲维" in roles


def test_a_reply_with_signer_numbered_items_and_a_spaced_addressee():
    d = extract_file(DOCS / "changchun-2020-reply-242" / "source.txt")
    doc = next(f for f in d.facts if f.rule.startswith("document") and f.cls in ("ReplyLetter", "Document"))
    assert (doc.first("issuerCode"), doc.first("documentYear"), doc.first("serialNumber")) == ("长人社议字", 2020, 9)
    assert d.by_id(doc.first("signedBy")).label == "孟宪新"
    assert d.by_id(doc.first("addressee")).label == "李志新"
    sugg = d.by_id(doc.first("repliesTo"))
    assert (sugg.first("serialNumber"), sugg.first("title")) == (242, "关于城市招揽人才、留住人才的建议")
    session = d.by_id(sugg.first("submittedAt"))
    assert (session.first("congressTerm"), session.first("sessionNumber")) == (15, 4)
    actions = {f.first("title") for f in d.facts if f.cls == "Action"}
    assert {"开通高技能领军人才绿色通道", "提高高技能领军人才的政治待遇"} <= actions
    assert "范围" not in {f.label for f in d.facts if f.cls == "Person"}


def test_a_news_item_with_a_named_workshop_and_a_certificate():
    d = extract_file(DOCS / "shanghai-jiading-2024-news-skill-master-workshop" / "source.txt")
    assert "王文强上海市技能大师工作室" in {f.label for f in d.facts if f.cls == "MasterWorkshop"}
    assert "王文强获政府特殊津贴" in {f.label for f in d.facts if f.cls == "HonorConferral"}
    participants = {d.by_id(f.first("participant")).label for f in d.facts if f.cls == "Participation"}
    assert {"丁佳", "王巍清", "沈继良"} <= participants
    places = {f.label for f in d.facts if f.cls == "Municipality"}
    assert {"嘉定区", "上海市"} <= places


def test_the_same_letter_in_traditional_characters(source_text):
    import zhconv

    trad = zhconv.convert(source_text, "zh-hant")
    d = extract_text(trad, known=load_known())
    assert any("traditional" in n for n in d.notes)
    persons = {f.label for f in d.facts if f.cls == "Person"}
    assert {"袁健松", "汤涛", "周农"} <= persons
    for f in d.facts:
        for q in f.quotes:
            assert trad[q.start:q.end] == q.text


def test_no_facts_in_a_text_of_another_genre():
    d = extract_text("今天天气很好，我们去公园散步，看到很多花。\n晚上回家吃饭。", known=load_known())
    assert [f for f in d.facts if f.cls not in ("MediaReport",)] == []


@pytest.mark.slow
def test_mutated_letters_never_raise_and_quotes_stay_exact(source_text):
    """Seeded fuzz: characters deleted, inserted (brackets, numerals, units, spaces, NUL, BOM) and runs reversed."""
    import random

    rng = random.Random(20261128)
    alphabet = source_text + "“”《》〔〕()（）、，。：:第号届次年月日万亿余多以上近约0123456789 \n\t\u3000\x00\ufeff"
    known = load_known()
    for _ in range(40):
        chars = list(source_text)
        for _ in range(rng.randint(1, 200)):
            p = rng.randrange(len(chars) + 1)
            op = rng.random()
            if op < 0.4 and chars:
                del chars[min(p, len(chars) - 1)]
            elif op < 0.8:
                chars.insert(p, rng.choice(alphabet))
            else:
                q = min(len(chars), p + rng.randrange(200))
                chars[p:q] = chars[p:q][::-1]
        text = "".join(chars)[rng.randrange(100):]
        draft = extract_text(text, known=known)
        for f in draft.facts:
            for q in f.quotes:
                assert text[q.start:q.end] == q.text
