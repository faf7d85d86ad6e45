"""reStructuredText: literal blocks, directives, roles, targets, inline markup.

Not prose: the indented block after a paragraph ending in ``::`` (and the ``::``
itself), directive lines with their ``:option:`` lines — and the whole body of
code, math and raw directives —, comments, hyperlink targets and substitution
definitions, section adornments, grid and simple table borders, field-list
names, inline literals, roles, interpreted text, hyperlink references'
``<url>`` parts, substitution references, footnote references, backslash escapes
(``\\ `` too: an escaped space is removed from the output, so ``URL\\  for`` reads
``URL for``) and the rows of grid tables (a cell's padding is not a doubled space).
"""

from __future__ import annotations

import re

from ..document import Document
from ._spans import Span, gaps, merge
from .plain import heuristic_spans

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_DIRECTIVE = re.compile(
    r"^([ \t]*)\.\.(?:[ \t]+([\w:+-]+)::|[ \t]+_|[ \t]+\||[ \t]+\[|[ \t]*$|[ \t])"
)
_BODY_IS_CODE = frozenset(
    "code code-block sourcecode literalinclude math raw highlight csv-table list-table "
    "graphviz digraph graph uml mermaid doctest testcode testoutput ipython jupyter-execute "
    "productionlist toctree autosummary include image figure index".split()
)
_OPTION = re.compile(r"^[ \t]+:[\w -]+:(?:[ \t].*)?$")
_ADORNMENT = re.compile(r"^([=\-`:'\"~^_*+#<>.])\1{2,}[ \t]*$")
_TABLE_BORDER = re.compile(r"^[ \t]*(?:\+[-=+]+\+|=+(?:[ \t]+=+)+)[ \t]*$")
#: Role names and reference names are bounded, and a ``::`` ending a paragraph is
#: tried from the start of the spaces before it: tried from every character of a
#: long run of ``:``, of ``a.``, or of spaces, each read the rest of the run again.
_INLINE = re.compile(
    r"``.+?``"
    r"|(?::[\w:+.-]{1,40}:)?`[^`]+`(?::[\w:+.-]{1,40}:)?_{0,2}"
    r"|\|[^|\s][^|]*\|_{0,2}"
    r"|\[(?:\d+|#[\w-]*|\*|[\w-]+)\]_"
    r"|\b[\w.-]{1,60}__?(?=[\s,.;:!?)]|$)"
    r"|^[ \t]*:[\w -]+:(?=[ \t]|$)"
    r"|(?<![ \t])[ \t]*(?<![:\w])::(?=[ \t]*$)"
    r"|\\(?:[^\sa-zA-Z0-9]|[ \t])",
    re.MULTILINE,
)
#: A grid table's row: ``| cell | cell |`` (``+`` where a cell spans rows), read
#: only right after a border or another row. Masked whole, as the plain-text
#: heuristics mask a ``|`` row: an escape in a cell (``| \\-  |``) was an inline span
#: that cut the row in two, and the pieces left its padding to doubled-space.
_GRID_ROW = re.compile(r"^[ \t]*[|+].*[|+][ \t]*$")


def _simple_table_end(lines: list[tuple[int, str]], i: int) -> int | None:
    """The index of the bottom border of the simple table whose top border is line
    ``i``: the next ``===  ===`` border followed by a blank line or the end (a
    header's separator is followed by rows). None when there is none: a stray
    border does not swallow the rest of the document."""
    n = len(lines)
    for k in range(i + 1, n):
        line = lines[k][1].rstrip("\r\n")
        if _TABLE_BORDER.match(line) and _simple_border(line):
            if k + 1 >= n or not lines[k + 1][1].strip():
                return k
    return None


def _simple_border(border: str) -> bool:
    """Is a table border line a simple table's (``===  ===``), not a grid's (``+---+``)?"""
    return not border.lstrip().startswith("+")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def rst_spans(doc: Document) -> list[Span]:
    text = doc.text
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group()]
    spans: list[Span] = []
    i = 0
    n = len(lines)
    prev_nonblank = ""
    in_grid = False
    #: past this line no simple table closes: each border needs no new scan (a
    #: text of borders and no blank line was read to its end once per border)
    no_end_from = n
    while i < n:
        start, raw = lines[i]
        line = raw.rstrip("\r\n")
        blank = not line.strip()
        d = _DIRECTIVE.match(line)
        literal_intro = prev_nonblank.rstrip().endswith("::") and not blank
        border = _TABLE_BORDER.match(line)
        if border and _simple_border(line) and not in_grid and i < no_end_from:
            end = _simple_table_end(lines, i)
            if end is None:
                no_end_from = i  # no border after this one closes a table either
            else:
                # a simple table, borders to bottom border: its rows are columns
                # aligned with spaces, not prose (Django's reference, 1,000 of its
                # doubled-space findings)
                for s2, r2 in lines[i : end + 1]:
                    if r2.strip():
                        spans.append((s2, s2 + len(r2.rstrip("\r\n"))))
                prev_nonblank = ""
                i = end + 1
                continue
        # a row of a grid table: right after its ``+---+`` border or another row
        in_grid = (in_grid and bool(_GRID_ROW.match(line))) or bool(
            border and line.lstrip().startswith("+")
        )
        if d or literal_intro or _ADORNMENT.match(line) or border or in_grid:
            if not d and not literal_intro:
                spans.append((start, start + len(line)))
                prev_nonblank = line
                i += 1
                continue
            base = _indent(line)
            name = d.group(2) if d else None
            whole_body = literal_intro or name is None or name in _BODY_IS_CODE
            if literal_intro:
                # the literal block: lines indented deeper than the intro paragraph
                base = _indent(prev_nonblank) if prev_nonblank else 0
                if _indent(line) <= base:
                    prev_nonblank = line
                    i += 1
                    continue
                j = i
            else:
                spans.append((start, start + len(line)))
                j = i + 1
                # options right after the directive line
                while j < n and _OPTION.match(lines[j][1].rstrip("\r\n")):
                    s2, r2 = lines[j]
                    spans.append((s2, s2 + len(r2.rstrip("\r\n"))))
                    j += 1
            body_end = j
            k = j
            while k < n:
                l2 = lines[k][1].rstrip("\r\n")
                if l2.strip() and _indent(l2) <= base:
                    break
                if l2.strip():
                    body_end = k + 1
                k += 1
            if whole_body and body_end > j:
                s0 = lines[j][0]
                s1 = lines[body_end - 1][0] + len(lines[body_end - 1][1].rstrip("\r\n"))
                spans.append((s0, s1))
                i = body_end
            else:
                i = j
            prev_nonblank = ""
            continue
        if not blank:
            prev_nonblank = line
        i += 1
    blocks = merge(spans)
    for s, e in list(gaps(blocks, 0, len(text))):
        spans.extend(m.span() for m in _INLINE.finditer(text, s, e))
    marked = merge(spans)
    for s, e in list(gaps(marked, 0, len(text))):
        spans.extend(heuristic_spans(text, s, e))
    return merge(spans)
