"""Findings cached per paragraph, so a re-lint after an edit redoes only what changed.

The document is cut into *segments*: the blocks of :mod:`.structure._spans`, runs
of paragraphs (about sixteen, at most 16 KB) with the blank lines that end them,
so segments tile the text and each starts at a line start; the cuts depend on the
paragraphs' lengths, not on their offsets, so an edit moves only the cuts next to
it. Rules that read lines or characters, not paragraphs, get *pieces* instead:
the blocks, with those over PIECE_MAX cut again at line starts (see
:func:`_piece_starts`), so an edit in a 1 MB list without a blank line re-lints
4 KB of it, not all of it. For the
rules whose declared scope is local (:attr:`.registry.Scope.local`: characters,
line or paragraph), the findings that start in a segment depend
only on

* the segment's text, and the line before and the line after it (context: rules
  may look one line around, e.g. a Markdown hard break looks at the next line);
* the non-prose spans (:func:`.regions.non_prose`) touching those lines;
* the languages of its paragraphs (from :func:`.language.language_map`);
* the file type, the configuration and the rule set.

That tuple is the cache key; the value is the segment's findings per rule, with
the offset they move by. A re-lint then costs the paragraph split, the (cached)
structure and language maps, and one dictionary lookup per segment; the findings
are handed over as :class:`Runs`, shifted only when read. Segments
that miss are linted as small sub-documents that carry the whole document's
non-prose spans and paragraph languages, so they see exactly what they would see
in place; when most segments miss (a new document) the rules run once on the
whole document instead and their findings are filed under their segments.

A rule may declare a line or paragraph scope only when nothing outside that key
can change its findings in a segment (no document-wide majority, no state
carried from one paragraph to the next, no look further than one line away).
``tests/unit/test_incremental.py`` checks cached and uncached results agree.
"""

from __future__ import annotations

import logging
import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .config import Config
from .document import Document
from .language import LanguageMap, Paragraph, language_map
from .memo import evict_oldest
from .model import Finding, Fix
from .regions import Mask, is_code_language, non_prose
from .registry import Rule, Scope
from .structure._spans import MAX_MEMO_TEXT, block_cuts, blocks
from .structure._spans import paragraph_breaks as text_breaks

log = logging.getLogger(__name__)

#: Segments kept (first in, first out): at most this many, holding at most
#: MAX_CACHED_CHARS characters of text in their keys (three documents at the
#: default ``textsweep.maxFileSize``, keyed twice: by the pieces of the line and
#: character rules and by the blocks of the paragraph rules, which share the
#: blocks' str objects; the count alone let 8,192 segments of up to 8 KB each
#: hold 64 MB of copied text).
MAX_SEGMENTS = 16384
MAX_CACHED_CHARS = 12_000_000
#: Below this share of missing text, misses are linted as sub-documents.
SUBDOC_SHARE = 0.25
#: Blocks longer than PIECE_MAX are cut into pieces of about PIECE characters for
#: the rules that read lines or characters (see :func:`_piece_starts`).
PIECE = 4096
PIECE_MAX = 2 * PIECE

_LINE_END = re.compile(r"\r\n|\r|\n")

_Key = tuple[object, ...]
#: A segment's key paired with the tag of the context it was computed in.
_CacheKey = tuple[int, _Key]
#: A segment's findings per rule (rules without any left out), and the offset
#: ``origin``: they move by ``start - origin`` to a segment starting at ``start``.
_PerRule = dict[str, tuple[Finding, ...]]
_CACHE: dict[_CacheKey, tuple[int, _PerRule]] = {}
_NONE: _PerRule = {}
#: Characters of text held by the keys of ``_CACHE``.
_chars = 0
_LOCK = threading.Lock()
_TAGS: dict[tuple[object, ...], int] = {}
_enabled = True
#: :func:`per_segment`'s values, keyed and bounded like ``_CACHE``.
_VALUES: dict[_CacheKey, object] = {}
_value_chars = 0

V = TypeVar("V")


def set_enabled(enabled: bool) -> None:
    """Switch the cache off (tests compare both ways) or on."""
    global _enabled
    _enabled = enabled


def clear() -> None:
    global _chars, _value_chars
    with _LOCK:
        _LAST_CUT.clear()
        _CACHE.clear()
        _chars = 0
        _VALUES.clear()
        _value_chars = 0


def cached_chars() -> tuple[int, int]:
    """(segments, characters of text) the cache holds now."""
    with _LOCK:
        return len(_CACHE), _chars


def _text_len(key: _CacheKey) -> int:
    """Characters of text a cache key holds (the line before, the block, the line after)."""
    return sum(len(x) for x in key[1][:3] if isinstance(x, str))


@dataclass
class _Segment:
    start: int
    end: int
    #: context: start of the line before ``start``, end of the line after ``end``
    lo: int
    hi: int
    key: _Key


def _segments(
    doc: Document, config: Config, lmap: LanguageMap | None, mask: Mask, pieces: bool
) -> list[_Segment]:
    """The document's segments, or its pieces (cached: the findings cache and
    :func:`per_segment` both read them, and a megabyte's cost milliseconds); keys
    hold no tag, the caches pair them with theirs."""
    lang = None if lmap is None else repr(config.language)
    if pieces:
        return doc.cached(
            f"incremental.pieces:{lang}",
            lambda d: _cut_pieces(d, _segments(d, config, lmap, mask, False), lmap, mask),
        )
    return doc.cached(f"incremental.segments:{lang}", lambda d: _cut_segments(d, lmap, mask))


def _cut_pieces(
    doc: Document, segs: list[_Segment], lmap: LanguageMap | None, mask: Mask
) -> list[_Segment]:
    """``segs`` with those over PIECE_MAX cut into pieces (the same list when none is:
    the pieces of most texts are their segments, keyed alike)."""
    if all(seg.end - seg.start <= PIECE_MAX for seg in segs):
        return segs
    text = doc.text
    crlf = "\r" in text
    ranges: list[tuple[int, int, str | None]] = []
    counts: list[int] = []  # pieces of each long segment
    for seg in segs:
        if seg.end - seg.start > PIECE_MAX:
            at = [seg.start, *_piece_starts(text, seg.start, seg.end, crlf), seg.end]
            ranges.extend((at[k], at[k + 1], None) for k in range(len(at) - 1))
            counts.append(len(at) - 1)
    cut = iter(_cut_segments(doc, lmap, mask, ranges))  # in one walk
    count = iter(counts)
    out: list[_Segment] = []
    for seg in segs:
        if seg.end - seg.start <= PIECE_MAX:
            out.append(seg)
        else:
            out.extend(next(cut) for _ in range(next(count)))
    return out


def _piece_starts(text: str, start: int, end: int, crlf: bool = True) -> list[int]:
    """Where the block ``text[start:end]`` is cut into pieces: at the first line start
    at least PIECE after the previous cut. No content test, yet an edit moves only
    the cut after it: the cuts before it stay, the next one lands on the same line
    (shifted by the edit's length, unless a line start crosses the mark), and the
    cuts after that follow from it. A block of equal lines (a log, a list) cuts
    into equal pieces, which the cache serves however they shift. ``crlf``: the
    text may hold a CR."""
    out: list[int] = []
    pos = start + PIECE
    while pos < end:
        # the line start at or after pos: just after a line break ending at pos or later
        if crlf:
            m = _LINE_END.search(text, pos - 1, end)
            cut = m.end() if m else end
        else:
            cut = text.find("\n", pos - 1, end) + 1 or end
        if cut >= end:
            break
        out.append(cut)
        pos = cut + PIECE
    return out


def _line_before(text: str, s: int, crlf: bool) -> int:
    """The start of the line that ends at the line start ``s`` (> 0); ``crlf``: the
    text holds a CR (else looking for one would read back to the start)."""
    if not crlf:
        return text.rfind("\n", 0, s - 1) + 1
    b = s - 2 if text.startswith("\r\n", s - 2) else s - 1  # the line break ending at s
    lf = text.rfind("\n", 0, b)
    return max(lf, text.rfind("\r", lf + 1, b)) + 1  # a CR between: a later line end


#: The block segments last cut, per "languages read" (see :func:`_segments`): each
#: block's str object (by id; the segment's key holds it) → its segment and the
#: first and last index of its spans in the mask's bounds, kept with those bounds.
#: The next keystroke's segment of the same block takes that key again when all it
#: holds is unchanged (see :func:`_same_spans`).
_LastCut = tuple[dict[int, tuple[_Segment, int, int]], list[int], list[int]]
_LAST_CUT: dict[bool, _LastCut] = {}


def _same_spans(
    starts: list[int],
    ends: list[int],
    j: int,
    k: int,
    old: _LastCut,
    oj: int,
    ok: int,
    d: int,
) -> bool:
    """Are the spans ``[j, k)`` of ``starts``/``ends`` those ``[oj, ok)`` of the old
    bounds moved by ``d``? (then relative to their segment they are equal)"""
    if k - j != ok - oj:
        return False
    if k == j:
        return True
    ostarts, oends = old[1], old[2]
    if not d:
        return starts[j:k] == ostarts[oj:ok] and ends[j:k] == oends[oj:ok]
    add = d.__add__
    return (
        list(map(add, ostarts[oj:ok])) == starts[j:k] and list(map(add, oends[oj:ok])) == ends[j:k]
    )


def _cut_segments(
    doc: Document,
    lmap: LanguageMap | None,
    mask: Mask,
    ranges: Sequence[tuple[int, int, str | None]] | None = None,
) -> list[_Segment]:
    """The segments of the blocks, or of ``ranges``: ``(start, end, block text or
    None for a piece)``.

    A block's segment takes the key of the last cut's segment of the same block when
    everything that key holds is unchanged (the lines around it, the languages, the
    non-prose spans, moved alike): building the spans of every block again cost a
    keystroke in 1 MB milliseconds, and a key found again compares by identity in
    the caches it is looked up in."""
    text = doc.text
    n = len(text)
    breaks = text_breaks(text)
    pstarts = lmap.starts if lmap else []
    plangs = lmap.languages if lmap else []
    starts, ends = mask.bounds()
    nspans = len(starts)
    j = 0
    crlf = "\r" in text
    find = text.find
    line_end = _LINE_END.search
    out: list[_Segment] = []
    reuse = ranges is None and len(text) <= MAX_MEMO_TEXT
    last = _LAST_CUT.get(lmap is None) if reuse else None
    last_by = last[0] if last is not None else {}
    cut_by: dict[int, tuple[_Segment, int, int]] = {}
    if ranges is None:
        # The segments are the blocks :mod:`.structure._spans` cuts (content-defined,
        # so an edit moves at most the cuts next to it; kept from one keystroke to the
        # next by its rescans): no walk over every paragraph break, and the key holds
        # the block's own str object, whose hash is cached and which compares by
        # identity.
        cuts = block_cuts(text)
        texts = blocks(text)
        ranges = [(cuts[i], cuts[i + 1], texts[i]) for i in range(len(cuts) - 1)]
    for s, e, block in ranges:
        if e <= s:
            continue
        if s == 0:
            lo = 0
        elif block is None:
            lo = _line_before(text, s, crlf)  # a piece may start inside a paragraph
        else:
            # the start of the line before: the blank line of the break ending at s
            b = breaks[bisect_left(breaks, (s, -1)) - 1][0]
            lo = b + (2 if text.startswith("\r\n", b) else 1)
        if e >= n:
            hi = n
        elif crlf:
            brk = line_end(text, e)
            hi = brk.end() if brk else n
        else:
            hi = find("\n", e) + 1 or n
        k = j
        if nspans:
            # spans touching [lo - 1, hi + 1)
            j = bisect_left(ends, lo - 1, j)  # the first span ending at lo - 1 or later
            k = bisect_right(starts, hi, j)
        # the languages of the paragraphs starting in the segment, and of the one a
        # piece starts inside
        first = bisect_left(pstarts, s) if block is not None else bisect_right(pstarts, s) - 1
        langs = tuple(plangs[max(first, 0) : bisect_left(pstarts, e)])
        before, after = text[lo:s], text[e:hi]
        key: _Key | None = None
        if last is not None:
            old = last_by.get(id(block))
            if old is not None:
                oseg, oj, ok = old
                okey = oseg.key
                if (
                    okey[1] is block
                    and okey[0] == before
                    and okey[2] == after
                    and okey[3] == (lo == 0)
                    and okey[4] == (hi == n)
                    and okey[5] == langs
                    and _same_spans(starts, ends, j, k, last, oj, ok, s - oseg.start)
                ):
                    key = okey
        if key is None:
            spans: tuple[tuple[int, int], ...] = ()
            if k > j:
                # relative to s
                spans = tuple([(a - s, z - s) for a, z in zip(starts[j:k], ends[j:k], strict=True)])
            body = text[s:e] if block is None else block
            key = (before, body, after, lo == 0, hi == n, langs, spans)
        seg = _Segment(s, e, lo, hi, key)
        out.append(seg)
        if reuse:
            cut_by[id(block)] = (seg, j, k)
    if reuse:
        _LAST_CUT[lmap is None] = (cut_by, starts, ends)
    return out


_new = tuple.__new__


class Runs(Collection[Finding]):
    """One rule's findings as runs of cached tuples, each with the offset it moves by,
    in position order. A hit costs no copy and a finding is shifted only when read:
    a capped lint reads the first thousand of 200,000 and counts the rest with
    ``len`` (shifting them all cost a keystroke 0.4 s)."""

    __slots__ = ("_len", "_runs")

    def __init__(self, runs: list[tuple[int, tuple[Finding, ...]]]) -> None:
        self._runs = runs
        self._len = sum([len(found) for _, found in runs])

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[Finding]:
        for d, found in self._runs:
            yield from _moved(found, d) if d else found

    def __contains__(self, item: object) -> bool:
        return any(f == item for f in self)


def _moved(found: tuple[Finding, ...], d: int) -> list[Finding]:
    """Each of ``found`` moved by ``d``, built with ``tuple.__new__`` (what the named
    tuples' ``__new__`` calls, one Python frame fewer) in one loop, no call each:
    fix-all reads all 200,000 findings of a list of equal lines, each piece's moved
    from the first one's."""
    new = _new
    out: list[Finding] = []
    append = out.append
    for f in found:
        fixes = f[5]
        if fixes:
            if len(fixes) == 1:
                x = fixes[0]
                fixes = (new(Fix, (x[0] + d, x[1] + d, x[2], x[3], x[4], x[5])),)
            else:
                fixes = tuple([new(Fix, (x[0] + d, x[1] + d, *x[2:])) for x in fixes])
        append(new(Finding, (f[0] + d, f[1] + d, f[2], f[3], f[4], fixes, f[6], f[7])))
    return out


def _run(rules: Sequence[Rule], doc: Document, config: Config) -> list[Finding] | None:
    """Every finding of ``rules`` on ``doc`` (None when one of them raises)."""
    out: list[Finding] = []
    for r in rules:
        try:
            out.extend(r.check(r, doc, config))
        except Exception:
            log.debug("local rule %s failed; linting without the cache", r.id, exc_info=True)
            return None
    return out


def _subdocument(
    doc: Document, config: Config, lmap: LanguageMap | None, mask: Mask, lo: int, hi: int
) -> Document:
    """``doc.text[lo:hi]`` carrying the document's non-prose spans and languages."""
    sub = Document(doc.text[lo:hi], doc.language_id, doc.uri, doc.path, None)
    spans = [(s - lo, e - lo) for s, e in mask.spans_in(lo - 1, hi + 1)]
    sub._cache["regions.non_prose"] = Mask(spans)
    if lmap is None:
        return sub
    paras = []
    i = max(bisect_right(lmap.starts, lo) - 1, 0)
    for p in lmap.paragraphs[i:]:
        if p.start >= hi:
            break
        if p.end > lo:
            paras.append(
                Paragraph(max(p.start, lo) - lo, min(p.end, hi) - lo, p.language, p.detected)
            )
    sub._cache[f"language.map:{config.language}"] = LanguageMap(paras, lmap.majority)
    return sub


def is_local(rule: Rule) -> bool:
    """May the cache serve this rule? (its declared scope is characters, a line or a
    paragraph)"""
    return rule.scope.local


def local_findings(doc: Document, config: Config, rules: Sequence[Rule]) -> dict[str, Runs] | None:
    """Findings of ``rules`` (all local, see :func:`is_local`), per rule id, in
    position order; None when the cache is off or a rule failed."""
    if not _enabled or not rules or is_code_language(doc):
        # source code without a structure provider: the rules there need no mask,
        # and computing one for the key would cost more than it saves
        return None
    mask = non_prose(doc)
    # only rules that declare languages read paragraph languages (whitespace rules
    # do not); both groups key alike, so they share the segments of most texts
    lmap = language_map(doc, config) if any(r.languages is not None for r in rules) else None
    out: dict[str, list[tuple[int, tuple[Finding, ...]]]] = {r.id: [] for r in rules}
    # paragraph rules read whole blocks; the others, pieces of the long ones
    for pieces in (True, False):
        group = [r for r in rules if (r.scope is not Scope.PARAGRAPH) is pieces]
        if group and not _fill(doc, config, group, mask, lmap, pieces, out):
            return None
    return {rule_id: Runs(runs) for rule_id, runs in out.items()}


def _fill(
    doc: Document,
    config: Config,
    rules: Sequence[Rule],
    mask: Mask,
    lmap: LanguageMap | None,
    pieces: bool,
    out: dict[str, list[tuple[int, tuple[Finding, ...]]]],
) -> bool:
    """Append each segment's (or piece's) findings of ``rules`` to ``out``, as
    ``(offset to move by, findings)``; False when a rule failed."""
    # The majority language too: sub-documents carry it, and a paragraph rule may
    # weigh it (english-french-spacing only offers its fix in a mostly French text),
    # so a segment judged under one majority must not serve a text with another.
    majority = lmap.majority if lmap is not None else None
    context = (
        doc.language_id,
        repr(config),
        pieces,
        majority,
        tuple((r.id, id(r.check)) for r in rules),
    )
    tag = _TAGS.setdefault(context, len(_TAGS))  # a small int hashes faster
    segs = _segments(doc, config, lmap, mask, pieces)
    keys = [(tag, seg.key) for seg in segs]
    #: per segment: (offset its findings move by, the findings per rule)
    cached: list[tuple[int, _PerRule] | None] = []
    missing = 0
    # A missing segment whose key an earlier missing one holds (a paragraph repeated
    # a thousand times) is not linted: it takes that one's findings, shifted.
    first_of: dict[_Key, int] = {}
    twin: dict[int, int] = {}
    for i, seg in enumerate(segs):
        hit = _CACHE.get(keys[i])
        if hit is None:
            cached.append(None)
            first = first_of.setdefault(seg.key, i)
            if first != i:
                twin[i] = first
            else:
                missing += seg.end - seg.start
            continue
        origin, per_rule = hit
        cached.append((seg.start - origin, per_rule))
    if missing:
        _lint_missing(doc, config, rules, mask, lmap, segs, keys, cached, twin, missing)
        if any(c is None for c in cached):
            return False
    for entry in cached:
        d, per = entry  # type: ignore[misc]
        for rule_id, found in per.items():
            out[rule_id].append((d, found))
    return True


def _lint_missing(
    doc: Document,
    config: Config,
    rules: Sequence[Rule],
    mask: Mask,
    lmap: LanguageMap | None,
    segs: list[_Segment],
    keys: list[_CacheKey],
    cached: list[tuple[int, _PerRule] | None],
    twin: dict[int, int],
    missing: int,
) -> None:
    """Lint the segments missing from ``cached`` (as sub-documents, or the whole
    text when most are missing), fill them in and file them in the cache; leave
    them None when a rule failed."""
    #: per missing segment: its findings per rule, offsets relative to frame[i]
    fresh: dict[int, dict[str, list[Finding]]] = {}
    frame: dict[int, int] = {}
    seg_starts = [s.start for s in segs]
    if missing > SUBDOC_SHARE * len(doc.text):
        groups = [(0, len(segs))]
        twin.clear()  # the whole text is linted: twins too
    else:
        groups = []
        i = 0
        while i < len(segs):
            if cached[i] is None and i not in twin:
                k = i
                while k + 1 < len(segs) and cached[k + 1] is None and k + 1 not in twin:
                    k += 1
                groups.append((i, k + 1))
                i = k + 1
            else:
                i += 1
    for a, b in groups:
        if a == 0 and b == len(segs):
            sub, off, lo_s, hi_s = doc, 0, 0, len(doc.text)
        else:
            lo, hi = segs[a].lo, segs[b - 1].hi
            sub, off = _subdocument(doc, config, lmap, mask, lo, hi), lo
            lo_s, hi_s = segs[a].start, segs[b - 1].end
        if b == len(segs):
            hi_s += 1  # a finding at the very end of the text
        ran = _run(rules, sub, config)
        if ran is None:
            return
        for i in range(a, b):
            frame[i] = off
        # filed unshifted, in the sub-document's offsets: read through Runs, they move
        # by ``off`` then (one shift, of the findings read)
        for f in ran:
            pos = f.start + off
            if not lo_s <= pos < hi_s:
                continue
            idx = bisect_right(seg_starts, pos) - 1
            per = fresh.get(idx)
            if per is None:
                per = fresh[idx] = {}
            found = per.get(f.rule)
            if found is None:
                per[f.rule] = [f]
            else:
                found.append(f)
    global _chars
    with _LOCK:
        for i, seg in enumerate(segs):
            if cached[i] is not None or i in twin:
                continue
            per = fresh.get(i)
            mine = {rule_id: tuple(fs) for rule_id, fs in per.items()} if per else _NONE
            cached[i] = (frame[i], mine)
            if keys[i] not in _CACHE:
                _chars += _text_len(keys[i])
            _CACHE[keys[i]] = (seg.start - frame[i], mine)
        _chars = evict_oldest(_CACHE, _chars, MAX_SEGMENTS, MAX_CACHED_CHARS, _text_len)
    for i, first in twin.items():
        d, mine = cached[first]  # type: ignore[misc]
        cached[i] = (segs[i].start - segs[first].start + d, mine)


def per_segment(
    doc: Document, config: Config, name: str, compute: Callable[[int, int], V]
) -> list[tuple[int, V]] | None:
    """``(start, compute(start, end))`` for every segment, in order, from a cache keyed
    as the findings cache keys a segment; None when that cache is off (or the file
    is source code), and the caller computes over the whole text instead.

    For a rule that is not local as a whole (a document-wide majority) but whose
    costly part is: ``compute`` reads the paragraphs that start in ``[start, end)``
    (on the whole document, so no sub-document is built) and must depend only on
    what the key holds, with offsets relative to ``start`` (a hit needs no shift).
    ``name`` tells one caller's values from another's."""
    if not _enabled or is_code_language(doc):
        return None
    mask = non_prose(doc)
    lmap = language_map(doc, config)
    tag = _TAGS.setdefault((name, doc.language_id, repr(config)), len(_TAGS))
    out: list[tuple[int, V]] = []
    fresh: dict[_CacheKey, object] = {}
    for seg in _segments(doc, config, lmap, mask, False):
        key = (tag, seg.key)
        hit = _VALUES.get(key, _VALUES)
        if hit is _VALUES:
            # a segment repeated in this text is computed once
            hit = fresh.get(key, fresh)
            if hit is fresh:
                hit = fresh[key] = compute(seg.start, seg.end)
        out.append((seg.start, hit))  # type: ignore[arg-type]
    if fresh:
        global _value_chars
        with _LOCK:
            for k, value in fresh.items():
                if k not in _VALUES:
                    _value_chars += _text_len(k)
                _VALUES[k] = value
            _value_chars = evict_oldest(
                _VALUES, _value_chars, MAX_SEGMENTS, MAX_CACHED_CHARS, _text_len
            )
    return out
