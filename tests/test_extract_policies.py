"""kg.extract.rules.policies on real reply letters of the genre (each excerpt's source in a comment)."""
from kg.extract.known import load_known
from kg.extract.pipeline import extract_text


def _policies(text):
    d = extract_text(text, known=load_known())
    return d, [f for f in d.facts if f.cls == "Policy"]


def test_a_title_with_its_status_or_period_in_brackets_is_a_policy_issued_by_the_letter_writer():
    # 人力资源社会保障部对十三届全国人大五次会议第1491号建议的答复, 人社建字〔2022〕153号 (mgm0908.com …/t20230921_506707.html)
    d, ps = _policies("人力资源社会保障部对十三届全国人大五次会议第1491号建议的答复\n人社建字〔2022〕153号\n"
                      "您提出的关于落实高技能人才评聘细则与贯通技能人才职业发展通道的建议收悉,经商全国总工会,现答复如下:\n"
                      "2018年11月,我部印发《关于在工程技术领域实现高技能人才与工程技术人才职业发展贯通的意见(试行)》(人社部发〔2018〕74号),"
                      "打破职业技能评价与专业技术职称评审界限。")
    p = ps[0]
    assert (p.label, p.first("identifier"), p.first("date")) == (
        "关于在工程技术领域实现高技能人才与工程技术人才职业发展贯通的意见(试行)", "人社部发〔2018〕74号", "2018-11")
    assert p.first("issuer") == "mohrss"
    # 人社提字〔2021〕47号 (mgm0908.com …/t20220128_433847.html)
    _, ps = _policies("2019年5月,国务院办公厅印发《职业技能提升行动方案(2019—2021年)》(国办发〔2019〕24号),明确大力开展企业职工技能提升和转岗转业培训。")
    assert [(p.label, p.first("identifier")) for p in ps] == [("职业技能提升行动方案(2019—2021年)", "国办发〔2019〕24号")]


# ---------------------------------------------------------------- policy notices (realdocs-policies)
CHONGQING_2024 = ("渝高技办〔2024〕3号\n各区县(自治县)高技能人才工作机构,市委有关部委,有关单位:\n为贯彻落实党的二十大关于加快建设国家战略人才力量的战略部署,"
                  "根据中共中央办公厅、国务院办公厅《关于加强新时代高技能人才队伍建设的意见》(中办发〔2022〕58号)和人力资源社会保障部等七部门"
                  "《关于实施高技能领军人才培育计划的通知》(人社部发〔2024〕29号)精神,现将《关于加强新时代高技能人才队伍建设的实施意见》印发给你们,"
                  "请结合实际认真抓好落实。\n重庆市高技能人才工作联席会办公室\n2024年4月9日\n(此件公开发布)\n关于加强新时代高技能人才队伍建设的实施意见\n")


def _issuers(d, p):
    return [d.by_id(i).label if d.by_id(i) is not None else i for i in p.props.get("issuer", [])]


def test_the_bodies_named_right_before_a_title_issue_it_and_the_notice_issues_what_it_hands_out():
    # 渝高技办〔2024〕3号 (rlsbj.cq.gov.cn/ywzl/jnrc/gjnrc/202404/t20240410_13118856.html)
    d, ps = _policies(CHONGQING_2024)
    by = {p.label: p for p in ps}
    assert _issuers(d, by["关于加强新时代高技能人才队伍建设的意见"]) == ["中共中央办公厅", "国务院办公厅"]
    assert by["关于实施高技能领军人才培育计划的通知"].props["issuer"] == ["mohrss"]
    own = by["关于加强新时代高技能人才队伍建设的实施意见"]
    assert _issuers(d, own) == ["重庆市高技能人才工作联席会办公室"] and own.first("date") == "2024-04-09"


def test_a_policy_handed_out_by_a_joint_notice_is_issued_by_its_signatories_on_the_signing_date():
    # 沪人社职〔2022〕256号 (rsj.sh.gov.cn/tjypx_17737/20230111/t0035_1412706.html): the page was published 2022-09-19,
    # the notice signed 2022年9月16日; the bodies before 关于 in a cited title issue that policy
    d, ps = _policies("上海市人力资源和社会保障局等四部门关于印发《落实国家“十四五”职业技能培训规划的实施方案》的通知\n\n沪人社职〔2022〕256号\n"
                      "发布时间:2022-09-19\n\n各区人民政府,市政府各委、办、局:\n\n  经市政府同意,现将《落实国家“十四五”职业技能培训规划的实施方案》"
                      "印发给你们,请认真按照执行。\n\n  上海市人力资源和社会保障局\n\n  上海市教育委员会\n\n  上海市发展和改革委员会\n\n  上海市财政局\n\n"
                      "  2022年9月16日\n\n  落实国家“十四五”职业技能培训规划的实施方案\n\n  根据《人力资源社会保障部 教育部 发展改革委 财政部关于印发"
                      "“十四五”职业技能培训规划的通知》要求,制定本实施方案。\n")
    by = {p.label: p for p in ps}
    own = by["落实国家“十四五”职业技能培训规划的实施方案"]
    assert _issuers(d, own) == ["上海市人力资源和社会保障局", "上海市教育委员会", "上海市发展和改革委员会", "上海市财政局"]
    assert own.first("date") == "2022-09-16"
    cited = by["人力资源社会保障部 教育部 发展改革委 财政部关于印发“十四五”职业技能培训规划的通知"]
    assert _issuers(d, cited)[1:] == ["教育部", "发展改革委", "财政部"] and cited.props["issuer"][0] == "mohrss"


def test_two_bodies_run_together_before_about_are_no_issuer():
    # 苏政办发〔2017〕41号 (www.u6n6.com/art/2017/4/6/art_46481_2557552.html, a copy): 省委省政府 is two bodies
    _, ps = _policies("為全面落實《省委省政府關于聚焦富民持續提高城鄉居民收入水平的若干意見》(蘇發〔2016〕49號)要求,現將《職業技能提升行動計劃"
                      "(2017-2020年)》印發給你們,請結合實際認真貫徹落實。")
    assert [p.props.get("issuer") for p in ps if p.label.startswith("省委")] == [None]


def test_the_number_of_a_policy_behind_the_pinyin_glosses_of_a_mirror_page():
    # 第十二批德州市首席技师 (德州新闻网, a copy at http://jiexigoutong.com/shxw1109/p/1618972.html)
    _, ps = _policies("近日,德州市人民政府辦公室根據(jù)《德州市首席技師選拔管理辦法》(德政辦發(fā)〔2020〕10號(hào))規(guī)定,通過逐級(jí)推薦、選拔,"
                      "公布了第十二批德州市首席技師名單。")
    assert [(p.label, p.first("identifier")) for p in ps] == [("德州市首席技师选拔管理办法", "德政办发〔2020〕10号")]


def test_a_policy_of_our_department_is_issued_by_the_notices_signer():
    # 2020年度国家级…建设项目 (rst.gxzf.gov.cn/zwgk/xxgkzcfg/fgfxlm/t6117455.shtml)
    d, ps = _policies("各市人力资源和社会保障局、各有关单位:\n根据我厅《关于做好2020年国家级高技能人才培训基地和技能大师工作室建设项目申报推荐工作的通知》,"
                      "在各市和各有关单位推荐的基础上,经组织专家评审和公示无异议后,自治区人力资源社会保障厅审批。\n"
                      "广西壮族自治区人力资源和社会保障厅\n2020年9月1日\n")
    assert [_issuers(d, p) for p in ps] == [["广西壮族自治区人力资源和社会保障厅"]]


def test_the_body_before_the_verb_issues_not_the_one_inside_an_earlier_title_and_a_bare_kind_is_no_policy():
    # 对市六届人大一次会议第4号建议的答复, 葫芦岛市人社局 2018
    # (rsj.hld.gov.cn/zwgk/zfxxgk/fdzdgknr/yjta/srddbjy/201809/t20180930_805316.html)
    from tests.test_extract_counts import HULUDAO_2018

    d, ps = _policies(HULUDAO_2018)
    by = {p.label: p for p in ps}
    assert set(by) == {"辽宁省人民政府办公厅关于弘扬“工匠精神”加强全省技术工人队伍建设的实施意见", "“葫芦岛工匠”选拔晋升实施方案",
                       "关于做好首批“葫芦岛工匠”选拔晋升工作的通知"}       # not 《实施方案》, the short name of the second
    plan = by["“葫芦岛工匠”选拔晋升实施方案"]
    assert _issuers(d, plan) == ["市政府"] and plan.first("date") == "2018-01" and plan.first("identifier") == "葫政办发〔2018〕19号"
    assert _issuers(d, by["关于做好首批“葫芦岛工匠”选拔晋升工作的通知"]) == ["市人社局"]


def test_a_title_opening_with_the_state_council_is_issued_by_it():
    # 人力资源社会保障部对十三届全国人大二次会议第7609号建议的答复 (www.mohrss.gov.cn/gkml/zhgl/jytabl/jydf/201912/t20191204_345179.html;
    # the page lost the 〕 of the numbers)
    d, ps = _policies("近年来,相继出台《国务院关于推行终身职业技能培训制度的意见》(国发〔201811号)、《国务院关于印发国家职业教育改革实施方案的通知》"
                      "(国发〔20194号)、《国务院办公厅关于印发职业技能提升行动方案(2019-2021年)的通知》(国办发〔201924号)等一系列政策。")
    assert [(p.label, _issuers(d, p)) for p in ps] == [
        ("国务院关于推行终身职业技能培训制度的意见", ["国务院"]), ("国务院关于印发国家职业教育改革实施方案的通知", ["国务院"]),
        ("国务院办公厅关于印发职业技能提升行动方案(2019-2021年)的通知", ["国务院办公厅"])]


def test_a_title_right_after_the_state_council_is_issued_by_it():
    # 郑继伟副省长主持召开“发展职业教育”重点提案办理会 (《浙江民建》2015年5期, https://www.zjmj.cn/down_show.aspx?id=1643)
    d, ps = _policies("省政协十一届三次会议第84号提案《关于加快发展我省现代职业教育的建议》是国务院《关于加快发展现代职业教育的决定》提出的各项重大举措后,"
                      "民建省委会组织会员展开调研,向省政协提交的团体提案。")
    assert [(p.label, _issuers(d, p)) for p in ps] == [("关于加快发展现代职业教育的决定", ["国务院"])]
