"""kg.extract.normalize: the matching view keeps a numbered heading's line break."""
from kg.extract.normalize import make_view


def test_a_numbered_heading_is_not_joined_to_the_next_line():
    # 人社提字〔2021〕47号 (mgm0908.com …/t20220128_433847.html, a copy of the ministry's page)
    v = make_view("一、关于建立多元产业工人技能培养机制\n近年来,我部不断健全完善终身职业技能培训制度,构建技能人才培养培训体系。")
    assert v.text.startswith("一、关于建立多元产业工人技能培养机制\n近年来")
    # a numbered sentence wrapped after a comma is still joined (株洲 reply 2022, data/documents/zhuzhou-2022-37, wrapped here)
    v = make_view("一、突出政策引领，让技能人才事业有奔头。株洲市委、市政府高度重视技能人才队伍建设工作，纳入到\n全市人才战略。")
    assert "\n" not in v.text


def test_straight_quotes_of_a_chinese_line_are_paired():
    # a repost of 人社部发[2010]18号 (https://mnxeyy.com/html/TrainingSkillAccrenitaTioncontent2010-0325content_71828.html)
    raw = '希望广大劳动者向受表彰的"全国技术能手"学习\nurl="x"'
    v = make_view(raw)
    assert v.text == '希望广大劳动者向受表彰的“全国技术能手”学习\nurl="x"'
    assert v.quote(12, 20) == '"全国技术能手"'


def test_pinyin_glosses_of_a_mirror_page_are_left_out_for_matching_and_kept_in_quotes():
    # 第十二批德州市首席技师 (德州新闻网, a copy at http://jiexigoutong.com/shxw1109/p/1618972.html)
    raw = "根據(jù)《德州市首席技師選拔管理辦法》(德政辦發(fā)〔2020〕10號(hào))規(guī)定"
    v = make_view(raw)
    assert v.text == "根据《德州市首席技师选拔管理办法》(德政办发〔2020〕10号)规定"
    i = v.text.index("(德政")
    assert v.quote(i, i + len("(德政办发〔2020〕10号)")) == "(德政辦發(fā)〔2020〕10號(hào))"
    assert make_view("2020年(试行)(a)").text == "2020年(试行)(a)"    # brackets that are no pinyin stay
