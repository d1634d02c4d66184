"""Competitions in real news items of the genre (kg.extract.rules.competitions). Each excerpt's source is in a
comment; values are the texts' own."""
from kg.extract.pipeline import extract_text


def test_a_reporter_credit_before_a_quotation_is_not_a_participant():
    # 青海省第三届职业技能大赛开幕 (中新网 2024-09-12)
    d = extract_text("青海省第三届职业技能大赛12日在青海国际会展中心开幕。\n"
                     "图为茶艺赛项现场。 中新网 记者 孙睿 摄“这是我第一次参加职业技能大赛,通过比赛,不仅可以和其他选手相互学习。”")
    assert [f.label for f in d.facts if f.cls == "Participation"] == []
