"""HTML and XML: tags, attributes, comments, scripts, styles, code, entities.

Text between tags is prose; ``<script>``, ``<style>``, ``<pre>``, ``<code>``,
``<kbd>``, ``<samp>``, ``<var>``, ``<math>`` elements, comments, CDATA sections,
processing instructions and the doctype are not. Entities are masked too; the
French rules read ``&nbsp;``/``&#160;`` as U+00A0 and ``&#8239;``/``&#x202F;`` as
U+202F.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..document import Document
from ._spans import Span, gaps, merge
from .plain import _find_all, heuristic_spans

_RAW = "script|style|pre|code|kbd|samp|var|math|svg|textarea|template"
#: A name or an unquoted value never holds ``<``: from each of many unclosed
#: ``<a `` the tag branch would otherwise read on to the end (quadratic).
_TAG = r"</?[A-Za-z][\w:.-]*(?:\s+[^\s=>/<]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s<>]+))?)*\s*/?>"
_OTHERS = (
    r"<!--.*?-->"
    r"|<!\[CDATA\[.*?\]\]>"
    r"|<\?.*?\?>"
    r"|<!(?:DOCTYPE|doctype)[^>]*>"
)
_ENTITY = r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});"


@cache
def _html_re(raw: bool) -> re.Pattern[str]:
    """The markup pattern (``raw`` False: without raw elements, for where their closing
    tag never comes), compiled at its first use: 3 ms at every start, for HTML only."""
    if raw:
        source = _OTHERS + rf"|<(?P<raw>{_RAW})\b[^<>]*>.*?</(?P=raw)\s*>|{_TAG}|{_ENTITY}"
    else:
        source = f"{_OTHERS}|{_TAG}|{_ENTITY}"
    return re.compile(source, re.DOTALL | re.IGNORECASE)


_RAW_OPEN = re.compile(rf"<({_RAW})\b", re.IGNORECASE)
_RAW_CLOSE = re.compile(rf"</({_RAW})\s*>", re.IGNORECASE)
#: Openers whose branch reads on to a closer, and that closer.
_CLOSERS = (("<!--", "-->", 4), ("<![CDATA[", "]]>", 9), ("<?", "?>", 2), ("<!", ">", 2))


def _markup(text: str) -> Iterator[Span]:
    """The spans of ``_html_re(True).finditer(text)``, without reading to the end of the text
    from each of many openers that are never closed (``<!--``, ``<?``, ``<script>``…).
    """
    last = {closer: text.rfind(closer) for _, closer, _ in _CLOSERS}
    last_raw: dict[str, int] = {}
    if "</" in text:
        for close in _RAW_CLOSE.finditer(text):
            last_raw[close.group(1).lower()] = close.start()
    starts = sorted(_find_all(text, "<") + _find_all(text, "&"))
    pos = 0
    for i in starts:
        if i < pos:
            continue
        with_raw = True
        if text[i] == "<":
            closer = _closer(text, i)
            if closer is not None and last[closer[0]] < i + closer[1]:
                continue  # never closed, and no other branch starts with "<!" or "<?"
            raw = _RAW_OPEN.match(text, i)
            if raw is None or last_raw.get(raw.group(1).lower(), -1) < i:
                with_raw = False
        m = _html_re(with_raw).match(text, i)
        if m:
            yield m.span()
            pos = max(m.end(), i + 1)


def _closer(text: str, i: int) -> tuple[str, int] | None:
    """The closer the ``<!`` or ``<?`` construct at ``i`` reads on to, and where it
    may start at the earliest (relative to ``i``)."""
    head = text[i : i + 9]
    for opener, closer, width in _CLOSERS:
        if head.upper().startswith(opener.upper()):
            return closer, width
    return None


def html_spans(doc: Document) -> list[Span]:
    text = doc.text
    spans: list[Span] = list(_markup(text))
    # Plain-text heuristics (URLs, paths…) for what the markup left as prose.
    for s, e in gaps(merge(spans), 0, len(text)):
        spans.extend(heuristic_spans(text, s, e))
    return merge(spans)


_LANG = re.compile(
    r"<html\b[^>]*?\s(?:xml:)?lang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)", re.IGNORECASE
)


def html_lang(doc: Document) -> str | None:
    """The ``lang`` attribute of the ``<html>`` element, if any."""
    m = _LANG.search(doc.text, 0, 20000)
    return m.group(1).replace("_", "-") if m else None


#: Elements that quote code, output or input (DocBook renders ``<screen>`` as
#: ``<pre class="screen">`` and ``<computeroutput>`` as ``<code>``).
_CODE_OPEN = re.compile(r"<(pre|code|kbd|samp|tt)\b[^<>]*>", re.IGNORECASE)


@cache
def _code_close(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{name}\s*>", re.IGNORECASE)


def code_elements(doc: Document) -> list[Span]:
    """The ``<pre>``, ``<code>``, ``<kbd>``, ``<samp>`` and ``<tt>`` elements, tags
    included, outermost only (an unclosed one is its tag alone)."""
    text = doc.text
    out: list[Span] = []
    pos = 0
    if "<" not in text:
        return out
    for m in _CODE_OPEN.finditer(text):
        if m.start() < pos:
            continue  # inside the previous element (``<pre><code>``)
        close = _code_close(m.group(1).lower()).search(text, m.end())
        pos = close.end() if close else m.end()
        out.append((m.start(), pos))
    return out


#: The tags of elements a browser sets apart as blocks (or breaks a line at).
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|caption"
    r"|pre|blockquote|section|article|header|footer|nav|aside|main|figure|figcaption"
    r"|br|hr|title|head|body|html|form|fieldset|legend|details|summary|option)\b[^<>]*>",
    re.IGNORECASE,
)


def block_tags(doc: Document) -> list[Span]:
    """The spans of block-level tags, which part paragraphs as a browser shows them."""
    text = doc.text
    if "<" not in text:
        return []
    return [m.span() for m in _BLOCK_TAG.finditer(text)]
