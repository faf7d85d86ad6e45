"""HTML and XML: tags, attributes, comments, scripts, styles, code, entities.

Text between tags is prose; ``<script>``, ``<style>``, ``<pre>``, ``<code>``,
``<kbd>``, ``<samp>``, ``<var>``, ``<math>`` elements, comments, CDATA sections,
processing instructions and the doctype are not. Entities are masked too; the
French rules read ``&nbsp;``/``&#160;`` as U+00A0 and ``&#8239;``/``&#x202F;`` as
U+202F.
"""

from __future__ import annotations

import re

from ..document import Document
from ._spans import Span, gaps, merge
from .plain import heuristic_spans

_HTML = re.compile(
    r"<!--.*?-->"
    r"|<!\[CDATA\[.*?\]\]>"
    r"|<\?.*?\?>"
    r"|<!(?:DOCTYPE|doctype)[^>]*>"
    r"|<(?P<raw>script|style|pre|code|kbd|samp|var|math|svg|textarea|template)\b[^>]*>.*?"
    r"</(?P=raw)\s*>"
    r"|</?[A-Za-z][\w:.-]*(?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>"
    r"|&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});",
    re.DOTALL | re.IGNORECASE,
)


def html_spans(doc: Document) -> list[Span]:
    text = doc.text
    spans: list[Span] = [m.span() for m in _HTML.finditer(text)]
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
