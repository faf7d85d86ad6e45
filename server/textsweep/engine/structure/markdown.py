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
from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..chars import UNSEEN, UNSEEN_CLASS, drop_unseen
from ..document import Document
from ..memo import text_memo
from ._spans import Span, gaps, merge
from .plain import BacktickCloser, _find_all, heuristic_spans

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_md: MarkdownIt | None = None


def parser() -> MarkdownIt:
    """The Markdown parser, built (and markdown-it-py imported) on first use."""
    global _md
    if _md is None:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.dollarmath import dollarmath_plugin
        from mdit_py_plugins.front_matter import front_matter_plugin

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
#: The closing run only from the start of its spaces: tried from inside a long run
#: of spaces without ``#``, it rescanned the rest of the run (quadratic).
_HEADING = re.compile(r"^ {0,3}#{1,6}(?=[ \t])|(?<![ \t])[ \t]+#+[ \t]*$", re.MULTILINE)
#: A heading's id (``{#why-keys}``, Pandoc and kramdown) and MDX's comments, which
#: react.dev's translations use for ids (``### Pourquoi ? {/*why-does-react-care*/}``):
#: the English id made the French heading English, and its ``?`` lost its space.
_ATTRIBUTES = re.compile(r"[ \t]*\{#[\w:.-]+\}[ \t]*$|\{/\*[^\n]*?\*/\}", re.MULTILINE)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FENCE_OPEN = re.compile(r" {0,3}(`{3,}|~{3,}|\$\$)")
_HTML_RAW_OPEN = re.compile(r" {0,3}<(script|pre|style|textarea)\b|<!--", re.IGNORECASE)
_HTML_RAW_CLOSE = re.compile(r"</(?:script|pre|style|textarea)>|-->", re.IGNORECASE)
_FRONT = re.compile(r"---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


#: A line's indentation holding a character other fixes delete (``\u200b```js``).
_LEADING_UNSEEN = re.compile(f"^[ \t{UNSEEN_CLASS}]*[{UNSEEN_CLASS}]", re.MULTILINE)


def _without_leading_unseen(text: str) -> str:
    """``text`` with the characters other fixes delete removed from each line's
    indentation: a fence written after a zero-width space opens code once the
    space is gone, so the blocks are read as they will be (lines stay where they
    are: the parser's line numbers still point into ``text``)."""
    if UNSEEN.isdisjoint(text):
        return text
    return _LEADING_UNSEEN.sub(lambda m: drop_unseen(m.group()), text)


#: A line break and the blank line after it, up to (not including) its own break: a
#: literal first character, so the regex engine skips ahead at C speed.
_BLANK_LINE = re.compile(r"\n[^\S\n]*(?=\n)")


def _chunks(text: str, start: int) -> list[tuple[int, int]]:
    """Cut the document at blank lines where no block can continue across the cut.

    A cut falls before a line indented by at most three spaces, outside fenced
    code, ``$$`` math and raw HTML blocks, so each chunk parses the same alone as
    inside the whole document; chunks are cached by text.
    """
    if not any(s in text for s in ("\r", "```", "~~~", "$$", "<")):
        return _chunks_simple(text, start)
    return _chunks_general(text, start)


def _chunks_simple(text: str, start: int) -> list[tuple[int, int]]:
    """:func:`_chunks_general` for text without fences, ``$$`` or HTML (no block
    state to track) and without ``\r``: only the blank lines are visited."""
    chunks: list[tuple[int, int]] = []
    chunk_start = start
    n = len(text)
    find = text.find
    candidates: list[int] = []
    first_end = find("\n", start)
    if first_end >= 0 and not text[start:first_end].strip():
        candidates.append(first_end + 1)
    # the line after each blank line that follows a line break
    candidates.extend(m.end() + 1 for m in _BLANK_LINE.finditer(text, start))
    for p in candidates:
        if p >= n or p <= chunk_start:
            continue
        le = find("\n", p)
        body = text[p:] if le < 0 else text[p:le]
        if not body.strip():
            continue
        if len(body) - len(body.lstrip(" ")) <= 3:
            chunks.append((chunk_start, p))
            chunk_start = p
    if chunk_start < n:
        chunks.append((chunk_start, n))
    return chunks


def _chunks_general(text: str, start: int) -> list[tuple[int, int]]:
    chunks: list[tuple[int, int]] = []
    chunk_start = start
    fence: str | None = None
    raw_html = False
    blank_before = False
    for m in _LINE.finditer(text, start):
        line = m.group()
        if not line:
            break
        body = _without_leading_unseen(line.rstrip("\r\n"))
        if fence is not None:
            if body.lstrip(" ").startswith(fence):
                fence = None
            continue
        if raw_html:
            if _HTML_RAW_CLOSE.search(body):
                raw_html = False
            continue
        if not body.strip():
            blank_before = True
            continue
        indent = len(body) - len(body.lstrip(" "))
        if blank_before and indent <= 3 and m.start() > chunk_start:
            chunks.append((chunk_start, m.start()))
            chunk_start = m.start()
        blank_before = False
        f = _FENCE_OPEN.match(body)
        if f:
            fence = f.group(1)[:3] if f.group(1) != "$$" else "$$"
            if fence == "$$" and body.strip().endswith("$$") and len(body.strip()) > 2:
                fence = None
            continue
        h = _HTML_RAW_OPEN.match(body)
        if h and not _HTML_RAW_CLOSE.search(body, h.end()):
            raw_html = True
    if chunk_start < len(text):
        chunks.append((chunk_start, len(text)))
    return chunks


def markdown_spans(doc: Document) -> list[Span]:
    text = doc.text
    spans: list[Span] = []
    start = 0
    fm = _FRONT.match(text)
    if fm:
        spans.append((0, fm.end()))
        start = fm.end()
    for s, e in _chunks(text, start):
        spans.extend((s + a, s + b) for a, b in _chunk_spans(text[s:e]))
    return merge(spans)


@text_memo(max_chars=2_000_000, max_entries=32768)
def _chunk_spans(text: str) -> tuple[Span, ...]:
    """Non-prose spans of one chunk of Markdown, relative to it (cached by text)."""
    starts = [0] + [m.end() for m in _BREAK.finditer(text)]
    n_lines = len(starts)

    def line_offset(line: int) -> int:
        return starts[line] if line < n_lines else len(text)

    tokens: list[Any] = parser().parse(_without_leading_unseen(text))
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
        elif in_table and tok.type == "thead_open":
            # the delimiter row is the second line of the header
            spans.append((line_offset(first + 1), line_offset(first + 2)))
        elif in_table and tok.type == "tr_open":
            spans.extend(m.span() for m in _TABLE_PIPE.finditer(text, start, end))
    spans.extend(m.span() for m in _REF_DEF.finditer(text))
    spans.extend(m.span() for m in _FOOTNOTE.finditer(text))
    spans.extend(m.span() for m in _HEADING.finditer(text))
    if "{" in text:
        spans.extend(m.span() for m in _ATTRIBUTES.finditer(text))
    blocks = merge(spans)
    starts = _inline_starts(text)
    for s, e in list(gaps(blocks, 0, len(text))):
        lo = bisect_left(starts, s)
        spans.extend(_inline_spans(text, starts[lo:], e))
    marked = merge(spans)
    for s, e in list(gaps(marked, 0, len(text))):
        spans.extend(heuristic_spans(text, s, e))
    return tuple(merge(spans))


def _inline_spans(text: str, starts: list[int], end: int) -> Iterator[Span]:
    """The spans of ``_finditer_at(_INLINE, text, starts, end)``, in linear time.

    Two branches scan ahead without bound: a code span (to the next run of as many
    backticks) and an HTML comment (to ``-->``). Tried from each of many unclosed
    openers they were quadratic; code spans are closed by :class:`BacktickCloser`
    and a comment is not tried when no ``-->`` follows.
    """
    closer: BacktickCloser | None = None
    comment_end = text.rfind("-->", 0, end)
    pos = 0
    for i in starts:
        if i < pos:
            continue
        if i >= end:
            break
        if text[i] == "`":
            # Only the code branch starts with a backtick.
            if closer is None:
                closer = BacktickCloser(text, i, end)
            close = closer.close(i)
            if close is None:
                continue
            span = (i, close)
        elif comment_end < i + 4 and text.startswith("<!--", i, end):
            continue  # no "-->" after it: no other branch starts with "<!"
        else:
            m = _INLINE.match(text, i, end)
            if m is None:
                continue
            span = m.span()
        yield span
        pos = max(span[1], i + 1)


_BREAK = re.compile(r"\r\n|\r|\n")
#: Every _INLINE branch starts with one of these (code, autolink and tag, link
#: destination and reference, entity, math, escape).
_INLINE_FIRST = "`<]&$\\"


def _inline_starts(text: str) -> list[int]:
    """Sorted offsets where an _INLINE match can start (found with str.find)."""
    out: list[int] = []
    for c in _INLINE_FIRST:
        if c in text:
            out.extend(_find_all(text, c))
    out.sort()
    return out


def front_matter(doc: Document) -> str | None:
    """The YAML front matter's text, if the document starts with one."""
    m = re.match(r"---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", doc.text, re.DOTALL)
    return m.group(1) if m else None
