"""Static pictures of the relationship graph (SVG, PNG) with matplotlib, Chinese text included.

Chinese labels need a CJK font; ``cjk_font`` finds one among the fonts matplotlib knows (Noto Sans CJK,
Source Han Sans, WenQuanYi, …) and raises ``MissingFont`` naming the Debian package to install when there
is none, so that no picture is ever drawn with boxes for characters. SVG keeps text as text.
"""
from __future__ import annotations

import io

import networkx as nx

from kg.errors import InputError
from kg.extras import require
from kg.draw.palette import color

CJK_FONT_NAMES = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK", "Noto Sans SC", "Source Han Sans SC",
                  "Source Han Sans", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback",
                  "AR PL UMing", "SimHei", "Microsoft YaHei", "PingFang SC")
FONT_PACKAGE = "fonts-noto-cjk"


class MissingFont(InputError):
    """No font that can draw Chinese is installed."""


# where fonts live on Linux, macOS and Windows; searched when matplotlib's cached font list has no CJK font
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
             "/Library/Fonts", "/System/Library/Fonts", "~/Library/Fonts", "C:/Windows/Fonts")
CJK_FILE_HINTS = ("cjk", "sourcehansans", "wqy", "wenquanyi", "droidsansfallback", "uming", "ukai", "simhei",
                  "msyh", "pingfang", "notosanssc", "notosans-sc")


def _known_cjk(ttflist) -> str | None:
    installed = {f.name for f in ttflist}
    for name in CJK_FONT_NAMES:
        if name in installed:
            return name
    for name in sorted(installed):
        if "CJK" in name or "Han Sans" in name:
            return name
    return None


def system_cjk_font_files() -> list[str]:
    """Font files with Chinese glyphs installed on the system, whether or not matplotlib has seen them:
    ``fc-list :lang=zh`` when fontconfig is there, and a scan of the usual font folders by file name."""
    import shutil
    import subprocess
    from pathlib import Path

    found: list[str] = []
    fc_list = shutil.which("fc-list")
    if fc_list:
        try:
            out = subprocess.run([fc_list, ":lang=zh", "file"], capture_output=True, text=True, timeout=20).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        found += sorted(line.split(":")[0].strip() for line in out.splitlines() if line.strip())
    for folder in FONT_DIRS:
        root = Path(folder).expanduser()
        if root.is_dir():
            found += sorted(str(f) for f in root.rglob("*") if f.suffix.lower() in (".ttf", ".otf", ".ttc")
                            and any(h in f.name.lower().replace(" ", "") for h in CJK_FILE_HINTS))
    # sans-serif regular faces first: they draw labels best
    def rank(path: str) -> tuple:
        name = path.lower()
        return ("sans" not in name, "bold" in name or "black" in name or "light" in name or "thin" in name, path)

    return sorted(dict.fromkeys(found), key=rank)


def cjk_font() -> str:
    """The family name of an installed font with Chinese glyphs.

    matplotlib caches its list of fonts; a font installed after that cache was built (say ``apt-get install
    fonts-noto-cjk`` after a first run) is not in it, so when the cached list has none, the system's font
    folders are searched and the fonts found are added to matplotlib's font manager for this process.
    """
    require("matplotlib", extra="viz", purpose="PNG and SVG pictures")
    from matplotlib import font_manager

    name = _known_cjk(font_manager.fontManager.ttflist)
    if name:
        return name
    for path in system_cjk_font_files():
        try:
            font_manager.fontManager.addfont(path)
        except (OSError, RuntimeError, ValueError):  # unreadable or not a font FreeType can open
            continue
        name = _known_cjk(font_manager.fontManager.ttflist)
        if name:
            return name
    raise MissingFont("no font with Chinese characters found for the picture",
                      hint=f"install the Debian package {FONT_PACKAGE}: apt-get install -y {FONT_PACKAGE}")


def _short(text: str, width: int = 12) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def draw(G: nx.MultiDiGraph, pos: dict, fmt: str, *, title: str = "", edge_labels: bool = True) -> bytes:
    """The graph drawn as ``fmt`` ('svg' or 'png'), nodes coloured by class with a legend."""
    if fmt not in ("svg", "png"):
        raise InputError(f"cannot draw format '{fmt}'", hint="use svg or png")
    font = cjk_font()
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.lines import Line2D

    n = max(G.number_of_nodes(), 1)
    side = min(max(6.0, 2.2 * n ** 0.5), 22.0)
    rc = {"font.family": [font, "DejaVu Sans"], "svg.fonttype": "none", "svg.hashsalt": "kg",
          "axes.unicode_minus": False}
    with plt.rc_context(rc):
        legend_w = 2.8  # inches kept free on the right for the legend
        fig, ax = plt.subplots(figsize=(side * 1.25 + legend_w, side))
        try:
            p = {v: (x, -y) for v, (x, y) in pos.items()}
            for u, v, d in G.edges(data=True):
                (x1, y1), (x2, y2) = p[u], p[v]
                ax.annotate("", xy=(x2, y2), xytext=(x1, y1), zorder=1,
                            arrowprops={"arrowstyle": "-|>", "color": "#9a9a9a", "lw": 0.7, "shrinkA": 7, "shrinkB": 7,
                                        "mutation_scale": 8})
            if edge_labels:
                seen: dict[tuple, int] = {}
                for u, v, d in G.edges(data=True):
                    (x1, y1), (x2, y2) = p[u], p[v]
                    k = seen[(u, v)] = seen.get((u, v), -1) + 1
                    ax.text((x1 + x2) / 2, (y1 + y2) / 2 - k * 0.012, _short(d.get("label_zh", ""), 10), fontsize=5,
                            color="#555555", ha="center", va="center", zorder=2)
            classes = sorted({d.get("cls", "Resource") for _, d in G.nodes(data=True)})
            for cls in classes:
                nodes = [v for v, d in G.nodes(data=True) if d.get("cls") == cls]
                xs, ys = zip(*(p[v] for v in nodes))
                sizes = [40 + 12 * min(G.degree(v), 20) for v in nodes]
                ax.scatter(xs, ys, s=sizes, c=color(cls), edgecolors="white", linewidths=0.6, zorder=3)
            focus = G.graph.get("focus")
            for v, d in G.nodes(data=True):
                x, y = p[v]
                ax.text(x, y + 0.014, _short(d.get("label_zh") or str(v)), fontsize=7 if v != focus else 9,
                        fontweight="bold" if v == focus else "normal", ha="center", va="bottom", zorder=4)
            handles = [Line2D([], [], marker="o", linestyle="", markersize=7, color=color(cls),
                              label=f"{_class_name(G, cls)}") for cls in classes]
            ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
            if title:
                ax.set_title(title, fontsize=11)
            ax.set_axis_off()
            ax.margins(0.08)
            fig.subplots_adjust(left=0.01, right=1 - legend_w / (side * 1.25 + legend_w), top=0.95, bottom=0.01)
            buf = io.BytesIO()
            meta = {"Date": None} if fmt == "svg" else {"Software": None}
            fig.savefig(buf, format=fmt, dpi=110, metadata=meta)
        finally:
            plt.close(fig)
    return buf.getvalue()


def _class_name(G: nx.Graph, cls: str) -> str:
    for _, d in G.nodes(data=True):
        if d.get("cls") == cls:
            zh, en = d.get("cls_zh", ""), d.get("cls_en", "")
            return f"{zh} {en}".strip() or cls
    return cls
