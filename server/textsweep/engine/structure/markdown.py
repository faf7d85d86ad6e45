"""Markdown: block structure from markdown-it-py, inline markup by scanning.

Not prose: front matter, fenced and indented code, HTML blocks, math blocks
(``$$``), table delimiter rows and the pipes and alignment spaces of table rows,
link reference definitions, and inline: code spans, autolinks, link and image
destinations, raw HTML tags, inline math, HTML entities (``&nbsp;`` counts as a
no-break space for the French rules). Everything left then goes through the
plain-text heuristics (bare URLs, paths…).
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from ..document import Document
from ._spans import Span, gaps, merge
from .plain import heuristic_spans

_md: MarkdownIt | None = None


def parser() -> MarkdownIt:
    global _md
    if _md is None:
        _md = (
            MarkdownIt("commonmark", {"html": True})
            .enable("table")
            .use(front_matter_plugin)
            .use(dollarmath_plugin, allow_space=False, double_inline=True)
        )
    return _md


_CODE_BLOCKS = {"fence", "code_block", "html_block", "front_matter", "math_block", "hr"}
_INLINE = re.compile(
    r"(?P<code>(`+)(?!`).*?(?<!`)\2(?!`))"
    r"|(?P<auto><(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>)"
    r"|(?P<dest>\]\((?:<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\))"
    r"|(?P<ref>\]\[[^\]\n]*\])"
    r"|(?P<tag></?[a-zA-Z][\w-]*(?:\s+[\w:.-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>"
    r"|<!--.*?-->)"
    r"|(?P<entity>&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});)"
    r"|(?P<math>(?<![\\$\w])\$(?=\S)[^$\n]+?(?<=\S)\$(?![\w$]))"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])",
    re.DOTALL,
)
_FOOTNOTE = re.compile(r"^ {0,3}\[\^[^\]\n]+\]:|\[\^[^\]\n]+\]", re.MULTILINE)
_REF_DEF = re.compile(
    r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*$", re.MULTILINE
)
_TABLE_PIPE = re.compile(r"[ \t]*(?<!\\)\|[ \t]*")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?=[ \t])|[ \t]+#+[ \t]*$", re.MULTILINE)


def markdown_spans(doc: Document) -> list[Span]:
    text = doc.text
    starts = doc.line_starts
    n_lines = len(starts)

    def line_offset(line: int) -> int:
        return starts[line] if line < n_lines else len(text)

    tokens: list[Any] = parser().parse(text)
    spans: list[Span] = []
    in_table = False
    for tok in tokens:
        if tok.type == "table_open":
            in_table = True
        elif tok.type == "table_close":
            in_table = False
        if tok.map is None:
            continue
        first, last = tok.map
        start, end = line_offset(first), line_offset(last)
        if tok.type in _CODE_BLOCKS:
            spans.append((start, end))
        elif in_table and tok.type in ("thead_open",):
            # the delimiter row is the second line of the header
            d0 = line_offset(first + 1)
            spans.append((d0, line_offset(first + 2)))
        elif in_table and tok.type == "tr_open":
            spans.extend(m.span() for m in _TABLE_PIPE.finditer(text, start, end))
    spans.extend(m.span() for m in _REF_DEF.finditer(text))
    spans.extend(m.span() for m in _FOOTNOTE.finditer(text))
    spans.extend(m.span() for m in _HEADING.finditer(text))
    blocks = merge(spans)
    for s, e in list(gaps(blocks, 0, len(text))):
        for m in _INLINE.finditer(text, s, e):
            spans.append(m.span())
    marked = merge(spans)
    for s, e in list(gaps(marked, 0, len(text))):
        spans.extend(heuristic_spans(text, s, e))
    return merge(spans)


def front_matter(doc: Document) -> str | None:
    """The YAML front matter's text, if the document starts with one."""
    m = re.match(r"---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", doc.text, re.DOTALL)
    return m.group(1) if m else None
