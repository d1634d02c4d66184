"""kg.extract.rules.document on real news items and notices of the genre (texts seen on public pages; each
excerpt's source in a comment). Values asserted are the texts' own."""
from kg.extract.known import load_known
from kg.extract.pipeline import extract_text
from kg.extract.writer import draft_dict


def _doc(d):
    return d.by_id(draft_dict(d)["document"])


def test_a_news_item_without_title_or_date_still_has_a_quoted_document_fact():
    # 武汉市人力资源和社会保障局, 2023年武汉市技能大师工作室名单 (chacewang.com news518851, opening cut by the page)
    d = extract_text("各区人力资源(社会保障)局,按照《武汉市技能大师工作室建设项目实施管理办法》(武人社发〔2017〕68号)要求,"
                     "评出10家技能大师工作室为2023年武汉市技能大师工作室,现予以公布")
    doc = _doc(d)
    assert doc is not None and doc.quotes[0].text == "各区人力资源(社会保障)局"


def test_a_news_headline_on_the_first_line_is_the_title():
    # 青海省第三届职业技能大赛开幕 (中新网, 2024)
    d = extract_text("青海省第三届职业技能大赛开幕\n中新网 西宁9月12日电 (记者 孙睿)青海省第三届职业技能大赛12日在青海国际会展中心开幕。\n")
    assert _doc(d).first("title") == "青海省第三届职业技能大赛开幕"


def test_a_title_on_two_lines_and_a_number_in_brackets_under_it():
    # 劳动和社会保障部关于表彰第五届中华技能大奖获得者和全国技术能手的决定 (劳社部发〔2000〕24号, fsou.com.cn)
    d = extract_text("劳动和社会保障部关于表彰第五届\n中华技能大奖获得者和全国技术能手的决定\n(劳社部发〔2000〕24号)\n"
                     "各省、自治区、直辖市劳动和社会保障厅(局),国务院有关部门劳动和社会保障工作机构:\n")
    doc = _doc(d)
    assert doc.first("title") == "劳动和社会保障部关于表彰第五届中华技能大奖获得者和全国技术能手的决定"
    assert (doc.first("issuerCode"), doc.first("documentYear"), doc.first("serialNumber")) == ("劳社部发", 2000, 24)
    assert d.by_id(doc.first("issuer")).label == "劳动和社会保障部"


# ---------------------------------------------------------------- reply letters seen on public pages (realdocs-letters)
def test_a_disclosure_page_letter_without_title_is_a_letter_by_its_salutation():
    # 湖州市吴兴区人力资源和社会保障局, reply to 徐维丽代表 (wuxing.gov.cn …/jytabl/rddbjy/art/2025/art_51e52b76….html)
    d = extract_text("| 索 引 号: | 330502000000/2025-1010303996 | 成文日期: | 2025-09-09 |\n"
                     "| 公开方式: | 主动公开 | 公开时限: | 长期公开 |\n尊敬的徐维丽代表:\n"
                     "您提出的《关于培养职业技能人才、推动产业转型升级的建议》已收悉。首先,衷心感谢您对我区高技能人才工作的关注和支持。"
                     "根据部门职能,我局高度重视本建议的办理工作,现将有关情况答复如下:\n一、主要工作举措\n")
    doc = _doc(d)
    assert doc.id == "reply-letter" and doc.quotes[0].text == "成文日期: | 2025-09-09"    # a table cell of the page
    assert (str(doc.first("date")), doc.first("indexNumber")) == ("2025-09-09", "330502000000/2025-1010303996")
    sugg = d.by_id(doc.first("repliesTo"))
    assert (sugg.cls, sugg.first("title")) == ("Suggestion", "关于培养职业技能人才、推动产业转型升级的建议")
    author = d.by_id(sugg.first("author"))
    assert author.label == "徐维丽" and author.id in doc.props["addressee"]
    assert any(f.cls == "Membership" and f.first("member") == author.id for f in d.facts)


def test_two_members_addressed_one_with_a_rare_surname_and_their_proposal():
    # 驻马店市人社局, reply to 乔艳红、善巧云委员 (2023; the search store gives no address for the page)
    d = extract_text("乔艳红、善巧云委员:\n您们提出的《关于大力实施“人人持证、技能河南”建设,推动驻马店高质量发展》提案收悉。现答复如下:\n"
                     "2023年“人人持证、技能河南”建设被列为我省十大重点民生实事之首。\n")
    doc = _doc(d)
    sugg = d.by_id(doc.first("repliesTo"))
    assert sugg.cls == "Proposal" and sugg.first("title") == "关于大力实施“人人持证、技能河南”建设,推动驻马店高质量发展"
    assert sorted(d.by_id(a).label for a in sugg.props["author"]) == ["乔艳红", "善巧云"]
    assert sorted(d.by_id(a).label for a in doc.props["addressee"]) == ["乔艳红", "善巧云"]
    assert doc.quotes[0].text == "乔艳红、善巧云委员:"      # no title, number or date: quoted by its salutation


def test_a_numbered_reply_to_a_member_of_a_district_cppcc_is_a_proposal():
    # 上虞区人力资源和社会保障局, 虞人社提〔2019〕2号 (nbxinxi.com/a/shangyuqu/20210602/192837.html)
    d = extract_text("虞人社提〔2019〕2号\n周金弟委员:\n您在区政协一届会议上提出的《机器换人,蓝领难招,企业火烧眉毛,建议政府出手解决》收悉,"
                     "非常感谢您对我区技能人才工作的关心和支持。我局领导十分重视您的建议,现答复如下:\n")
    doc = _doc(d)
    assert (doc.first("identifier"), doc.first("serialNumber")) == ("虞人社提〔2019〕2号", 2)
    sugg = d.by_id(doc.first("repliesTo"))
    assert (sugg.cls, sugg.first("title")) == ("Proposal", "机器换人,蓝领难招,企业火烧眉毛,建议政府出手解决")
    assert d.by_id(sugg.first("author")).label == "周金弟"


def test_a_co_handling_opinion_to_the_lead_department_names_the_proposer_and_is_signed():
    # 辽宁省医疗保障局's 协办意见 to the 省人力资源社会保障厅, 2019 (ybj.ln.gov.cn …/szxsejschy2019n/0B67B13E….shtml)
    d = extract_text("省人力资源社会保障厅:\n现就郭永全委员提出的关于以“辽宁工匠”为代表切实提高高技能领军人才待遇的提案,提出协办意见如下:\n"
                     "我局将按照省委、省政府《关于进一步提高高技术工人待遇的实施意见》的有关要求,认真做好高技能领军人才及其家属、子女的医疗保障工作。\n"
                     "辽宁省医疗保障局\n2019年4月8日\n抄送:省政府办公厅")
    doc = _doc(d)
    assert doc.cls == "ReplyLetter" and str(doc.first("date")) == "2019-04-08"
    assert d.by_id(doc.first("issuer")).label == "辽宁省医疗保障局"
    addressee = d.by_id(doc.first("addressee"))
    assert addressee.label == "辽宁省人力资源社会保障厅" and not addressee.mention   # not the registry's body of another province
    sugg = d.by_id(doc.first("repliesTo"))
    assert sugg.first("title") == "关于以“辽宁工匠”为代表切实提高高技能领军人才待遇的提案"
    assert d.by_id(sugg.first("author")).label == "郭永全"


def test_the_bodies_consulted_before_the_answer_are_co_handlers():
    # 人力资源社会保障部对十三届全国人大二次会议第2321号建议的答复, 人社建字〔2019〕196号 (ctghr.com/post/7673.html, a copy)
    d = extract_text("人力资源社会保障部对十三届全国人大二次会议第2321号建议的答复\n人社建字〔2019〕196号\n"
                     "您提出的关于实施就业优先政策、防范化解结构性失业问题的建议收悉,经商发展改革委、教育部、科技部、工业和信息化部、民政部、"
                     "人民银行、统计局,现答复如下:\n")
    doc = _doc(d)
    assert [d.by_id(o).label for o in doc.props["coHandledBy"]] == [
        "发展改革委", "教育部", "科技部", "工业和信息化部", "民政部", "人民银行", "统计局"]
    # 人社提字〔2021〕47号 (mgm0908.com …/t20220128_433847.html, a copy of the ministry's page)
    d = extract_text("人社提字〔2021〕47号\n您提出的关于大力加强技能人才队伍建设的提案收悉,经商教育部、国务院国资委、全国总工会、全国工商联,现答复如下:\n"
                     "一、关于建立多元产业工人技能培养机制\n")
    doc = _doc(d)
    assert [(d.by_id(o).cls, d.by_id(o).label) for o in doc.props["coHandledBy"]][-1] == ("Association", "全国工商联")
    assert d.by_id(doc.first("repliesTo")).first("title") == "关于大力加强技能人才队伍建设的提案"


def test_the_issuer_is_read_from_the_number_code_and_how_the_letter_calls_itself():
    # 人社提字〔2021〕47号 (mgm0908.com …/t20220128_433847.html, a copy of the ministry's page): no name, only 我部
    d = extract_text("人社提字〔2021〕47号\n您提出的关于大力加强技能人才队伍建设的提案收悉,经商教育部、国务院国资委、全国总工会、全国工商联,"
                     "现答复如下:\n一、关于建立多元产业工人技能培养机制\n近年来,我部不断健全完善终身职业技能培训制度。", known=load_known())
    doc = _doc(d)
    assert (doc.cls, doc.first("issuer")) == ("ReplyLetter", "mohrss")
    # 虞人社提〔2019〕2号 … 我局: no registry body is named 虞人社局, so no issuer is made up
    d = extract_text("虞人社提〔2019〕2号\n周金弟委员:\n您在区政协一届会议上提出的《机器换人,蓝领难招》收悉,我局领导十分重视您的建议,现答复如下:\n",
                     known=load_known())
    assert _doc(d).first("issuer") is None


def test_a_session_named_by_its_term_only():
    # 虞人社提〔2019〕2号 (nbxinxi.com/a/shangyuqu/20210602/192837.html)
    d = extract_text("虞人社提〔2019〕2号\n周金弟委员:\n您在区政协一届会议上提出的《机器换人,蓝领难招》收悉,现答复如下:\n", known=load_known())
    ev = d.by_id(d.by_id(_doc(d).first("repliesTo")).first("submittedAt"))
    assert (ev.label, ev.first("congressTerm"), ev.first("sessionNumber")) == ("区政协一届会议", 1, None)


def test_how_a_page_came_is_no_publisher():
    # gongyuanjl.com.cn 2023-02-02: 来源:原创/投稿/转载
    d = extract_text("来源:原创/投稿/转载 发布时间:2023-02-02\n\n2022年12月底,人社部在其官网公布了第十六届高技能人才表彰名单。")
    doc = _doc(d)
    assert not doc.props.get("author") and not doc.props.get("publisher")
    assert str(doc.first("date")) == "2023-02-02"


def test_a_decision_with_its_number_closing_the_title_line_and_a_date_in_chinese_numerals():
    # 关于表彰2009年度全国技术能手的决定(人社部发[2010]18号), a copy at
    # https://mnxeyy.com/html/TrainingSkillAccrenitaTioncontent2010-0325content_71828.html
    d = extract_text("关于表彰2009年度全国技术能手的决定(人社部发[2010]18号)\n各省、自治区、直辖市人力资源保障(人事、劳动保障)厅(局):\n"
                     "为表彰在2009年度国家级各类职业技能竞赛活动中取得优异成绩的选手,我部决定授予王学法等243名同志(名单附后)"
                     '"全国技术能手"荣誉称号,颁发奖章、证书和奖牌。\n附件:2009年度全国技术能手名单 <<点击下载\n二○一○年三月十八日', known=load_known())
    doc = _doc(d)
    assert (doc.cls, doc.first("title"), doc.first("identifier"), doc.first("date")) == (
        "Document", "关于表彰2009年度全国技术能手的决定", "人社部发[2010]18号", "2010-03-18")
    assert doc.first("issuer") == "mohrss"   # the code's stem 人社部 and the text's 我部


def test_a_decision_under_a_breadcrumb_is_signed_by_its_issuer():
    # 关于表彰2003年度全国技术能手的决定(劳社部发〔2004〕4号) (https://erqing.org.cn/rcbz/2878.html)
    d = extract_text("网站首页 > 人才表彰 >\n\n关于表彰2003年度全国技术能手的决定(劳社部发〔2004〕4号)\n\n"
                     "各省、自治区、直辖市劳动和社会保障厅(局),国务院有关部门劳动保障工作机构:\n\n"
                     "经研究,我部决定授予曹遂军等69名同志“全国技术能手”荣誉称号,颁发奖章、证书和奖牌。\n\n"
                     "附件:2003年度职业技能竞赛获全国技术能手名单\n\n中华人民共和国劳动和社会保障部\n\n二〇〇四年二月四日\n", known=load_known())
    doc = _doc(d)
    assert (doc.cls, doc.first("identifier"), doc.first("date")) == ("Document", "劳社部发〔2004〕4号", "2004-02-04")
    assert d.by_id(doc.first("issuer")).label == "中华人民共和国劳动和社会保障部"


def test_a_government_decision_without_a_number_is_its_issuers_document():
    # 柳州市人民政府关于表彰梁开精等10位“柳州金牌工人”的决定 (http://www.fsou.net/html/text/lar/172238/17223840.html)
    d = extract_text("柳州市人民政府关于表彰梁开精等10位“柳州金牌工人”的决定\n近年来,我市广大职工充分发挥工人阶级的主力军作用,"
                     "市人民政府决定授予梁开精等10位同志“柳州金牌工人”荣誉称号,各奖励笔记本电脑一台。\n二00七年四月二十八日\n附件:\n"
                     "“柳州金牌工人”名单\n梁开精 广西柳工机械股份有限公司高级技师\n", known=load_known())
    doc = _doc(d)
    assert (doc.cls, doc.first("date"), d.by_id(doc.first("issuer")).label) == ("Document", "2007-04-28", "柳州市人民政府")
    # a headline of a news item that names no issuer stays a news item
    d = extract_text("我市13名职工获得全国五一劳动奖章\n4月26日,重庆日报记者从市总工会获悉,中华全国总工会下发决定。\n2019年4月27日\n", known=load_known())
    assert _doc(d).cls == "MediaReport"


# ---------------------------------------------------------------- policy notices (realdocs-policies)
HAINAN_2024 = ("海南省人力资源和社会保障厅关于公布第二批海南省技能大师工作室名单的通知琼人社发〔2024〕28号各市、县、自治县人力资源社会保障局,"
               "各有关单位:根据《海南省人力资源和社会保障厅关于开展第二批海南省技能大师工作室申报评选工作的通知》要求,并就有关事项通知如下:"
               "一、各市县人力资源社会保障部门要加强对属地工作室依托单位的指导和管理,附件:第二批海南省技能大师工作室名单"
               "海南省人力资源和社会保障厅2024年4月8日(此件主动公开)(联系单位:职业能力建设处联系电话:65200863)。")


def test_a_notice_whose_page_lost_its_line_breaks_has_its_title_number_issuer_and_date():
    # 琼人社发〔2024〕28号 (www.chacewang.com/newsdetail/news562089.html): title, number and body run together
    doc = _doc(extract_text(HAINAN_2024, known=load_known()))
    assert doc.first("title") == "海南省人力资源和社会保障厅关于公布第二批海南省技能大师工作室名单的通知"
    assert (doc.first("identifier"), doc.first("issuerCode"), doc.first("serialNumber")) == ("琼人社发〔2024〕28号", "琼人社发", 28)
    assert doc.first("date") == "2024-04-08"
    d = extract_text(HAINAN_2024, known=load_known())
    assert d.by_id(_doc(d).first("issuer")).label == "海南省人力资源和社会保障厅"


def test_a_notice_signed_by_two_bodies_on_one_line_with_a_date_in_chinese_numerals():
    # 管委〔2013〕49号 (nbxinxi.com/a/shangyuqu/20210602/199053.html)
    text = ("管委〔2013〕49号\n\n中共下管镇委员会  下管镇人民政府\n\n关于印发《下管镇开展民间人才“万人计划”实施意见》的通知\n\n各行政村、居委会:\n"
            "    按照上虞市委组织部统一部署,现将《下管镇开展民间人才“万人计划”实施意见》印发给你们,请抓紧时间结合本村(居)实际情况,尽快开展工作。\n\n"
            "                                中共下管镇委员会  下管镇人民政府     \n"
            "                                      二○一三年八月二十七日\n\n主题词:开展  民间人才  实施意见  通知\n")
    d = extract_text(text, known=load_known())
    doc = _doc(d)
    assert doc.first("date") == "2013-08-27"
    assert [d.by_id(i).label for i in doc.props["issuer"]] == ["中共下管镇委员会", "下管镇人民政府"]


def test_a_joint_notice_names_its_four_signing_bodies_and_its_title_with_their_lead():
    # 沪人社职〔2022〕256号 (rsj.sh.gov.cn/tjypx_17737/20230111/t0035_1412706.html)
    text = ("上海市人力资源和社会保障局等四部门关于印发《落实国家“十四五”职业技能培训规划的实施方案》的通知\n\n沪人社职〔2022〕256号\n"
            "发布时间:2022-09-19\n\n各区人民政府,市政府各委、办、局:\n\n  经市政府同意,现将《落实国家“十四五”职业技能培训规划的实施方案》印发给你们,"
            "请认真按照执行。\n\n  上海市人力资源和社会保障局\n\n  上海市教育委员会\n\n  上海市发展和改革委员会\n\n  上海市财政局\n\n"
            "  2022年9月16日\n\n  落实国家“十四五”职业技能培训规划的实施方案\n")
    d = extract_text(text, known=load_known())
    doc = _doc(d)
    assert doc.first("title") == "上海市人力资源和社会保障局等四部门关于印发《落实国家“十四五”职业技能培训规划的实施方案》的通知"
    assert doc.first("date") == "2022-09-16"      # signed 2022年9月16日; the page says 发布时间:2022-09-19
    assert [d.by_id(i).label for i in doc.props["issuer"]] == ["上海市人力资源和社会保障局", "上海市教育委员会", "上海市发展和改革委员会",
                                                               "上海市财政局"]


def test_a_credit_line_is_no_title_and_a_dispatch_is_no_source():
    # 第二届职业技能大赛闭幕 (羊城晚报 2023-09-19, https://news.ycwb.com/2023-09/19/content_52215985.htm)
    d = extract_text("9月19日,中华人民共和国第二届职业技能大赛闭幕式在天津市奥林匹克中心体育馆举行。大赛组委会主任王晓萍宣布大赛闭幕。\n"
                     "文 | 记者 周聪 通讯员 粤仁宣\n来源 | 羊城晚报•羊城派\n", known=load_known())
    assert _doc(d).first("title") is None
    # 哈尔滨市哈经开区表彰十大工匠和创新能手 (央广网 2018-04-20, http://hlj.cnr.cn/jdxw/20180420/t20180420_524206518.shtml)
    d = extract_text("哈尔滨市哈经开区表彰十大工匠和创新能手\n\n2018-04-20 18:44:00来源:\n         央广网哈尔滨4月20日消息(记者乔仁慧 通讯员于晓明)"
                     "20日,哈尔滨市平房区以“匠心筑梦新时代”为主题召开表彰大会。\n", known=load_known())
    assert [f.label for f in d.facts if f.cls in ("Organization", "MediaOutlet")] == []


def test_a_notice_page_without_title_or_number_is_the_signing_bodys_document():
    # 2020年度国家级高技能人才培训基地和技能大师工作室建设项目 (rst.gxzf.gov.cn/zwgk/xxgkzcfg/fgfxlm/t6117455.shtml): the page
    # prints the body of the notice only — addressees, text, signature, date
    text = ("各市人力资源和社会保障局、各有关单位:\n根据我厅《关于做好2020年国家级高技能人才培训基地和技能大师工作室建设项目申报推荐工作的通知》,"
            "确定广西玉林技师学院等5所院校为2020年度国家级高技能人才培训基地建设项目(附件1),齐林技能大师工作室等5个工作室为2020年度国家级"
            "技能大师工作室建设项目(附件2)。\n高技能人才培训基地和技能大师工作室项目自公布之日起实施建设,项目建设期限均为2年。\n"
            "附件:1.2020年度国家级高技能人才培训基地建设项目名单\n2.2020年度国家级技能大师工作室建设项目名单\n"
            "广西壮族自治区人力资源和社会保障厅\n2020年9月1日\n附件1\n2020年度国家级高技能人才培训基地建设项目名单\n公开方式:主动公开\n")
    d = extract_text(text, known=load_known())
    doc = _doc(d)
    assert (doc.cls, doc.first("date"), d.by_id(doc.first("issuer")).label) == ("Document", "2020-09-01", "广西壮族自治区人力资源和社会保障厅")
    # a news item of the same genre stays a news item
    d = extract_text("福建今年將建設60個省級技能大師工作室\n2021-08-11 16:15:35 來源:東南網\n記者從福建省人社廳獲悉,近日,省人社廳、財政廳聯合印發了"
                     "《關于開展2021年度省級技能大師工作室建設工作的通知》。\n", known=load_known())
    assert _doc(d).cls == "MediaReport"


HUNAN_2022_COHANDLING = ("关于打造湖南制造业人才聚集新高地的建议\n\n      时间: 2022-04-15 10:23\n\n    湖南省住房和城乡建设厅关于省十三届\n\n"
                         "    人大五次会议第1140号建议的会办意见\n\n    省委组织部:\n\n    康镇麟代表提出的《关于打造湖南制造业人才聚集新高地的建议》"
                         "(1140号)收悉。经研究,现将我厅意见反馈如下,请一并答复代表:\n\n    1.2021年以来,我省深入贯彻落实国办发〔202122号文件精神,"
                         "加快发展保障性租赁住房。\n\n    湖南省住房和城乡建设厅\n\n    2022413\n")


def test_a_co_handling_opinion_with_its_title_broken_over_two_lines_names_its_issuer_session_and_proposer():
    # 湖南省住房和城乡建设厅关于省十三届人大五次会议第1140号建议的会办意见 (the page lost characters: 〔2022〕21号, 2022年4月13日)
    # (zjt.hunan.gov.cn/zjt/hdjl/jytabl/jydfnr/202204/t20220415_22737358.html)
    d = extract_text(HUNAN_2022_COHANDLING, known=load_known())
    doc = _doc(d)
    assert doc.cls == "ReplyLetter" and doc.first("title") == "湖南省住房和城乡建设厅关于省十三届人大五次会议第1140号建议的会办意见"
    assert d.by_id(doc.first("issuer")).label == "湖南省住房和城乡建设厅"
    assert d.by_id(doc.first("addressee")).label == "省委组织部"
    sugg = d.by_id(doc.first("repliesTo"))
    assert (sugg.first("title"), sugg.first("serialNumber")) == ("关于打造湖南制造业人才聚集新高地的建议", 1140)
    assert d.by_id(sugg.first("author")).label == "康镇麟"                   # 镇 is rare in names; the salutation's place vouches
    event = d.by_id(sugg.first("submittedAt"))
    assert (event.label, event.first("congressTerm"), event.first("sessionNumber")) == ("省十三届人大五次会议", 13, 5)


def test_a_suggestion_titled_in_quotation_marks_and_the_lead_handler_answering():
    # 对市十六届人大一次会议第0645号代表建议的答复 (rsj.sh.gov.cn/trdgzbldfqk_17404/20230719/t0035_1417149.html)
    d = extract_text("对市十六届人大一次会议第0645号代表建议的答复\n\n发布时间:2023-05-04\n\n  办理结果:解决采纳\n\n赵娟代表:\n\n  您提出的"
                     "“关于用更好政策为上海留住技术人才的建议”收悉。感谢您对我们工作的关心和支持。经研究,现将办理情况答复如下:\n", known=load_known())
    sugg = d.by_id(_doc(d).first("repliesTo"))
    assert sugg.first("title") == "关于用更好政策为上海留住技术人才的建议" and d.by_id(sugg.first("author")).label == "赵娟"
    # 对市六届人大一次会议第4号建议的答复, 葫芦岛 2018 (rsj.hld.gov.cn/zwgk/zfxxgk/fdzdgknr/yjta/srddbjy/201809/t20180930_805316.html)
    from tests.test_extract_counts import HULUDAO_2018

    d = extract_text(HULUDAO_2018, known=load_known())
    doc = _doc(d)
    assert doc.cls == "ReplyLetter" and d.by_id(doc.first("issuer")).label == "市人社局"
    assert d.by_id(doc.first("repliesTo")).first("title") == "关于弘扬工匠精神的建议"


def test_a_news_item_on_a_suggestion_names_its_deputy_and_a_paper_is_a_publisher():
    # 努力让建议办理赢得产业工人的满意 (四川人大网 2022-04-30, copy http://rdfzl.org.cn/show-25745.html)
    d = extract_text("努力让建议办理赢得产业工人的满意 王菲出席代表建议重点督办座谈会\n发布时间:2022-04-30\n作者:佚名\n来源:四川人大网\n"
                     "4月21日下午,省人大社会委召开代表建议重点督办座谈会。\n省十三届人大五次会议期间,吴小兵代表提出的《关于提高产业工人薪资待遇的建议》,"
                     "被省人大常委会列为第967号建议给予重点督办。\n", known=load_known())
    sugg = next(f for f in d.facts if f.cls == "Suggestion")
    assert (sugg.first("title"), sugg.first("serialNumber"), d.by_id(sugg.first("author")).label) == (
        "关于提高产业工人薪资待遇的建议", 967, "吴小兵")
    doc = _doc(d)
    assert doc.cls == "MediaReport" and doc.props.get("subject") == [sugg.id] and not doc.props.get("repliesTo")   # about it, no reply
    # 全国政协委员花亚伟:推进技工教育高质量发展 (人民政协报 2025-09-16, http://www.rmzxw.com.cn/c/2025-09-16/3785927.shtml)
    d = extract_text("首页>专题>提案故事\n\n全国政协委员花亚伟:推进技工教育高质量发展\n\n2025年09月16日 10:47 | 来源:人民政协报 分享到: \n\n"
                     "我国技工教育还存在资金投入不足、招生困难、相关待遇难以落实等问题。\n", known=load_known())
    doc = _doc(d)
    assert [d.by_id(p).cls + ":" + d.by_id(p).label for p in doc.props.get("publisher", [])] == ["MediaOutlet:人民政协报"]
    assert not doc.props.get("author")


def test_a_notice_under_a_policy_portals_fields_is_the_signers_document():
    # 镇江市技能大师工作室 2022 (镇人社办发〔2022〕16号; a policy portal's copy at
    # https://smejs.cn/policy_show.aspx?id=d67c3f3c4fd947ca830d4f5baba6b110)
    d = extract_text("发布时间:2022-09-20\n政策级别:市级\n发文部门:镇江市人力资源和社会保障局办公室\n政策主题:资质荣誉,人才发展\n"
                     "镇人社办发〔2022〕16号\n各市、区人力资源和社会保障局,镇江高新区社会事业局,市各有关单位:\n"
                     "根据《镇江市技能大师工作室认定管理办法》(镇人社规发〔2012〕1号)有关精神,认定谈际生等5个技能大师工作室入选2022年"
                     "镇江市技能大师工作室(见附件),现予以公布。\n附件:\n1.2022年镇江市技能大师工作室名单\n"
                     "镇江市人力资源和社会保障局办公室\n2022年9月19日\n附件: 附件1-2.docx\n", known=load_known())
    doc = next(f for f in d.facts if f.cls in ("Document", "MediaReport"))
    assert (doc.cls, doc.first("identifier"), doc.first("date"), d.by_id(doc.first("issuer")).label) == \
        ("Document", "镇人社办发〔2022〕16号", "2022-09-19", "镇江市人力资源和社会保障局办公室")


def test_a_headline_naming_who_speaks_then_what_is_the_title_and_a_page_field_is_not():
    # 全国人大代表傅国涛:愿高技能人才像明星一样受追捧 (亚汇网 2023-03-02, https://yahuicj.com/zt/festival/3217913-1.htm)
    d = extract_text("全国人大代表傅国涛:愿高技能人才像明星一样受追捧\n文 / 风致\n2023-03-02 12:47:03\n来源:亚汇网\n"
                     "【全国人大代表傅国涛:愿高技能人才像明星一样受追捧】全国人大代表傅国涛,是全国技术能手、享受国务院政府特殊津贴专家。\n",
                     known=load_known())
    assert _doc(d).first("title") == "全国人大代表傅国涛:愿高技能人才像明星一样受追捧"
    d = extract_text("来源:人民政协报 编辑:李敏杰\n我国技工教育还存在资金投入不足、招生困难、相关待遇难以落实等问题。建议多元筹措院校发展资金。\n",
                     known=load_known())
    assert _doc(d).first("title") is None


def test_a_notice_that_lost_its_line_breaks_is_its_signers_document():
    # 珠海市人力资源和社会保障局 2023年珠海市市级技能大师工作室认定 (https://www.chacewang.com/newsdetail/news395579.html)
    text = ("中海石油深海开发有限公司、中海福陆重工有限公司、珠海市技师学院:根据《珠海市市级技能大师工作室和技师工作站认定办法》"
            "(珠人社〔2018〕285号,以下简称《办法》)规定,经组织申报、认定评审、公示,现认定中海石油深海开发有限公司(苗建海洋油气开采技能大师工作室)"
            "等5个技能大师工作室为2023年珠海市市级技能大师工作室,我局将按规定对各工作室进行年度评估,特此通知,珠海市人力资源和社会保障局2023年8月4日。")
    d = extract_text(text, known=load_known())
    doc = next(f for f in d.facts if f.cls in ("Document", "MediaReport"))
    assert (doc.cls, doc.first("date"), d.by_id(doc.first("issuer")).label) == ("Document", "2023-08-04", "珠海市人力资源和社会保障局")
    # the same closing inside a news text is no signature: the date must close the page
    d = extract_text(text[:-1] + ",各单位要抓好落实。", known=load_known())
    assert next(f for f in d.facts if f.cls in ("Document", "MediaReport")).cls == "MediaReport"


def test_a_news_item_on_a_suggestion_or_proposal_a_deputy_or_member_submits():
    # 全国人大代表傅国涛:愿高技能人才像明星一样受追捧 (亚汇网 2023-03-02, https://yahuicj.com/zt/festival/3217913-1.htm)
    d = extract_text("全国人大代表傅国涛:愿高技能人才像明星一样受追捧\n来源:亚汇网\n在即将召开的第十四届全国人民代表大会第一次会议上,傅国涛将提交"
                     "一份《关于加快青年技能人员培养 落实“技能中国行动”的建议》。他在建议中指出,培养技能人才要从青少年抓起。\n", known=load_known())
    sugg = next(f for f in d.facts if f.cls == "Suggestion")
    assert (sugg.first("title"), d.by_id(sugg.first("author")).label) == ("关于加快青年技能人员培养 落实“技能中国行动”的建议", "傅国涛")
    event = d.by_id(sugg.first("submittedAt"))
    assert (event.first("congressTerm"), event.first("sessionNumber")) == (14, 1)
    assert _doc(d).props.get("subject") == [sugg.id]
    # 劳动和社会保障部 reply to 胡成中's proposal, reported 2007-01-23 (https://www.delixi.com/xwzx/9609)
    d = extract_text("发布时间:2007-01-23 浏览:次\n近日,中华人民共和国劳动和社会保障部就全国政协委员、集团董事局主席胡成中在政协十届全国委员会第四次"
                     "会议上提出的《关于在全国建立农民外出务工供求信息网的建议》提案,给予答复。\n", known=load_known())
    prop = next(f for f in d.facts if f.cls == "Proposal")
    assert (prop.first("title"), d.by_id(prop.first("author")).label) == ("关于在全国建立农民外出务工供求信息网的建议", "胡成中")
    assert d.by_id(prop.first("submittedAt")).first("congressTerm") == 10


def test_a_proposal_of_several_members_is_the_first_members():
    # 市政协副主席李敦奉…对市教育局、人社局今年承办的重点提案落实情况进行专题调研 (2013-11-08,
    # http://edu.zaozhuang.gov.cn/xwdt/gzdt/201311/t20131108_212919.html)
    d = extract_text("市教育局党委委员、职教办主任金殿国对王洪龄等委员提出的《加快我市现代职业教育体系建设,服务城市转型》重点提案及唐河阳等委员"
                     "提出的《发展我市职业教育刻不容缓》和姜爱英等委员提出的《借鉴双元模式、改革职业教育》等三个提案并案办理情况作了重点汇报。\n"
                     "重点提案提案人王洪龄委员对市教育局的答复表示非常满意。\n", known=load_known())
    prop = next(f for f in d.facts if f.cls == "Proposal")
    assert (prop.first("title"), d.by_id(prop.first("author")).label) == ("加快我市现代职业教育体系建设,服务城市转型", "王洪龄")
