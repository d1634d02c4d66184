"""Competitions in real news items of the genre (kg.extract.rules.competitions). Each excerpt's source is in a
comment; values are the texts' own."""
from kg.extract.pipeline import extract_text


def test_a_reporter_credit_before_a_quotation_is_not_a_participant():
    # 青海省第三届职业技能大赛开幕 (中新网 2024-09-12)
    d = extract_text("青海省第三届职业技能大赛12日在青海国际会展中心开幕。\n"
                     "图为茶艺赛项现场。 中新网 记者 孙睿 摄“这是我第一次参加职业技能大赛,通过比赛,不仅可以和其他选手相互学习。”")
    assert [f.label for f in d.facts if f.cls == "Participation"] == []


def _editions(d):
    return sorted((f.label, str(f.first("startDate")), str(f.first("endDate")),
                   d.by_id(f.first("location")).label if f.first("location") else None)
                  for f in d.facts if f.cls == "CompetitionEdition")


def test_a_date_after_the_edition_and_a_venue():
    # 青海省第三届职业技能大赛开幕 (中新网 西宁 2024-09-12)
    d = extract_text("中新网 西宁9月12日电 (记者 孙睿)青海省第三届职业技能大赛12日在青海国际会展中心开幕。", doc_year=2024)
    assert _editions(d) == [("青海省第三届职业技能大赛", "2024-09-12", "None", "青海国际会展中心")]


def test_the_date_of_a_press_conference_is_not_the_contests_and_a_later_sentence_gives_it():
    # 第二届全国技能大赛第一次新闻发布会 (人社部 2023-03-02)
    d = extract_text("本报北京2月28日电 记者从28日召开的中华人民共和国第二届职业技能大赛第一次新闻发布会上获悉,第二届全国技能大赛确定由天津市承办。"
                     "大赛将于今年9月16日至19日举行,目前大赛开幕进入倒计时200天。", doc_year=2023)
    assert _editions(d) == [("中华人民共和国第二届职业技能大赛", "2023-09-16", "2023-09-19", None),
                            ("第二届全国技能大赛", "2023-09-16", "2023-09-19", None)]


def test_today_in_a_dispatch_is_the_dispatch_date_and_a_first_edition_of_no_named_contest_is_none():
    # 第二届全国技能大赛在天津开赛 (人民网 2023-09-16; the page is in traditional characters)
    d = extract_text("人民網天津9月16日電 (記者崔新耀)今天,第二屆全國技能大賽在天津開賽。參賽選手中職工選手比第一屆大賽增加7.6倍。", doc_year=2023)
    assert _editions(d) == [("第二届全国技能大赛", "2023-09-16", "None", "天津市")]   # labels in simplified script


def test_a_headline_stating_a_figure_names_no_event_to_take_part_in():
    # 我国高技能人才达到4791万人 (新华社昆明2017-07-13)
    d = extract_text("我国高技能人才达到4791万人\n\n  新华社昆明7月13日电(记者 林碧锋 徐博)人力资源和社会保障部职业能力建设司副司长何良平13日在昆明表示,"
                     "近年来,我国技能人才工作取得长足进步。\n何良平介绍,近年来,国家层面建设476个高技能人才培训基地。\n")
    assert [f.cls for f in d.facts if f.cls in ("Event", "Participation")] == []


def test_an_official_speaking_at_a_press_conference_takes_no_part_in_the_contest():
    # 第二届全国技能大赛第一次新闻发布会 (人社部 2023-03-02)
    d = extract_text("第二届全国技能大赛确定由天津市承办。在当日举行的大赛新闻发布会上,人力资源和社会保障部职业能力建设司副司长王晓君介绍,"
                     "本届大赛主题确定为“技能成才、技能报国”。")
    assert [f.label for f in d.facts if f.cls == "Participation"] == []


def test_a_way_of_watching_a_contest_is_no_competition():
    # 全国首届职业技能大赛闭幕 (人民日报 2020-12-15 p.6, repost https://scsqw.cn/gzdt/zyhy/content_49055)
    d = extract_text("比赛期间共有6万人次现场观赛,有1.7亿人次通过“云观赛”方式观摩大赛。据介绍,第二届职业技能大赛将在天津市举行。")
    assert [f.label for f in d.facts if f.cls == "Competition" and "云观赛" in f.label] == []


def test_the_date_of_a_closing_is_the_editions_last_day():
    # 全国首届职业技能大赛闭幕 (人民日报 2020-12-15 p.6, repost https://scsqw.cn/gzdt/zyhy/content_49055)
    d = extract_text("本报北京12月14日电  (记者李心萍、李刚、洪秋婷)中华人民共和国首届职业技能大赛13日在广州闭幕。经过3天角逐,大赛共有1350人获得相关奖项。",
                     doc_year=2020)
    ed = next(f for f in d.facts if f.cls == "CompetitionEdition" and f.label == "中华人民共和国首届职业技能大赛")
    assert (ed.first("startDate"), str(ed.first("endDate"))) == (None, "2020-12-13")
    # 第二届职业技能大赛闭幕式 (羊城晚报 2023-09-19, https://news.ycwb.com/2023-09/19/content_52215985.htm)
    d = extract_text("9月19日,中华人民共和国第二届职业技能大赛闭幕式在天津市奥林匹克中心体育馆举行。", doc_year=2023)
    ed = next(f for f in d.facts if f.cls == "CompetitionEdition")
    assert (ed.first("startDate"), str(ed.first("endDate"))) == (None, "2023-09-19")
