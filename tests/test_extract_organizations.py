"""Organizations and registry links in real news items of the genre (kg.extract.rules.organizations,
kg.extract.known). Each excerpt's source is in a comment; values are the texts' own."""
from kg.extract.known import load_known
from kg.extract.pipeline import extract_text


def _mentions(d):
    return sorted(f.id for f in d.facts if f.mention)


def test_a_provincial_department_named_without_its_province_is_not_the_registry_one_of_another_province():
    # 首届全国职业技能大赛 云南90名选手角逐79个项目 (云南日报 2020): the registry knows 湖南省人力资源和社会保障厅
    # as 省人力资源和社会保障厅; a text that never names Hunan means its own province's department
    text = "12月10日,中华人民共和国第一届职业技能大赛在广州广交会展馆正式开幕。据省人力资源和社会保障厅相关负责人介绍,云南省的90名选手将参加角逐。"
    assert "hunan-hrss-department" not in _mentions(extract_text(text, known=load_known()))
    assert "hunan-hrss-department" in _mentions(extract_text("湖南" + text, known=load_known()))


def test_departments_of_human_resources_are_not_the_ministry():
    # 2023年武汉市技能大师工作室名单 (武汉市人力资源和社会保障局 2023-12-19)
    d = extract_text("相关区人社部门要加强业务指导和监督检查,我局将定期对各技能大师工作室开展评估验收工作。", known=load_known())
    assert "mohrss" not in _mentions(d)
