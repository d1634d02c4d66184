"""kg.draw.views and `kg viz`: HTML page (checked in headless Chromium), SVG, PNG, GraphML, GEXF."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import networkx as nx
import pytest

from kg.cli import main
from kg.errors import InputError
from kg.draw.views import infer_format, relationship_graph, render, visualize

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def G(graph):
    return relationship_graph(graph)


@pytest.fixture(scope="module")
def page(graph, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("viz") / "graph.html"
    visualize(graph, output=out)
    return out


# ---------------------------------------------------------------- formats and options

def test_infer_format():
    assert infer_format(None, Path("a/b.PNG")) == "png"
    assert infer_format("gexf", Path("g.gexf")) == "gexf"
    with pytest.raises(InputError, match="cannot tell the format"):
        infer_format(None, Path("graph.txt"))
    with pytest.raises(InputError, match="does not match"):
        infer_format("svg", Path("graph.png"))


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_read_back_with_same_counts(capsys, tmp_path, fmt, reader, G, in_built_dir):
    out = tmp_path / f"g.{fmt}"
    assert main(["viz", "-o", str(out)]) == 0
    assert f"wrote {out} ({fmt}" in capsys.readouterr().out
    back = reader(out)
    assert (back.number_of_nodes(), back.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert back.nodes["zhuzhou-2022-37/yi-ran"]["label_zh"] == "易冉"
    assert isinstance(back.nodes["zhuzhou"]["degree"], int)


@pytest.mark.fonts
def test_png_is_not_blank(tmp_path, in_built_dir):
    from matplotlib import image

    out = tmp_path / "g.png"
    assert main(["viz", "-o", str(out), "--focus", "株洲市", "--depth", "1"]) == 0
    pixels = image.imread(out)
    assert pixels.shape[0] > 400 and pixels.shape[1] > 400
    colours = {tuple(p) for p in (pixels[::3, ::3, :3] * 255).astype(int).reshape(-1, 3)}
    assert len(colours) > 50  # nodes in several class colours, anti-aliased text, not a blank canvas


@pytest.mark.fonts
def test_svg_keeps_chinese_labels_as_text(graph):
    svg = render(relationship_graph(graph), "svg").decode("utf-8")
    assert "<text" in svg
    for label in ("易冉", "株洲市", "大国工匠", "人物 Person"):
        assert label in svg
    assert re.search(r"font-family[:=][^;>]*(CJK|Han Sans|WenQuanYi|Droid)", svg)


def test_focus_limits_the_graph(graph):
    sub = relationship_graph(graph, focus="易冉", depth=1)
    assert sub.graph["focus"] == "zhuzhou-2022-37/yi-ran"
    assert set(sub) == {"zhuzhou-2022-37/yi-ran"} | set(nx.all_neighbors(relationship_graph(graph), "zhuzhou-2022-37/yi-ran"))


def test_missing_cjk_font_stops_with_one_line(monkeypatch, capsys, tmp_path, in_built_dir):
    from matplotlib import font_manager

    from kg.draw import pictures

    monkeypatch.setattr(font_manager.fontManager, "ttflist",
                        [f for f in font_manager.fontManager.ttflist if "DejaVu" in f.name])
    monkeypatch.setattr(pictures, "system_cjk_font_files", lambda: [])  # none on the system either
    out = tmp_path / "g.png"
    assert main(["viz", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "fonts-noto-cjk" in err
    assert not out.exists() and not list(tmp_path.iterdir())


@pytest.mark.fonts
def test_font_installed_after_matplotlib_cached_its_font_list_is_found(tmp_path, graph_file):
    """matplotlib's font cache built before the CJK font was installed: kg still finds the font (issue 8)."""
    import os
    import sys

    env = {**os.environ, "MPLCONFIGDIR": str(tmp_path / "mpl")}
    stale = ("import matplotlib, pathlib; from matplotlib import font_manager as fm; "
             "fm.fontManager.ttflist = [f for f in fm.fontManager.ttflist if 'CJK' not in f.name and 'Han' not in f.name]; "
             "fm.json_dump(fm.fontManager, pathlib.Path(matplotlib.get_cachedir()) / "
             "f'fontlist-v{fm.FontManager.__version__}.json')")
    assert subprocess.run([sys.executable, "-c", stale], env=env, timeout=120).returncode == 0
    check = ("from matplotlib import font_manager as fm; "
             "print(any('CJK' in f.name or 'Han' in f.name for f in fm.fontManager.ttflist))")
    out = subprocess.run([sys.executable, "-c", check], env=env, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "False"  # the cache really is stale
    png = tmp_path / "g.png"
    run = subprocess.run([sys.executable, "-m", "kg", "viz", "--focus", "易冉", "-o", str(png),
                          "--graph", str(graph_file)], env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("argv,message", [
    (["--focus", "不存在的人"], "no entity named"),
    (["--focus", "株洲电力"], "names"),  # 株洲 alone is the registry altLabel of 株洲市
    (["--format", "png", "-o", "x.svg"], "does not match"),
    (["-o", "graph.txt"], "cannot tell the format"),
])
def test_bad_input_is_one_line_error_and_no_file(capsys, tmp_path, argv, message, in_built_dir):
    argv = [a if a not in ("x.svg", "graph.txt") else str(tmp_path / a) for a in argv]
    if "-o" not in argv:
        argv += ["-o", str(tmp_path / "g.html")]
    assert main(["viz", *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and message in err and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())


def test_viz_stats_flag(capsys, tmp_path, in_built_dir):
    assert main(["viz", "-o", str(tmp_path / "g.graphml"), "--stats"]) == 0
    assert "Most connected entities" in capsys.readouterr().out


# ---------------------------------------------------------------- the HTML page

def test_html_is_self_contained(page, G):
    text = page.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", text, re.I)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import|<link|<iframe|fetch\(|XMLHttpRequest|WebSocket", text, re.I)
    assert text.count("<script") == 2 and "易冉" in text
    assert "pyvis" not in text and "cdn" not in text.lower()


def _dump_dom(url: str, tmp_path: Path) -> str:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium); CI installs it")
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
           "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={tmp_path / 'profile'}",
           "--virtual-time-budget=3000", "--dump-dom", url]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def _body(dom: str) -> dict[str, str]:
    tag = re.search(r"<body([^>]*)>", dom)
    assert tag, dom[:500]
    return dict(re.findall(r'data-([a-z]+)="([^"]*)"', tag.group(1)))


@pytest.mark.browser
def test_page_renders_all_nodes_in_chromium(page, G, tmp_path):
    dom = _dump_dom(page.as_uri(), tmp_path)
    state = _body(dom)
    assert state == {"ready": "1", "mode": "full", "rendered": str(G.number_of_nodes()), "focused": "", "errors": "0",
                     "csp": "0"}
    assert dom.count('class="node') == G.number_of_nodes()
    assert dom.count('class="edge') == G.number_of_edges()


@pytest.mark.browser
def test_page_search_focuses_a_person_in_chromium(page, G, tmp_path):
    dom = _dump_dom(page.as_uri() + "?search=" + quote("易冉"), tmp_path)
    state = _body(dom)
    assert state["ready"] == "1" and state["focused"] == "zhuzhou-2022-37/yi-ran"
    neighbours = set(nx.all_neighbors(G, "zhuzhou-2022-37/yi-ran"))
    assert state["rendered"] == str(1 + len(neighbours)) and state["errors"] == "0" and state["csp"] == "0"
    assert "中车株辆公司" in dom  # the details panel shows her relations


@pytest.mark.browser
def test_page_reports_errors_and_blocked_loads(page, tmp_path):
    """The page's own error and network counters work: a broken copy with a remote image is caught."""
    broken = tmp_path / "broken.html"
    text = page.read_text(encoding="utf-8")
    broken.write_text(text.replace("</body>", '<img src="https://example.org/x.png"><script>noSuchFunction();</script></body>'),
                      encoding="utf-8")
    state = _body(_dump_dom(broken.as_uri(), tmp_path))
    assert int(state["errors"]) >= 1 and int(state["csp"]) >= 1


@pytest.mark.slow
def test_page_is_byte_identical_across_processes():
    """Positions are computed with a fixed seed and no set (hash) order: same graph, same page."""
    import hashlib
    import os
    import sys

    code = ("import hashlib; from kg.api import build; from kg.draw.views import visualize; "
            "print(hashlib.sha256(visualize(build(write=False, validate=False).graph, fmt='html', write=False).data)"
            ".hexdigest())")
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
        assert out.returncode == 0, out.stderr
        digests.add(out.stdout.strip())
    assert len(digests) == 1 and len(hashlib.sha256().hexdigest()) == len(digests.pop())


def test_graph_without_entities_is_an_error(capsys, tmp_path):
    empty = tmp_path / "empty.ttl"
    empty.write_text("@prefix kg: <https://w3id.org/kg-talent/ontology#> .\n<http://e.org/s> <http://e.org/p> \"o\" .\n",
                     encoding="utf-8")  # triples, but no entity (an empty file is an input error of its own)
    assert main(["viz", "--graph", str(empty), "-o", str(tmp_path / "g.html")]) == 2
    assert "no entities to draw" in capsys.readouterr().err
    assert not (tmp_path / "g.html").exists()


def test_viz_doc_and_personal_options(capsys, tmp_path):
    trig = Path(__file__).parent / "data" / "two-documents.trig"
    out = tmp_path / "g.graphml"
    assert main(["viz", "--graph", str(trig), "--doc", "city-a-2023", "-o", str(out)]) == 0
    back = nx.read_graphml(out)
    assert sorted(back) == ["city-a-2023/news", "city-a-2023/zhang-wei", "honor-national-technical-expert", "hunan",
                            "mohrss"]
    assert "13900000000" not in out.read_text(encoding="utf-8")
    assert main(["viz", "--graph", str(trig), "--include-personal", "-o", str(out)]) == 0
    assert "13900000000" in out.read_text(encoding="utf-8")


# ---------------------------------------------------------------- the page of a large graph: index, overview, neighbourhoods

@pytest.fixture(scope="module")
def index_page(G, tmp_path_factory) -> Path:
    """The shipped graph written as a large graph's page (the limit lowered so that it is 'large')."""
    from kg.draw.page import render_html

    out = tmp_path_factory.mktemp("viz-index") / "graph.html"
    out.write_text(render_html(G, title="t", full_limit=10), encoding="utf-8")
    return out


def test_index_page_carries_packed_columns_not_drawn_nodes(index_page, G):
    import base64
    import gzip
    import json

    text = index_page.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', text).group(1))
    assert data["mode"] == "index" and data["n"] == G.number_of_nodes() and "nodes" not in data
    blob = lambda key: gzip.decompress(base64.b64decode(re.search(f'id="kg-{key}">(.*?)</script>', text).group(1)))  # noqa: E731
    ids = blob("ids").decode("utf-8").split("\n")
    assert ids == sorted(G.nodes, key=str)
    assert blob("zh").decode("utf-8").split("\n")[ids.index("zhuzhou-2022-37/yi-ran")] == "易冉"
    distinct = {(u, v, d["label_zh"], d["label_en"]) for u, v, d in G.edges(data=True)}
    assert data["m"] == len(distinct) == len(blob("es")) // 4
    assert {c["cls"] for c in data["overviews"]["class"]["nodes"]} == {d["cls"] for _, d in G.nodes(data=True)}
    places = data["overviews"]["place"]["nodes"]  # the members of the place classes (cities, provinces)
    assert places and {p["cls"] for p in places} <= set(G.graph["places"]) and "Municipality" in G.graph["places"]
    assert {p["id"] for p in places} <= {n for n, d in G.nodes(data=True) if d["cls"] in G.graph["places"]}
    assert "</script" not in base64.b64decode(re.search('id="kg-zh">(.*?)</script>', text).group(1)).decode("latin-1").lower()


@pytest.mark.browser
def test_index_page_opens_on_the_overview_in_chromium(index_page, G, tmp_path):
    state = _body(_dump_dom(index_page.as_uri(), tmp_path))
    classes = {d["cls"] for _, d in G.nodes(data=True)}
    assert state["ready"] == "1" and state["mode"] == "index" and state["errors"] == "0" and state["csp"] == "0"
    assert state["rendered"] == str(len(classes)) and state["focused"] == ""


@pytest.mark.browser
def test_index_page_opens_on_the_overview_by_place_in_chromium(index_page, G, tmp_path):
    places = [n for n, d in G.nodes(data=True) if d["cls"] in G.graph["places"]]
    dom = _dump_dom(index_page.as_uri() + "?overview=place", tmp_path)
    state = _body(dom)
    assert state["ready"] == "1" and state["errors"] == "0" and state["rendered"] == str(min(len(places), 60))
    assert "株洲市" in dom and "地点 places" in dom


@pytest.mark.browser
def test_index_page_search_draws_the_neighbourhood_in_chromium(index_page, G, tmp_path):
    dom = _dump_dom(index_page.as_uri() + "?search=" + quote("易冉") + "&depth=1", tmp_path)
    state = _body(dom)
    assert state["ready"] == "1" and state["focused"] == "zhuzhou-2022-37/yi-ran" and state["errors"] == "0"
    neighbours = set(nx.all_neighbors(G, "zhuzhou-2022-37/yi-ran"))
    assert state["rendered"] == str(1 + len(neighbours))
    assert dom.count('class="node') == 1 + len(neighbours)
    assert "中车株辆公司" in dom and "大国工匠" in dom
    # depth 2 reaches further, but never more than the page's cap
    deeper = _body(_dump_dom(index_page.as_uri() + "?search=" + quote("Yi Ran") + "&depth=2", tmp_path))
    within2 = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), "zhuzhou-2022-37/yi-ran", cutoff=2)
    assert deeper["focused"] == "zhuzhou-2022-37/yi-ran" and int(deeper["rendered"]) == min(len(within2), 250)


@pytest.mark.browser
def test_index_page_shows_one_document(tmp_path):
    from kg.draw.network import to_networkx
    from kg.draw.page import render_html

    trig = Path(__file__).parent / "data" / "two-documents.trig"
    page = tmp_path / "two.html"
    page.write_text(render_html(to_networkx(trig), title="t", full_limit=2), encoding="utf-8")
    state = _body(_dump_dom(page.as_uri() + "?doc=city-b-2024", tmp_path))
    assert state["ready"] == "1" and state["rendered"] == "3" and state["errors"] == "0"  # 李娜, 乙市答复, 人社部
    small = tmp_path / "small.html"
    small.write_text(render_html(to_networkx(trig), title="t"), encoding="utf-8")
    assert _body(_dump_dom(small.as_uri() + "?doc=city-a-2023", tmp_path))["rendered"] == "5"


@pytest.mark.browser
def test_index_page_search_by_part_of_a_name_takes_the_most_connected(index_page, G, tmp_path):
    part = "人力资源"
    matches = [n for n, d in G.nodes(data=True) if part in d["label_zh"]]
    assert len(matches) > 1
    best = max(matches, key=lambda n: (len({(u, v, d["label_zh"]) for u, v, d in G.edges(n, data=True)} |
                                           {(u, v, d["label_zh"]) for u, v, d in G.in_edges(n, data=True)}), n))
    state = _body(_dump_dom(index_page.as_uri() + "?search=" + quote(part), tmp_path))
    assert state["focused"] == best and state["errors"] == "0"
