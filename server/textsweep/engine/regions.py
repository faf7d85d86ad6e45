"""Which parts of a document are prose: the hook structure parsers plug into.

Spacing rules such as ``doubled-space`` only make sense in prose (a Markdown
table or a Python alignment is not a fault). A *region provider* maps a document
to the sorted, non-overlapping spans that are NOT prose (code, markup, URLs…).
Each file type's :class:`.markup.Markup` descriptor names its provider.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from .chars import drop_unseen
from .document import Document
from .markup import markup_for, markup_of

Spans = Sequence[tuple[int, int]]


class Mask:
    """Fast "is this span inside non-prose?" queries over sorted spans."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Spans) -> None:
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def __bool__(self) -> bool:
        return bool(self._starts)

    def bounds(self) -> tuple[list[int], list[int]]:
        """The spans' starts and ends, as two sorted lists (do not modify)."""
        return self._starts, self._ends

    def covers(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` overlaps any non-prose span."""
        if not self._starts:
            return False
        end = start + 1 if end is None or end <= start else end
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and self._ends[i] > start:
            return True
        j = i + 1
        return j < len(self._starts) and self._starts[j] < end

    def uncovered(self, positions: list[int]) -> list[int]:
        """The sorted ``positions`` that no span covers (``covers(p)`` is False), found
        in one walk instead of one bisection each."""
        starts, ends = self._starts, self._ends
        n = len(starts)
        j = 0
        out: list[int] = []
        for p in positions:
            while j < n and ends[j] <= p:
                j += 1
            if j < n and starts[j] <= p:
                continue
            out.append(p)
        return out

    def spans_in(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The non-prose spans overlapping ``[start, end)``, in order."""
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        n = len(self._starts)
        while i < n and self._starts[i] < end:
            if self._ends[i] > start:
                yield self._starts[i], self._ends[i]
            i += 1


def non_prose(doc: Document) -> Mask:
    """The document's non-prose mask, computed once per document."""

    def compute(d: Document) -> Mask:
        provider = markup_of(d).non_prose
        return Mask(provider(d) if provider else ())

    return doc.cached("regions.non_prose", compute)


def in_quoted_code(doc: Document, start: int, end: int) -> bool:
    """Is ``[start, end)`` inside code quoted by a document (a fenced or indented
    block, a code span: a non-prose span that opens with a backtick or a tilde, or
    is indented by four; in HTML a ``<pre>`` or ``<code>`` element)? Examples there
    are spelled on purpose; the other non-prose spans (tables, records, URLs) hold
    text like the prose around them."""
    quoted = markup_of(doc).quoted_code
    if quoted is not None:
        spans = quoted(doc)
        i = bisect.bisect_right(spans, (start, 1 << 62)) - 1
        return i >= 0 and spans[i][0] <= start and end <= spans[i][1]
    text = doc.text
    for s, e in non_prose(doc).spans_in(start, end):
        if s <= start and end <= e:
            # the span's first line with text (a block's span may open with blank lines)
            first = _BLANK_LINES.match(text, s, e)
            # read through what other fixes delete: ``   \u200b ...`` is indented by four
            head = drop_unseen(text[first.end() if first else s : e][:24])[:8]
            body = head.lstrip(" ")
            return body.startswith(_CODE_OPENERS) or len(head) - len(body) >= 4
    return False


_BLANK_LINES = re.compile(r"(?:[ \t]*(?:\r\n|\r|\n))+")
#: How a code block or span opens: a backtick or tilde fence, a tab, a doctest,
#: an AsciiDoc listing or literal block's delimiter, a reStructuredText directive
#: (``.. code-block:: pycon``: its body is masked with it).
_CODE_OPENERS = ("`", "~", "\t", ">>>", "----", "....", ".. ")


def source_text(doc: Document) -> Mask:
    """Spans quoted from the source a document translates (a gettext ``msgid``):
    not the translator's to fix, so whitespace rules leave them alone."""

    def compute(d: Document) -> Mask:
        provider = markup_of(d).language_spans
        spans = [(s, e) for s, e, _, source in provider(d) if source] if provider else []
        return Mask(spans)

    return doc.cached("regions.source", compute)


def is_code_language(doc: Document) -> bool:
    """A file type no descriptor knows (source code without a lexer): prose rules
    stay out entirely."""
    return markup_for(doc.language_id) is None
