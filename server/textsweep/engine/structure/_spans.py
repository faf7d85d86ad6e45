"""Span helpers shared by the structure providers.

A *span* is a half-open ``(start, end)`` range of code-point offsets. Providers
collect NON-prose spans in any order; :func:`merge` makes them sorted and
non-overlapping as :mod:`..regions` requires.
"""

from __future__ import annotations

import functools
import re
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

Span = tuple[int, int]
T = TypeVar("T")
R = TypeVar("R")

#: What a blank line may hold: what a reader does not see, the blanks
#: trailing-whitespace removes and the invisible characters (ZWSP, bidi marks,
#: tags…) and C0 controls (``control-character`` removes them; a form feed alone on
#: its line stays, and is blank to a reader too). A line of `` \u00a0``, `` \u200b``
#: or ``\x07`` looks blank; were it a paragraph, removing those would join two
#: paragraphs (and change their detected language).
_BLANK_CHARS = (
    "[ \t\u00a0\u2000-\u200f\u202f\u3000\u00ad\u061c\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
)
#: The HTML names of those characters (``html.entities.html5``).
_BLANK_NAMES = (
    "ApplyFunction|InvisibleComma|InvisibleTimes|NegativeMediumSpace|NegativeThickSpace|"
    "NegativeThinSpace|NegativeVeryThinSpace|NoBreak|NonBreakingSpace|Tab|ThinSpace|"
    "VeryThinSpace|ZeroWidthSpace|af|emsp|emsp13|emsp14|ensp|hairsp|ic|it|lrm|nbsp|numsp|"
    "puncsp|rlm|shy|thinsp|zwj|zwnj"
)


def _blank_references() -> str:
    """A character reference (``&nbsp;``, ``&#8239;``, ``&amp;#xA0;``) to one of those
    characters: html-entity writes it, so a line of them is blank once repaired;
    read as blank from the start, the repair never splits a paragraph in two."""
    points = [9, 32, 0xA0, 0xAD, 0x61C, 0x202F, 0x3000, 0xFEFF]
    for lo, hi in ((0x2000, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x2069)):
        points += range(lo, hi + 1)
    points += range(0xE0000, 0xE0080)
    decimal = "|".join(str(p) for p in points)
    hexa = "|".join(f"{p:x}" for p in points)
    return f"&(?:amp;)*(?:{_BLANK_NAMES}|#0*(?:{decimal})|#[xX]0*(?i:{hexa}));"


_BLANKS = f"(?:{_BLANK_CHARS}|{_blank_references()})*"


@functools.cache
def _blank_line() -> re.Pattern[str]:
    return re.compile(_BLANKS)


def is_blank_line(line: str) -> bool:
    """Does ``line`` (without its line break) hold only what :data:`_BLANKS` reads as
    blank: blanks, invisible characters and references to them (`` &nbsp; ``)?"""
    return _blank_line().fullmatch(line) is not None


#: A blank line between two paragraphs, without carriage returns: a literal first
#: character lets the regex engine skip ahead at C speed (three times faster on 1 MB
#: of prose than :data:`PARAGRAPH_BREAK`).
_LF_BREAK = re.compile(r"\n(?:" + _BLANKS + r"\n)+")


@functools.cache
def _any_break() -> re.Pattern[str]:
    """:data:`PARAGRAPH_BREAK`, compiled when first needed: only a text holding a CR
    needs it, and compiling it cost every start 6 ms."""
    # ``\r(?!\n)``: backtracking must never read the CR and LF of one CRLF as two
    # line breaks (every CRLF line was a paragraph of its own).
    return re.compile(r"(?:\r\n|\r(?!\n)|\n)(?:" + _BLANKS + r"(?:\r\n|\r(?!\n)|\n))+")


def __getattr__(name: str) -> re.Pattern[str]:
    """``PARAGRAPH_BREAK``: a blank line between two paragraphs (any line ending),
    compiled on first use (see :func:`_any_break`)."""
    if name == "PARAGRAPH_BREAK":
        return _any_break()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def paragraph_break(text: str) -> re.Pattern[str]:
    """The fastest pattern that finds ``PARAGRAPH_BREAK`` in ``text``."""
    return _any_break() if "\r" in text else _LF_BREAK


#: Blocks of paragraphs: a block ends after a paragraph whose length is a multiple
#: of BLOCK_SPREAD (about that many paragraphs a block), or past BLOCK_MAX. Paragraphs
#: of one length (a repeated one) never meet the first test: each keystroke in them
#: re-read a block of BLOCK_MAX (layout, languages, paragraph rules), 0.12-0.16 s a
#: keystroke in 1 MB at 64 KB, 0.08 s at 16 KB (8 KB: no faster).
BLOCK_SPREAD = 16
BLOCK_MAX = 16 * 1024


def _cut(text: str, start: int, end: int, breaks: list[Span] | None = None) -> list[int]:
    """Block boundaries of ``text[start:end]``: ``start``, each cut, ``end``
    (the paragraph breaks found on the way are appended to ``breaks``)."""
    cuts = [start]
    block_start = para_start = start
    for m in paragraph_break(text).finditer(text, start, end):
        b, e = m.span()
        if breaks is not None:
            breaks.append((b, e))
        if (b - para_start) % BLOCK_SPREAD == 0 or e - block_start > BLOCK_MAX:
            cuts.append(e)
            block_start = e
        para_start = e
    if end > block_start:
        cuts.append(end)
    return cuts


class _Scan:
    """One scan of a whole text: its paragraph breaks, block cuts and blocks."""

    __slots__ = ("_blocks", "breaks", "cuts", "text")

    def __init__(self, text: str, scan: bool = True) -> None:
        self.text = text
        self.breaks: list[Span] = []
        self.cuts = _cut(text, 0, len(text), self.breaks) if scan else []
        self._blocks: list[str] | None = None

    @property
    def blocks(self) -> list[str]:
        # the same str objects for every memo: a str caches its hash, so the second
        # and later lookups of a block cost no hashing of its text
        if self._blocks is None:
            text, cuts = self.text, self.cuts
            found = [text[cuts[i] : cuts[i + 1]] for i in range(len(cuts) - 1)]
            if len(text) > MAX_MEMO_TEXT:
                return found  # not kept: a second copy of a huge text
            self._blocks = found
        return self._blocks


def _unchanged(text: str, old: _Scan) -> tuple[int, int] | None:
    """``(head, tail)``: ``old``'s blocks before ``head`` are found unchanged and in
    place in ``text``, those from ``tail`` on unchanged and moved by the difference
    in length (found with ``startswith``, no copy); None when too little is shared
    for :func:`_rescan` to pay."""
    if len(old.text) > MAX_MEMO_TEXT:
        return None
    ocuts, oblocks = old.cuts, old.blocks
    nb = len(oblocks)
    if nb < 4:
        return None
    delta = len(text) - len(old.text)
    starts = text.startswith
    head = 0  # blocks 0..head-1 are unchanged and in place
    while head < nb and starts(oblocks[head], ocuts[head]):
        head += 1
    if head == nb and delta == 0:
        head -= 1  # an equal text: cut its last block again (cheap, and always right)
    tail = nb  # blocks tail..nb-1 are unchanged, moved by delta
    while tail > head and ocuts[tail - 1] + delta >= ocuts[head]:
        if not starts(oblocks[tail - 1], ocuts[tail - 1] + delta):
            break
        tail -= 1
    if head < 2 and tail > nb - 2:
        return None
    return head, tail


def _rescan(text: str, old: _Scan, unchanged: tuple[int, int] | None = None) -> _Scan | None:
    """The scan of ``text`` made from ``old``'s, the scan of a text that differs from
    it in one stretch (an edit): the blocks before and after the stretch are found
    unchanged (:func:`_unchanged`, or ``unchanged`` when the caller found them), only
    the stretch is cut again, and the cut stops as soon as it meets one of ``old``'s
    cuts in the unchanged tail (the cutting state resets at each cut: what follows
    is ``old``'s, shifted). None when nothing is shared. Equal to ``_Scan(text)``
    (``tests/unit/test_spans_rescan.py``)."""
    found = unchanged or _unchanged(text, old)
    if found is None:
        return None
    head, tail = found
    ocuts, oblocks, obreaks = old.cuts, old.blocks, old.breaks
    nb = len(oblocks)
    n, delta = len(text), len(text) - len(old.text)
    # Cut again from the start of the block before the first changed one: where a
    # cut falls may depend on the character right after it (a CR, then an LF?).
    first = max(head - 1, 0)
    begin = ocuts[first]
    sync = {ocuts[k] + delta: k for k in range(tail, nb + 1) if ocuts[k] + delta > begin}
    cuts = ocuts[: first + 1]
    breaks = obreaks[: bisect_left(obreaks, (begin, -1))]
    block_start = para_start = begin
    synced = -1
    for m in paragraph_break(text).finditer(text, begin):
        b, e = m.span()
        breaks.append((b, e))
        if (b - para_start) % BLOCK_SPREAD == 0 or e - block_start > BLOCK_MAX:
            cuts.append(e)
            block_start = e
            synced = sync.get(e, -1)
            if synced >= 0:
                break
        para_start = e
    blocks = oblocks[:first]  # the same str objects: their hashes are cached
    if synced < 0:
        if n > block_start:
            cuts.append(n)
        blocks.extend(text[cuts[i] : cuts[i + 1]] for i in range(first, len(cuts) - 1))
    else:
        fresh_end = len(cuts) - 1
        cuts.extend(c + delta for c in ocuts[synced + 1 :])
        rest = obreaks[bisect_left(obreaks, (ocuts[synced], -1)) :]
        breaks.extend([(b + delta, e + delta) for b, e in rest] if delta else rest)
        blocks.extend(text[cuts[i] : cuts[i + 1]] for i in range(first, fresh_end))
        blocks.extend(oblocks[synced:])
    new = _Scan(text, scan=False)
    new.cuts = cuts
    new.breaks = breaks
    new._blocks = blocks
    return new


#: Texts longer than this (the character budget of each block memo) are cut and
#: scanned block by block all the same, but nothing is memoised or kept: their
#: blocks would only churn the memos, and a 20 MB document over the size limit
#: (cheap checks, no incremental lint) held 37 MB more.
MAX_MEMO_TEXT = 4_000_000


def _plain(fn: Callable[[str], R], text: str) -> Callable[[str], R]:
    """``fn`` itself, or the function a memo wraps when ``text`` is too long to memoise."""
    return getattr(fn, "__wrapped__", fn) if len(text) > MAX_MEMO_TEXT else fn


def map_blocks(text: str, fn: Callable[[str], R]) -> list[R]:
    """``fn`` of each block of ``text``, in order (memoised ``fn``: see :func:`_plain`)."""
    f = _plain(fn, text)
    return [f(block) for block in _scan(text).blocks]


#: The scans of the last few whole texts, found by identity: the structure
#: providers, the language map and several rules cut the same text of a
#: keystroke, and each scan of 1 MB for paragraph breaks costs milliseconds.
#: Four (two documents' texts and the mojibake search's views of them: each the
#: base of the next keystroke's :func:`_rescan`), but past the first two only while
#: they hold at most _RECENT_MAX_CHARS characters (each keeps its text and blocks).
_RECENT: list[_Scan] = []
_RECENT_MAX = 4
_RECENT_MAX_CHARS = 8_000_000
#: Texts shorter than this are cut afresh (:func:`_rescan` would save nothing).
_RESCAN_MIN = 65536
_RECENT_LOCK = threading.Lock()


def _scan(text: str) -> _Scan:
    for scan in _RECENT:
        if scan.text is text:
            return scan
    found = None
    if _RESCAN_MIN <= len(text) <= MAX_MEMO_TEXT:
        # The base that shares the most: the recent scans alternate between a text
        # and the mojibake search's view of it (its invisible characters dropped),
        # and a keystroke's text made from the last view, not the last text, was cut
        # again from the first invisible character to the last (5 ms, not 1, twice).
        best: tuple[_Scan, tuple[int, int]] | None = None
        for old in list(_RECENT):
            shared = _unchanged(text, old)
            if shared is not None and (
                best is None or shared[1] - shared[0] < best[1][1] - best[1][0]
            ):
                best = (old, shared)
                if shared[1] - shared[0] <= 1:
                    break  # one block changed (a keystroke): none shares more
        if best is not None:
            found = _rescan(text, *best)
    scan = found or _Scan(text)
    with _RECENT_LOCK:
        _RECENT.insert(0, scan)
        del _RECENT[_RECENT_MAX:]
        held = 0
        for i, kept in enumerate(_RECENT):
            held += len(kept.text)
            if i >= 2 and held > _RECENT_MAX_CHARS:
                del _RECENT[i:]
                break
    return scan


def block_cuts(text: str) -> list[int]:
    """Where :func:`blockwise` cuts the whole ``text``: ``0``, the cuts, ``len(text)``
    (just ``[0]`` for an empty text). Runs of whole paragraphs: a function whose
    results in a paragraph depend on that paragraph alone may be computed block by
    block (see :func:`per_block`). Do not modify the list."""
    return _scan(text).cuts


def blocks(text: str) -> list[str]:
    """The blocks' texts, ``text[cuts[i]:cuts[i + 1]]`` (do not modify the list)."""
    return _scan(text).blocks


def paragraph_breaks(text: str) -> list[Span]:
    """Spans of every ``PARAGRAPH_BREAK`` in ``text`` (do not modify the list)."""
    return _scan(text).breaks


def per_block(text: str, fn: Callable[[str], Sequence[T]], shift: Callable[[T, int], T]) -> list[T]:
    """``fn`` over each block of ``text`` (see :func:`block_cuts`), its results moved
    by the block's start with ``shift``. With ``fn`` memoised by block text, an edit
    recomputes one block: use it for scans whose results in a block depend only on
    the block's text (a match never crosses a blank line)."""
    out: list[T] = []
    for s, found in block_results(text, fn):
        out.extend([shift(x, s) for x in found] if s else found)
    return out


def block_results(text: str, fn: Callable[[str], Sequence[T]]) -> Iterator[tuple[int, Sequence[T]]]:
    """``(block start, fn(block))`` for each block whose result is not empty, in order:
    :func:`per_block` for callers that shift as they read (no shifted copy of every
    result, no call per item)."""
    scan = _scan(text)
    cuts = scan.cuts
    f = _plain(fn, text)
    for i, block in enumerate(scan.blocks):
        found = f(block)
        if found:
            yield cuts[i], found


def per_block_spans(text: str, fn: Callable[[str], Sequence[Span]]) -> list[Span]:
    """:func:`per_block` for ``(start, end)`` results (shifted inline: no call per span)."""
    out: list[Span] = []
    for s, found in block_results(text, fn):
        out.extend([(a + s, b + s) for a, b in found] if s else found)
    return out


def per_block_merged(text: str, fn: Callable[[str], Sequence[Span]]) -> list[Span]:
    """``merge(per_block_spans(text, fn))`` for an ``fn`` whose spans are merged and
    inside their block: the blocks' lists are already in order, so only the spans
    touching across a cut are fused (no sort, no walk over every span: 7,600 spans
    a keystroke in 1 MB). ``tests/unit/test_spans_rescan.py`` compares."""
    out: list[Span] = []
    for s, found in block_results(text, fn):
        if out and found[0][0] == 0 and out[-1][1] == s:
            # a span ending at the cut and one starting there are one span
            first = found[0]
            out[-1] = (out[-1][0], first[1] + s)
            found = found[1:]
        out.extend([(a + s, b + s) for a, b in found] if s else found)
    return out


def _shift_span(span: Span, d: int) -> Span:
    return span[0] + d, span[1] + d


def blockwise(
    text: str, spans_of: Callable[[str], Iterable[Span]], start: int = 0, end: int | None = None
) -> list[Span]:
    """The spans ``spans_of`` finds in ``text[start:end]``, block by block, as absolute
    offsets. ``spans_of`` gets a block's text and answers offsets relative to it;
    cached by text, an edit then re-scans only its block. The cuts depend on the
    paragraphs' lengths (no slice to hash, and the same cuts in every process:
    ``str`` hashes are salted per process)."""
    end = len(text) if end is None else end
    if start == 0 and end == len(text):
        scan = _scan(text)
        cuts, texts = scan.cuts, scan.blocks
    else:
        cuts = _cut(text, start, end)
        texts = [text[cuts[i] : cuts[i + 1]] for i in range(len(cuts) - 1)]
    out: list[Span] = []
    for i, block in enumerate(texts):
        s = cuts[i]
        out.extend((s + a, s + b) for a, b in spans_of(block))
    return out


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sort ``spans`` and fuse the ones that overlap or touch; drop empty ones."""
    out: list[Span] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def gaps(spans: list[Span], start: int, end: int) -> Iterator[Span]:
    """The parts of ``[start, end)`` not covered by the merged ``spans``."""
    pos = start
    for s, e in spans:
        if e <= pos:
            continue
        if s >= end:
            break
        if s > pos:
            yield pos, s
        pos = max(pos, e)
    if pos < end:
        yield pos, end
