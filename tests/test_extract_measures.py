"""kg.extract.rules.measures on real reply letters of the genre (each excerpt's source in a comment)."""
from kg.extract.known import load_known
from kg.extract.pipeline import extract_text


def _measures(text):
    d = extract_text(text, known=load_known())
    return [(f.cls, f.first("title")) for f in d.facts if f.cls in ("Action", "Commitment")]


def test_items_after_what_was_done_are_actions_after_what_will_be_done_commitments():
    # 人社提字〔2021〕47号 (mgm0908.com …/t20220128_433847.html, a copy of the ministry's page)
    head = "人社提字〔2021〕47号\n您提出的关于大力加强技能人才队伍建设的提案收悉,现答复如下:\n一、关于建立多元产业工人技能培养机制\n"
    done = _measures(head + "近年来,我部不断健全完善终身职业技能培训制度,构建技能人才培养培训体系。一是全面推行终身职业技能培训制度。"
                            "二是深入实施职业技能提升行动。\n")
    assert ("Action", "全面推行终身职业技能培训制度") in done and ("Action", "深入实施职业技能提升行动") in done
    # 人力资源社会保障部对十三届全国人大一次会议第4264号建议的答复 (data/documents/mohrss-2018-reply-4264)
    will = _measures(head + "对此,我部将重点做好以下工作:一是深化人才发展体制机制改革。二是全面实施国家职业资格目录清单管理制度。\n")
    assert ("Commitment", "深化人才发展体制机制改革") in will


def test_next_steps_keep_commitments_and_leave_grounds_and_lead_ins_out():
    # 虞人社提〔2019〕2号 (nbxinxi.com/a/shangyuqu/20210602/192837.html)
    m = _measures("虞人社提〔2019〕2号\n周金弟委员:\n您在区政协一届会议上提出的《机器换人,蓝领难招》收悉,现答复如下:\n"
                  "下一步,我们将根据您提出的意见建议,结合我区企业发展实际,分层、分类别,有计划,有目的地加快我区技工队伍建设,"
                  "主要从三方面展开工作:\n一、抓引进,推动技能人才不断壮大。\n")
    assert ("Commitment", "有目的地加快我区技工队伍建设") in m
    assert ("Commitment", "抓引进") in m                      # a numbered heading after 下一步 is what will be done
    assert not [t for _, t in m if t.startswith(("根据", "分层")) or "\n" in t]


def test_a_sub_item_that_is_a_sentence_gives_its_measures_not_its_circumstances():
    # 驻马店市人社局, reply to 乔艳红、善巧云委员 (2023; the search store gives no address)
    m = _measures("乔艳红、善巧云委员:\n您们提出的《关于大力实施“人人持证、技能河南”建设》提案收悉。现答复如下:\n"
                  "一、关于提出的“提高思想认识”的建议\n(一)市“人人持证、技能河南”建设工作领导小组办公室印发了《2023年高质量推进“人人持证、"
                  "技能河南”建设工作方案》,召开了全市工作推进会,对工作提出明确要求。\n(二)在深入调研的基础上,制定了我市2023年“人人持证、技能河南”"
                  "建设县区年度任务明细表、行业部门建设目标任务指导计划等,将目标任务精细化。\n")
    titles = [t for _, t in m]
    assert "召开了全市工作推进会" in titles
    assert any(t.startswith("制定了我市2023年") for t in titles)
    assert not [t for t in titles if t.startswith("在深入调研") or t.count("《") != t.count("》")]


def test_a_short_letter_without_numbered_measures_commits_to_what_it_says_it_will_do():
    # 辽宁省医疗保障局's 协办意见, 2019 (ybj.ln.gov.cn …/szxsejschy2019n/0B67B13E….shtml)
    m = _measures("省人力资源社会保障厅:\n现就郭永全委员提出的关于以“辽宁工匠”为代表切实提高高技能领军人才待遇的提案,提出协办意见如下:\n"
                  "我局将按照省委、省政府《关于进一步提高高技术工人待遇的实施意见》的有关要求,通过完善制度、优化服务,认真做好高技能领军人才"
                  "及其家属、子女的医疗保障工作,为我省吸引、留住、用好高技能人才发挥积极作用。\n辽宁省医疗保障局\n2019年4月8日\n")
    assert m == [("Commitment", "认真做好高技能领军人才及其家属、子女的医疗保障工作")]


def _facts(text, *classes):
    d = extract_text(text, known=load_known())
    return [f for f in d.facts if f.cls in classes]


def test_a_heading_naming_a_question_keeps_its_words_after_a_comma_and_items_of_work_done_by_others_are_actions():
    # 人力资源社会保障部对十三届全国人大二次会议第7609号建议的答复, 人社建字〔2019〕231号
    # (www.mohrss.gov.cn/gkml/zhgl/jytabl/jydf/201912/t20191204_345179.html; the page ends mid-sentence)
    text = ("人社建字〔2019〕231号\n您提出的关于加强职业技能培训推动高质量发展的建议收悉,经商教育部、财政部、国资委,现答复如下:\n"
            "一、 关于放宽培训准入门槛,扩大培训规模\n党中央、国务院高度重视企业职工职业技能培训工作。在放宽培训准入门槛,扩大培训规模方面,"
            "有关部门主要开展了以下工作。一是扶持鼓励企业和社会力量参与举办各类职业教育,由政府举办为主向政府统筹管理、社会多元办学的格局转变。"
            "二是国资委等6部门联合印发《关于国有企业办教育机构深化改\n")
    sections = [f.first("title") for f in _facts(text, "LetterSection")]
    assert "关于放宽培训准入门槛,扩大培训规模" in sections
    items = _facts(text, "Action", "Commitment")
    assert [(f.cls, f.first("title")) for f in items] == [("Action", "扶持鼓励企业和社会力量参与举办各类职业教育"),
                                                          ("Action", "国资委等6部门联合印发")]
    assert not [f for f in items if f.first("actor")]      # 有关部门 acted, not (only) the ministry


def test_a_quoted_heading_is_kept_whole():
    # 对市十六届人大一次会议第0645号代表建议的答复 (rsj.sh.gov.cn/trdgzbldfqk_17404/20230719/t0035_1417149.html)
    text = ("对市十六届人大一次会议第0645号代表建议的答复\n赵娟代表:\n您提出的“关于用更好政策为上海留住技术人才的建议”收悉。经研究,"
            "现将办理情况答复如下:\n一、关于建议“提高技能人才收入水平,定期发布企业技能人才市场工资价位等”\n近年来,本市人社部门高度重视提高"
            "技能人才待遇水平。\n")
    assert [f.first("title") for f in _facts(text, "LetterSection")] == ["关于建议“提高技能人才收入水平,定期发布企业技能人才市场工资价位等”"]


def test_a_clause_that_only_says_when_belongs_to_the_commitment_after_it():
    # 湖南省住房和城乡建设厅关于省十三届人大五次会议第1140号建议的会办意见, 2022
    # (zjt.hunan.gov.cn/zjt/hdjl/jytabl/jydfnr/202204/t20220415_22737358.html)
    text = ("省委组织部:\n康镇麟代表提出的《关于打造湖南制造业人才聚集新高地的建议》(1140号)收悉。经研究,现将我厅意见反馈如下,请一并答复代表:\n"
            "1.下步,我省将加快发展保障性租赁住房,2022年,下达保障性租赁住房建设计划4.58万套,十四五期间,计划筹集保障性租赁住房30万套,"
            "重点支持产业园区配套建设,保障园区人才住房需求。\n湖南省住房和城乡建设厅\n")
    titles = [f.first("title") for f in _facts(text, "Commitment")]
    assert "2022年,下达保障性租赁住房建设计划4.58万套" in titles and "十四五期间,计划筹集保障性租赁住房30万套" in titles
    assert "2022年" not in titles and "十四五期间" not in titles


def test_on_the_one_hand_is_an_item_of_what_was_done():
    # 对市十六届人大一次会议第0645号代表建议的答复 (rsj.sh.gov.cn/trdgzbldfqk_17404/20230719/t0035_1417149.html)
    text = ("对市十六届人大一次会议第0645号代表建议的答复\n赵娟代表:\n您提出的“关于用更好政策为上海留住技术人才的建议”收悉。经研究,"
            "现将办理情况答复如下:\n一、关于建议“提高技能人才收入水平,定期发布企业技能人才市场工资价位等”\n近年来,本市人社部门高度重视提高"
            "技能人才待遇水平,努力营造崇尚技能、尊重技能人才的社会氛围。一方面,定期发布技能人才市场工资价位。从2017年开始,本市已连续6年"
            "发布了企业技能人才市场工资价位。\n")
    assert [(f.cls, f.first("title"), f.first("ordinal")) for f in _facts(text, "Action", "Commitment")] == [
        ("Action", "定期发布技能人才市场工资价位", 1)]
    # not an item: 一方面 inside a sentence
    assert not _facts("湘人社函〔2021〕8号\n对第1号建议的答复\n一、关于技能人才问题\n这既是一方面,也是另一方面的要求。\n", "Action", "Commitment")


def test_next_steps_of_a_page_that_lost_its_line_breaks_leave_the_grounds_out():
    # 虞人社提〔2019〕2号 (nbxinxi.com/a/shangyuqu/20210602/192837.html) with its line breaks lost, as some mirrors print it
    m = _measures("虞人社提〔2019〕2号周金弟委员:您在区政协一届会议上提出的《机器换人,蓝领难招》收悉,现答复如下:下一步,我们将根据您提出的"
                  "意见建议,结合我区企业发展实际,分层、分类别,有计划,有目的地加快我区技工队伍建设,主要从三方面展开工作:一、抓引进,推动技能人才不断壮大。")
    assert [t for _, t in m if t.startswith(("根据", "结合"))] == []
    assert ("Commitment", "有目的地加快我区技工队伍建设") in m
