"""kg.extract.rules.document on real news items and notices of the genre (texts seen on public pages; each
excerpt's source in a comment). Values asserted are the texts' own."""
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
