"""Code-point offsets ↔ LSP positions in the negotiated encoding.

Columns count UTF-16 code units by default, UTF-8 bytes or code points when the
client negotiated those. Converting many offsets is one linear sweep: offsets are
sorted once and each step measures only the text between two neighbours, so a
2 MB single-line file with 400,000 findings costs one pass, not 400,000 rescans.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from ..engine.document import Document
from ..engine.memo import TextMemo
from ..engine.structure._spans import per_block

UTF8 = "utf-8"
UTF16 = "utf-16"
UTF32 = "utf-32"


def units(s: str, encoding: str) -> int:
    """Length of ``s`` in the encoding's code units."""
    if encoding == UTF32 or s.isascii():
        return len(s)
    if encoding == UTF8:
        return len(s.encode("utf-8", "surrogatepass"))
    # UTF-16: one unit per BMP character, two per astral one (encoded in C: a
    # generator over the characters cost a keystroke's publish milliseconds).
    return len(s.encode("utf-16-le", "surrogatepass")) // 2


def _columns_are_code_points(doc: Document, encoding: str) -> bool:
    """Does every character count one unit (UTF-32, ASCII, or UTF-16 with no
    astral character)?"""
    if encoding == UTF32:
        return True
    chars = doc.chars
    if encoding == UTF8:
        return all(c.isascii() for c in chars)
    return not any(ord(c) > 0xFFFF for c in chars)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _block_astral_fn(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _ASTRAL.finditer(text))


_block_astral = TextMemo(_block_astral_fn, max_chars=4_000_000, max_entries=16384)


def _astral_offsets(doc: Document) -> list[int]:
    """Sorted offsets of the characters outside the BMP (two UTF-16 units each),
    found block by block, memoised: a keystroke rescans one block."""
    return doc.cached("positions.astral", lambda d: per_block(d.text, _block_astral, operator.add))


def offsets_to_positions(
    doc: Document, offsets: Iterable[int], encoding: str
) -> dict[int, tuple[int, int]]:
    """Map each offset to ``(line, column)`` in one sweep over the sorted offsets."""
    text = doc.text
    starts = doc.line_starts
    nlines = len(starts)
    result: dict[int, tuple[int, int]] = {}
    if _columns_are_code_points(doc, encoding):
        # a column is then the distance from the line start: a bisection each
        n = len(text)
        for off in set(offsets):
            o = 0 if off < 0 else n if off > n else off
            line = bisect_right(starts, o) - 1
            result[o] = (line, o - starts[line])
        return result
    if encoding == UTF16:
        # A UTF-16 column is the distance from the line start plus one unit for each
        # astral character on the way: bisections each, where encoding the text
        # from the previous offset cost a publish in 1 MB 3 ms (lone surrogates are
        # one unit, as ``surrogatepass`` encodes them).
        astral = _astral_offsets(doc)
        n = len(text)
        for off in set(offsets):
            o = 0 if off < 0 else n if off > n else off
            line = bisect_right(starts, o) - 1
            start = starts[line]
            col = o - start
            if astral:
                col += bisect_left(astral, o) - bisect_left(astral, start)
            result[o] = (line, col)
        return result
    line = 0
    cursor = 0  # offset whose column is ``col``
    col = 0
    for off in sorted(set(offsets)):
        off = max(0, min(off, len(text)))
        if line + 1 < nlines and off >= starts[line + 1]:
            # Jump forward to the line holding ``off`` (binary search from here).
            line = bisect_right(starts, off, line + 1) - 1
            cursor = starts[line]
            col = 0
        col += units(text[cursor:off], encoding)
        cursor = off
        result[off] = (line, col)
    return result


def position_to_offset(doc: Document, line: int, character: int, encoding: str) -> int:
    """Offset for an LSP position; out-of-range positions clamp (as LSP asks)."""
    if line < 0:
        return 0
    if line >= doc.line_count:
        return len(doc.text)
    start, end = doc.line_span(line)
    if character <= 0:
        return start
    text = doc.text
    if encoding == UTF32:
        return min(start + character, end)
    seen = 0
    for i in range(start, end):
        if seen >= character:
            return i
        ch = text[i]
        o = ord(ch)
        if encoding == UTF8:
            seen += 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4
        else:
            seen += 2 if o > 0xFFFF else 1
        if seen > character:
            return i  # position inside a character: snap to its start
    return end
