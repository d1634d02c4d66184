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
