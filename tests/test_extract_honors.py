"""kg.extract.rules.honors on real excerpts: what is an honor held, and what only looks like one."""
from kg.extract.known import load_known
from kg.extract.pipeline import extract_text


def test_nicknames_candidates_and_other_titles_built_on_an_honor_are_not_the_honor():
    # 2020“三晋工匠”年度人物发布 (山西发布, a copy at https://m.news.shi-fen.com/china/202112/50-1190477.html)
    d = extract_text("这10名“三晋工匠”年度人物分别是:\n\n测山量海的“筑路人”田国锐;\n\n大国重器的“制造能手”陈宾;\n\n"
                     "守护矿工生命安全的“排雷专家”马黎明;\n\n另有陈东亮、左锋等20人获“三晋工匠”年度人物提名奖。\n\n"
                     "在124名推荐人中产生30名“三晋工匠”候选人。", known=load_known(), doc_year=2020)
    people = {f.label: f.first("epithet") for f in d.facts if f.cls == "Person"}
    assert {"田国锐", "陈宾", "马黎明"} <= set(people) and "“制造能手”" in people["陈宾"]
    # 制造能手 is what a description calls 陈宾; 年度人物提名奖 and 候选人 are not 三晋工匠 held; the list's own title is
    # 三晋工匠年度人物 (kg/extract/rules/rows.py)
    assert [f.label for f in d.facts if f.cls == "Honor"] == ["三晋工匠年度人物"]
    assert sorted(f.label for f in d.facts if f.cls == "HonorConferral") == ["田国锐获三晋工匠年度人物", "陈宾获三晋工匠年度人物",
                                                                          "马黎明获三晋工匠年度人物"]
    assert [f.label for f in d.facts if f.cls == "Observation" and f.first("measure") == "honorHolders"] == []


def test_a_vocabulary_honor_inside_a_longer_title_or_a_nomination_is_not_counted():
    # 2021年10位荣获“大国工匠年度人物”名单公布 (http://www.dswhj.com/html/20220335404.htm);
    # 河南13人入选大国工匠培育对象 (https://finance.sina.com.cn/jjxw/2024-07-11/doc-inccufsx1748728.shtml)
    d = extract_text("2021年10位荣获“大国工匠年度人物”名单公布\n共有220人入选大国工匠培育对象名单,其中河南13人上榜。", known=load_known())
    assert [f.label for f in d.facts if f.cls == "Observation"] == []    # was 10 holders of 大国工匠
    assert [f.label for f in d.facts if f.cls == "HonorConferral"] == []
