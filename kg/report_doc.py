"""A report as plain blocks (headings, paragraphs, tables, quotations, charts), rendered as Markdown or HTML.

Both renderers read the same blocks, so the two formats always say the same thing, and every piece of text
from a report passes through one escaping function per format: report text is data, never markup.
"""

from __future__ import annotations

import base64
import html
import io
import re
from dataclasses import dataclass, field

__all__ = [
    "Chart",
    "Document",
    "Heading",
    "ItemList",
    "Paragraph",
    "Quote",
    "Table",
    "escape_markdown",
    "plot_bars",
    "render_html",
    "render_markdown",
]


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    emphasis: bool = False  # a note for the reader rather than a finding


@dataclass(frozen=True, slots=True)
class ItemList:
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[int, ...] = ()  # column positions to right-align


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    citation: str


@dataclass(frozen=True, slots=True)
class Chart:
    name: str  # file name stem of the PNG written beside the Markdown file
    caption: str
    png: bytes = field(repr=False)


Block = Heading | Paragraph | ItemList | Table | Quote | Chart


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    blocks: tuple[Block, ...]

    @property
    def charts(self) -> list[Chart]:
        return [block for block in self.blocks if isinstance(block, Chart)]


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def escape_markdown(text: object) -> str:
    """Text as inert Markdown on one line: no emphasis, links, HTML, table cells or headings from it.

    >>> escape_markdown("# Only *police* | <b>x</b> [a](b) `c`")
    '\\\\# Only \\\\*police\\\\* \\\\| \\\\<b\\\\>x\\\\</b\\\\> \\\\[a\\\\](b) \\\\`c\\\\`'
    """
    one_line = " ".join(str(text).split())
    escaped = _MD_SPECIAL.sub(r"\\\1", one_line)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def render_markdown(document: Document, chart_links: dict[str, str] | None = None) -> str:
    """The document as Markdown; charts are linked when chart_links names their files, else noted."""
    out = [f"# {escape_markdown(document.title)}", ""]
    for block in document.blocks:
        if isinstance(block, Heading):
            out += ["#" * block.level + " " + escape_markdown(block.text), ""]
        elif isinstance(block, Paragraph):
            text = escape_markdown(block.text)
            out += [f"*{text}*" if block.emphasis else text, ""]
        elif isinstance(block, ItemList):
            out += [f"- {escape_markdown(item)}" for item in block.items] + [""]
        elif isinstance(block, Table):
            out += _markdown_table(block) + [""]
        elif isinstance(block, Quote):
            out += [f"> “{escape_markdown(block.text)}”", ">", f"> — {escape_markdown(block.citation)}", ""]
        elif isinstance(block, Chart):
            if chart_links and block.name in chart_links:
                out += [f"![{escape_markdown(block.caption)}]({chart_links[block.name]})", ""]
            else:
                out += [
                    f"*Chart not written: {escape_markdown(block.caption)} (write the report to a file "
                    "with -o, or as HTML, to get it).*",
                    "",
                ]
    return "\n".join(out).rstrip() + "\n"


def _markdown_table(table: Table) -> list[str]:
    def row(cells) -> str:
        return "| " + " | ".join(escape_markdown(cell) or " " for cell in cells) + " |"

    rule = ["---:" if n in table.numeric else "---" for n in range(len(table.columns))]
    return [row(table.columns), "| " + " | ".join(rule) + " |", *(row(cells) for cells in table.rows)]


_CSS = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 72rem; margin: 2rem auto;
       padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.7rem; border-bottom: 2px solid #264653; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; color: #264653; }
h3 { font-size: 1.1rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; vertical-align: top; text-align: left; }
th { background: #eef3f5; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
blockquote { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid #2a9d8f; background: #f6faf9; }
blockquote footer { color: #555; font-size: .9rem; margin-top: .3rem; }
figure { margin: 1rem 0; } figure img { max-width: 100%; } figcaption { color: #555; font-size: .9rem; }
p.note { color: #555; font-style: italic; }
div.wide { overflow-x: auto; }
"""


def render_html(document: Document) -> str:
    """The document as one self-contained HTML page: inline CSS, charts as data: URIs, all text escaped."""
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(document.title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(document.title)}</h1>",
    ]
    for block in document.blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 2), 6)
            out.append(f"<h{level}>{e(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            out.append(f'<p class="note">{e(block.text)}</p>' if block.emphasis else f"<p>{e(block.text)}</p>")
        elif isinstance(block, ItemList):
            out.append("<ul>" + "".join(f"<li>{e(item)}</li>" for item in block.items) + "</ul>")
        elif isinstance(block, Table):
            head = "".join(f"<th>{e(c)}</th>" for c in block.columns)
            body = "".join(
                "<tr>"
                + "".join(
                    f'<td class="n">{e(c)}</td>' if n in block.numeric else f"<td>{e(c)}</td>"
                    for n, c in enumerate(cells)
                )
                + "</tr>"
                for cells in block.rows
            )
            out.append(f'<div class="wide"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>')
        elif isinstance(block, Quote):
            out.append(f"<blockquote><p>“{e(block.text)}”</p><footer>— {e(block.citation)}</footer></blockquote>")
        elif isinstance(block, Chart):
            data = base64.b64encode(block.png).decode("ascii")
            out.append(
                f'<figure><img src="data:image/png;base64,{data}" alt="{e(block.caption)}">'
                f"<figcaption>{e(block.caption)}</figcaption></figure>"
            )
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def plot_bars(categories: list[str], series: dict[str, list[int]], title: str, ylabel: str) -> bytes:
    """A stacked bar chart as PNG bytes (matplotlib, Agg backend, no timestamps: the same data, the same file)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, 3.6), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    bottom = [0] * len(categories)
    colours = ("#e76f51", "#f4a261", "#2a9d8f", "#8ab17d")
    for (name, values), colour in zip(series.items(), colours, strict=False):
        axes.bar(categories, values, bottom=bottom, label=name, color=colour)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    axes.set_title(title)
    axes.set_ylabel(ylabel)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.spines[["top", "right"]].set_visible(False)
    if len(series) > 1:
        axes.legend(frameon=False)
    if max((len(c) for c in categories), default=0) > 6:
        axes.tick_params(axis="x", labelrotation=30)
        for tick in axes.get_xticklabels():
            tick.set_horizontalalignment("right")  # the label's end sits under its bar
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
