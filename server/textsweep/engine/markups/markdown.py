"""Markdown (CommonMark): code, HTML, links and front matter are not prose; a
YAML front matter ``lang:`` declares the language; two trailing spaces before a
continuing line are a hard line break; HTML entities may write no-break spaces."""

from __future__ import annotations

import re

from ..document import Document
from ..markup import HTML_SPACE_ENTITIES, Markup, register
from ..structure._spans import Span


def markdown_spans(doc: Document) -> list[Span]:
    """:func:`..structure.markdown.markdown_spans`, imported on first use: a check of a file
    of another type never loads that parser nor compiles its patterns."""
    from ..structure.markdown import markdown_spans

    return markdown_spans(doc)


def front_matter(doc: Document) -> str | None:
    """:func:`..structure.markdown.front_matter` (imported on first use, as above)."""
    from ..structure.markdown import front_matter

    return front_matter(doc)


_FRONT_LANG = re.compile(
    r"^(?:lang|language|locale)\s*:\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.MULTILINE
)


def declared_language(doc: Document) -> str | None:
    """``lang:``, ``language:`` or ``locale:`` in the YAML front matter."""
    fm = front_matter(doc)
    if fm:
        m = _FRONT_LANG.search(fm)
        if m:
            return m.group(1)
    return None


def hard_break(text: str, start: int, end: int) -> bool:
    """Exactly two spaces after text and before a line that continues the paragraph
    (a line of only spaces is a blank line, not a break)."""
    if end - start != 2 or text[start:end] != "  " or end >= len(text):
        return False
    if start == 0 or text[start - 1] in "\r\n":
        return False
    nxt = end + (2 if text.startswith("\r\n", end) else 1)
    line_end = nxt
    while line_end < len(text) and text[line_end] in " \t":
        line_end += 1
    return line_end < len(text) and text[line_end] not in "\r\n"


_RULE_LINE = re.compile(r"[ ]{0,3}(?:=+|-+|\*+|_+)[ \t]*$|[ \t]*\|")


def comment_allowed(doc: Document, offset: int) -> bool:
    """Not in a code block, front matter or HTML block (non-prose over several lines),
    nor after the start of a table row or a heading underline, where a comment would
    show or break it (a comment line above one is fine)."""
    line = doc.line_of(offset)
    start, end = doc.line_span(line)
    if offset > start and _RULE_LINE.match(doc.text, start, end):
        return False
    blocks = doc.cached(
        "markdown.blocks",
        lambda d: [(s, e) for s, e in markdown_spans(d) if "\n" in d.text[s:e]],
    )
    return not any(s <= offset < e for s, e in blocks)


MARKUP = register(
    Markup(
        name="markdown",
        collapses_blanks=True,
        language_ids=("markdown",),
        extensions={".md": "markdown", ".markdown": "markdown"},
        non_prose=markdown_spans,
        nobreak_tokens=HTML_SPACE_ENTITIES,
        declared_language=declared_language,
        hard_break=hard_break,
        comment=("<!-- ", " -->"),
        trailing_comment=True,
        comment_splits_paragraph=True,
        comment_allowed=comment_allowed,
    )
)
