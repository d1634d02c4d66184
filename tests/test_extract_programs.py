"""kg.extract.rules.programs on real policy texts of the genre (each excerpt's source in a comment)."""
from kg.extract.known import load_known
from kg.extract.pipeline import extract_text


def test_a_program_named_with_its_quoted_word_keeps_the_closing_quote():
    # 管委〔2013〕49号 (nbxinxi.com/a/shangyuqu/20210602/199053.html)
    d = extract_text("为全面推进民间人才队伍建设,根据上虞市统一部署,决定在全镇实施民间人才“万人计划”。", known=load_known())
    assert [f.label for f in d.facts if f.cls == "Program"] == ["民间人才“万人计划”"]
