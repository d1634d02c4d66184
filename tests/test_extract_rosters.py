"""Name lists in real honor lists and nomination lists of the genre (kg.extract.rules.rosters). Each excerpt's
source is in a comment; values are the texts' own."""
from kg.extract.known import load_known
from kg.extract.pipeline import extract_text


def _people(d):
    """(name, employer, roles, honors) of every person drafted."""
    out = []
    for p in (f for f in d.facts if f.cls == "Person"):
        emp = d.by_id(p.first("employer")) if p.first("employer") else None
        roles = sorted(d.by_id(m.first("role")).label for m in d.facts if m.cls == "Membership" and m.first("member") == p.id)
        honors = sorted(str(c.first("honor")) for c in d.facts if c.cls == "HonorConferral" and c.first("recipient") == p.id)
        out.append((p.label, emp.label if emp else None, roles, honors))
    return sorted(out)


def test_an_honor_list_under_its_heading():
    # 劳动和社会保障部关于表彰第五届中华技能大奖获得者和全国技术能手的决定 (劳社部发〔2000〕24号), its list
    d = extract_text("第五届中华技能大奖获得者名单\n(共10名)\n何 强 中国石化中原油田勘探局采油二厂采油工(高级技师)\n"
                     "罗东元 广东韶关钢铁集团有限公司电工(高级技师)\n夏淑君 江苏宜兴市紫砂工艺五厂陶瓷雕塑、雕刻、堆雕工(高级技师)\n(女)\n",
                     known=load_known())
    assert _people(d) == [
        ("何强", "中国石化中原油田勘探局采油二厂", ["采油工"], ["honor-china-skills-award"]),
        ("夏淑君", "江苏宜兴市紫砂工艺五厂", ["陶瓷雕塑、雕刻、堆雕工"], ["honor-china-skills-award"]),
        ("罗东元", "广东韶关钢铁集团有限公司", ["电工"], ["honor-china-skills-award"]),
    ]


def test_a_list_of_names_and_employers_without_a_known_honor_above():
    # 张裕、长城酿酒师分获2021年度烟台市首席技师称号 (中国葡萄酒信息网 2022-01-05): a short line keeps the space
    # between the name and the employer; a rarer surname (蹇) and a bracket inside the company's name
    d = extract_text("累计选拔市首席技师449人。\n周 攀 烟台张裕集团有限公司\n蹇木栋 中粮长城葡萄酒 (蓬莱)有限公司\n", known=load_known())
    assert _people(d) == [("周攀", "烟台张裕集团有限公司", [], []), ("蹇木栋", "中粮长城葡萄酒(蓬莱)有限公司", [], [])]


def test_a_table_of_workshops_flattened_into_one_run():
    # 2023年武汉市技能大师工作室名单 (武汉市人力资源和社会保障局 2023-12-19), the first four of ten
    d = extract_text("附件:2023年武汉市技能大师工作室名单(10家,按姓氏笔画排名)付一鸣技能大师工作室武汉地铁集团有限公司"
                     "杨开龙技能大师工作室中铁十一局集团第四工程有限公司吴文霖技能大师工作室湖北生态工程职业技术学院"
                     "赵宗合技能大师工作室中国一冶集团有限公司科工建设分公司。", known=load_known())
    shops = sorted((w.label, d.by_id(w.first("hostedBy")).label) for w in d.facts if w.cls == "MasterWorkshop")
    assert shops == [("付一鸣技能大师工作室", "武汉地铁集团有限公司"),
                     ("吴文霖技能大师工作室", "湖北生态工程职业技术学院"),
                     ("杨开龙技能大师工作室", "中铁十一局集团第四工程有限公司"),
                     ("赵宗合技能大师工作室", "中国一冶集团有限公司科工建设分公司")]
    orgs = sorted(f.label for f in d.facts if f.cls in ("Company", "Organization"))
    assert orgs == ["中国一冶集团有限公司科工建设分公司", "中铁十一局集团第四工程有限公司", "武汉地铁集团有限公司", "湖北生态工程职业技术学院"]


def test_persons_right_after_their_employers_in_a_counted_list():
    # 2018上海市高技能领军人才资助 (meishuziliao.com): 23 workshops awarded
    d = extract_text("前天,高级工艺美术师、上海市工艺美术大师郑升帅、上海汽车变速器有限公司方少非、上海振华港机重工有限公司王希平等23人"
                     "喜获“上海市技能大师工作室”牌匾。", known=load_known())
    assert _people(d) == [("方少非", "上海汽车变速器有限公司", [], []), ("王希平", "上海振华港机重工有限公司", [], [])]


def test_names_and_bodies_run_together_after_a_list_heading():
    # 盐城市人力资源和社会保障局 “江苏最美工匠”候选人推荐名单 公示 (2023-05-22): candidates, so no honor
    d = extract_text("一、“江苏最美工匠”候选人推荐名单刘进峰江苏省盐城技师学院葛兆星江苏华耀机械制造有限公司"
                     "二、“江苏最美工匠”提名奖候选人推荐名单陈加春江苏省盐城技师学院潘群江苏金科森电子科技有限公司公示时间:2023年5月22日至5月26日",
                     known=load_known())
    assert _people(d) == [("刘进峰", "江苏省盐城技师学院", [], []), ("潘群", "江苏金科森电子科技有限公司", [], []),
                          ("葛兆星", "江苏华耀机械制造有限公司", [], []), ("陈加春", "江苏省盐城技师学院", [], [])]


def test_a_heading_quoting_the_honor_the_decision_grants():
    # 柳州市人民政府关于表彰梁开精等10位“柳州金牌工人”的决定, 2007 (http://www.fsou.net/html/text/lar/172238/17223840.html)
    d = extract_text("市人民政府决定授予梁开精等10位同志“柳州金牌工人”荣誉称号,各奖励笔记本电脑一台。\n二00七年四月二十八日\n附件:\n“柳州金牌工人”名单\n"
                     "梁开精 广西柳工机械股份有限公司高级技师\n丘柳滨 柳州五菱柳机动力有限公司高级技师\n邓红英 柳州恒达巴士股份有限公司驾驶员\n",
                     known=load_known())
    honors = {f.id: f.label for f in d.facts if f.cls == "Honor"}
    got = sorted((d.by_id(c.first("recipient")).label, honors[c.first("honor")]) for c in d.facts if c.cls == "HonorConferral")
    assert got == [("丘柳滨", "柳州金牌工人"), ("梁开精", "柳州金牌工人"), ("邓红英", "柳州金牌工人")]
    assert ("邓红英", "柳州恒达巴士股份有限公司", ["驾驶员"]) in [p[:3] for p in _people(d)]


def test_the_decisions_issuer_confers_the_honor_of_its_list_on_its_date():
    # 柳州市人民政府关于表彰梁开精等10位“柳州金牌工人”的决定, 2007 (http://www.fsou.net/html/text/lar/172238/17223840.html)
    d = extract_text("柳州市人民政府关于表彰梁开精等10位“柳州金牌工人”的决定\n近年来,我市广大职工爱岗敬业,"
                     "市人民政府决定授予梁开精等10位同志“柳州金牌工人”荣誉称号,各奖励笔记本电脑一台。\n二00七年四月二十八日\n附件:\n"
                     "“柳州金牌工人”名单\n梁开精 广西柳工机械股份有限公司高级技师\n丘柳滨 柳州五菱柳机动力有限公司高级技师\n", known=load_known())
    got = sorted((d.by_id(c.first("recipient")).label, d.by_id(c.first("conferredBy")).label, c.first("date"))
                 for c in d.facts if c.cls == "HonorConferral")
    assert got == [("丘柳滨", "柳州市人民政府", "2007-04-28"), ("梁开精", "柳州市人民政府", "2007-04-28")]


def test_they_are_the_employers_people_and_hold_the_honor_counted():
    # 泰兴: 2020年江苏省企业首席技师 (traditional-script mirror http://www.abcjf.cn/html/news/taixing/2020/0713/117155.html)
    d = extract_text("日前,江蘇省人力資源社會保障廳公布了2020年江蘇省高技能人才重點建設項目評審結果,我市又有2人獲評“江蘇省企業首席技師”稱號,"
                     "他們分別是江蘇揚子鑫福造船有限公司的盧彬和江蘇兆勝空調有限公司的孫玲。", known=load_known())
    honors = {f.id: f.label for f in d.facts if f.cls == "Honor"}
    assert [(p[0], p[1]) for p in _people(d)] == [("卢彬", "江苏扬子鑫福造船有限公司"), ("孙玲", "江苏兆胜空调有限公司")]
    assert sorted(honors[c.first("honor")] for c in d.facts if c.cls == "HonorConferral") == ["江苏省企业首席技师"] * 2


def test_employers_and_names_closed_by_a_count_without_deng():
    # 无锡市人社局负责同志走访慰问我市优秀高技能人才, 2019 (https://www.walre.com/wuxi/news/2020/0331/75154.html)
    d = extract_text("包晓东副局长一行前往宜兴市,走访慰问了江苏国信协联能源有限公司张宏文、江苏省宜兴紫砂工艺厂吴奇敏2位大师。", known=load_known())
    assert [(p[0], p[1]) for p in _people(d) if p[1]] == [("吴奇敏", "江苏省宜兴紫砂工艺厂"), ("张宏文", "江苏国信协联能源有限公司")]


def test_a_medal_table_of_project_name_and_body_rows():
    # 第一届全国技能大赛圆满闭幕 湖北选手获得2银3铜和52个优胜奖 (https://www.hbskills.org.cn/index.php?a=shows&catid=64&id=643)
    d = extract_text("大赛中,湖北选手在电工和西式烹调2个项目获得银牌。\n\n 银牌\n\n电工项目  李子安  凌云科技集团有限责任公司\n\n \n\n\n"
                     "西式烹调项目  沈思静  湖北经济学院\n", known=load_known())
    assert [(p[0], p[1]) for p in _people(d)] == [("李子安", "凌云科技集团有限责任公司"), ("沈思静", "湖北经济学院")]
    # no name made of 和西式 (电工和西式烹调), no body made of the words before a role (湖北选手在)
    assert sorted(f.label for f in d.facts if f.cls in ("Company", "Organization")) == ["凌云科技集团有限责任公司", "湖北经济学院"]


def test_an_honor_named_after_the_city_of_the_text_is_municipal():
    # 柳州市人民政府关于表彰梁开精等10位“柳州金牌工人”的决定, 2007 (http://www.fsou.net/html/text/lar/172238/17223840.html)
    d = extract_text("柳州市人民政府关于表彰梁开精等10位“柳州金牌工人”的决定\n市人民政府决定授予梁开精等10位同志“柳州金牌工人”荣誉称号。\n"
                     "二00七年四月二十八日\n", known=load_known())
    assert [(f.label, f.first("level")) for f in d.facts if f.cls == "Honor"] == [("柳州金牌工人", "municipal")]
