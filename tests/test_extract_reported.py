"""Measures a reply letter reports inside its measures, drafted as nested actions (kg.extract.rules.reported).

Values are read from the shipped letter's text and its curated facts (data/documents/zhuzhou-2022-37)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kg.extract.known import load_known
from kg.extract.pipeline import extract_text

ROOT = Path(__file__).resolve().parent.parent
LETTER = ROOT / "data" / "documents" / "zhuzhou-2022-37" / "facts.yaml"


@pytest.fixture(scope="module")
def letter(source_text):
    return extract_text(source_text, known=load_known())


@pytest.fixture(scope="module")
def curated():
    return yaml.safe_load(LETTER.read_text(encoding="utf-8"))["facts"]


def _nested(draft):
    return [f for f in draft.facts if f.rule == "measure.reported"]


def test_nested_measures_sit_in_their_numbered_measure_with_its_ordinal(letter, curated):
    parents = {f.id: f for f in letter.facts if f.rule == "measure.heading"}
    drafted = {(parents[f.first("sectionOf")].first("title"), f.first("title")): f.first("ordinal")
               for f in _nested(letter) if f.first("sectionOf") in parents}
    by_id = {e.get("id"): e for e in curated}
    wanted = {(by_id[e["sectionOf"]]["title"], e["title"]): e["ordinal"] for e in curated
              if e.get("a") == "Action" and by_id.get(e.get("sectionOf"), {}).get("a") == "Action"}
    assert len(wanted) == 29
    exact = {k: v for k, v in wanted.items() if k in drafted}
    # the titles the curator took verbatim from the clause are drafted with the same parent and ordinal
    assert ("突出评价激励", "稳妥推进清单外职业（工种）的水平评价工作") in exact
    assert len(exact) >= 20 and all(drafted[k] == v for k, v in exact.items()), (exact, drafted)


def test_titles_and_quotes_are_the_letter_s_words(letter, source_text):
    nested = _nested(letter)
    assert len(nested) >= 30
    for f in nested:
        title = f.first("title")
        assert title in source_text and title in f.quotes[0].text, title


def test_evaluations_requirements_and_media_reports_are_not_measures(letter, source_text):
    left_out = ["本届大赛气氛热烈", "要求省级以下各级政府不设立", "湖南日报头版推出了", "湖南省第一届职业技能大赛在株洲成功举办",
                "每年参与竞赛人数达到3万人以上", "每人给予2万元奖励", "逐步了形成政府推动", "我们将转化技能大赛成果"]
    spans = []
    for words in left_out:
        start = source_text.index(words)
        spans.append((start, start + len(words)))
    for f in _nested(letter):
        for q in f.quotes:
            assert not any(q.start < e and s < q.end for s, e in spans), (f.first("title"), q.text)


def test_the_opening_paragraph_is_a_section_with_its_measures(letter):
    opening = [f for f in letter.facts if f.rule == "measure.opening"]
    assert len(opening) == 1 and opening[0].first("sectionOf") == "reply-letter"
    assert opening[0].label.startswith("近年来，")
    inside = [(f.first("ordinal"), f.first("title")) for f in _nested(letter) if f.first("sectionOf") == opening[0].id]
    assert inside == [(1, "加强技能人才工作顶层设计"), (2, "全面发展技能教育提升技能人才质量")]


def test_a_made_up_letter_drafts_only_what_the_writer_did():
    text = ("测人社函〔2023〕5号\n对第7号建议的答复\n王明代表：\n您提出的《关于加强技能培训的建议》收悉，现答复如下：\n"
            "一、强化培训供给，让劳动者技能有提升。2019年起，我局在全区首先制定《测试市职业技能培训补贴办法》，"
            "累计开展补贴性培训3万人次，每人补贴500元。省政府办公厅印发了《关于技能提升的通知》，要求各地不得重复补贴。"
            "为扩大培训规模，主动为企业提供培训课程清单，不设立培训门槛。本次培训气氛热烈，充分体现了成效。我们将继续扩大培训规模。\n"
            "二、关于评价问题\n（一）完善评价制度。建立评价数据库。\n")
    d = extract_text(text, known=load_known())
    heading = next(f for f in d.facts if f.rule == "measure.heading" and f.first("title") == "强化培训供给")
    got = [(f.first("ordinal"), f.first("title"), f.quotes[0].text) for f in _nested(d)]
    assert got == [(1, "制定《测试市职业技能培训补贴办法》", "2019年起，我局在全区首先制定《测试市职业技能培训补贴办法》"),
                   (2, "累计开展补贴性培训", "累计开展补贴性培训3万人次"),
                   (3, "主动为企业提供培训课程清单", "为扩大培训规模，主动为企业提供培训课程清单")]
    assert all(f.first("sectionOf") == heading.id for f in _nested(d))
    # the writer's will is a commitment; a question section's (一) items are its actions, not clause by clause
    assert [f.first("title") for f in d.facts if f.cls == "Commitment"] == ["继续扩大培训规模"]


# ---------------------------------------------------------------- reply letters seen on public pages (realdocs-letters)
def _letter(body):
    return extract_text("测人社函〔2021〕8号\n对第1号建议的答复\n" + body, known=load_known())


def test_what_another_text_requires_what_the_suggestion_says_and_a_description_are_no_measures():
    # 虞人社提〔2019〕2号 (nbxinxi.com/a/shangyuqu/20210602/192837.html): the district's work report is quoted
    d = _letter("一、抓培训,推动技能人才成长。今年1月,区《政府工作报告》就改造提升传统产业和强化人才就业工作明确提出:"
                "先行推动化工、照明、伞业等传统制造业数字化升级,培育高端装备制造、智能电机、半导体装备、集成电路等基础产业,"
                "着力发展数字创意产业。推进“百所高校,万名实习生”计划,新增各类人才2.62万名。\n")
    assert _nested(d) == []
    # 人力资源社会保障部对…第2321号建议的答复 (ctghr.com/post/7673.html): what the deputy proposed
    d = _letter("一、关于研究建立就业质量评价体系\n您在建议中充分强调了化解结构性失业的重要意义,深刻分析了问题原因,提出了一系列措施建议。\n")
    assert _nested(d) == []
    # 驻马店市人社局 reply, 2023: a description of a programme, not a measure taken
    d = _letter("一、抓落实,推动建设。“人人持证、技能河南”建设被列为我省十大重点民生实事之首,是推动创新驱动、科教兴省、人才强省,"
                "实施乡村振兴战略的重大举措,是一项重要民生工程。\n")
    assert _nested(d) == []
