"""AsciiDoc's own non-prose: delimited listing, literal, passthrough and comment
blocks, comment lines, block attribute and anchor lines, attribute entries.

Everything else (paragraphs, lists, titles, admonitions, quote, example and
sidebar blocks) is prose, read with the plain-text heuristics. Git's manuals are
AsciiDoc: their ``----`` listings (``create         :000000 100644 …``, ASCII
graphs of commits, shell sessions) were 700 of their doubled-space findings.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ._spans import Span

#: A delimiter line of a block whose content is not prose: listing ``----``,
#: literal ``....``, passthrough ``++++``, comment ``////`` (four characters or
#: more; AsciiDoc closes a block with a line equal to its opening one).
_DELIMITER = re.compile(r"^(-{4,}|\.{4,}|\+{4,}|/{4,})[ \t]*$", re.MULTILINE)
#: Lines that are markup: ``// comment`` (not ``////``), ``[source,c]``,
#: ``[[anchor]]``, ``:attribute: value``.
_MARKUP_LINE = re.compile(
    r"^(?://(?!//)[^\n]*|\[[^\]\n]*\][ \t]*|:!?[A-Za-z0-9_][\w-]*!?:(?:[ \t][^\n]*)?)$",
    re.MULTILINE,
)


def block_spans(text: str) -> list[Span]:
    """The delimited non-prose blocks (delimiters included) and the markup lines,
    in order (not merged). A block left open runs to the end of the text, as
    AsciiDoc reads it."""
    spans: list[Span] = []
    pos = 0
    n = len(text)
    while True:
        m = _DELIMITER.search(text, pos)
        if m is None:
            break
        line = m.group(1)
        close = re.compile(rf"^{re.escape(line)}[ \t]*$", re.MULTILINE).search(text, m.end())
        end = close.end() if close else n
        spans.append((m.start(), end))
        pos = end
    starts = [s for s, _ in spans]
    markup = []
    for m in _MARKUP_LINE.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        if i < 0 or spans[i][1] <= m.start():  # not inside a block (they do not overlap)
            markup.append(m.span())
    return sorted(spans + markup)
