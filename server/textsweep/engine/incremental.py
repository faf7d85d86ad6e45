"""Findings cached per paragraph, so a re-lint after an edit redoes only what changed.

The document is cut into *segments*: the blocks of :mod:`.structure._spans`, runs
of paragraphs (about sixteen, at most 64 KB) with the blank lines that end them,
so segments tile the text and each starts at a line start; the cuts depend on the
paragraphs' lengths, not on their offsets, so an edit moves only the cuts next to
it. For the
rules whose declared scope is local (:attr:`.registry.Scope.local`: line or
paragraph), the findings that start in a segment depend
only on

* the segment's text, and the line before and the line after it (context: rules
  may look one line around, e.g. a Markdown hard break looks at the next line);
* the non-prose spans (:func:`.regions.non_prose`) touching those lines;
* the languages of its paragraphs (from :func:`.language.language_map`);
* the file type, the configuration and the rule set.

That tuple is the cache key; the value is the segment's findings, with offsets
relative to the segment. A re-lint then costs the paragraph split, the (cached)
structure and language maps, and one dictionary lookup per paragraph. Segments
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .config import Config
from .document import Document
from .language import LanguageMap, Paragraph, language_map
from .memo import evict_oldest
from .model import Finding, Fix
from .regions import Mask, is_code_language, non_prose
from .registry import Rule
from .structure._spans import block_cuts, blocks
from .structure._spans import paragraph_breaks as text_breaks

log = logging.getLogger(__name__)

#: Segments kept (first in, first out): at most this many, holding at most
#: MAX_CACHED_CHARS characters of text in their keys (three documents at the
#: default ``textsweep.maxFileSize``; the count alone let 8,192 segments of up to
#: 8 KB each hold 64 MB of copied text).
MAX_SEGMENTS = 8192
MAX_CACHED_CHARS = 6_000_000
#: Below this share of missing text, misses are linted as sub-documents.
SUBDOC_SHARE = 0.25

_LINE_END = re.compile(r"\r\n|\r|\n")

_Key = tuple[object, ...]
#: A segment's key paired with the tag of the context it was computed in.
_CacheKey = tuple[int, _Key]
_CACHE: dict[_CacheKey, tuple[int, tuple[Finding, ...]]] = {}
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
    doc: Document, config: Config, lmap: LanguageMap | None, mask: Mask
) -> list[_Segment]:
    """The document's segments (cached: the findings cache and :func:`per_segment`
    both read them, and a megabyte's cost milliseconds); keys hold no tag, the
    caches pair them with theirs."""
    name = f"incremental.segments:{None if lmap is None else repr(config.language)}"
    return doc.cached(name, lambda d: _cut_segments(d, lmap, mask))


def _cut_segments(doc: Document, lmap: LanguageMap | None, mask: Mask) -> list[_Segment]:
    text = doc.text
    n = len(text)
    # The segments are the blocks :mod:`.structure._spans` cuts (content-defined, so
    # an edit moves at most the cuts next to it; kept from one keystroke to the next
    # by its rescans): no walk over every paragraph break, and the key holds the
    # block's own str object, whose hash is cached and which compares by identity.
    cuts = block_cuts(text)
    texts = blocks(text)
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
    for i in range(len(cuts) - 1):
        s, e = cuts[i], cuts[i + 1]
        if e <= s:
            continue
        if s == 0:
            lo = 0
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
        spans: tuple[tuple[int, int], ...] = ()
        if nspans:
            # spans touching [lo - 1, hi + 1), relative to s
            while j < nspans and ends[j] < lo - 1:
                j += 1
            k = bisect_right(starts, hi, j)
            if k > j:
                spans = tuple([(a - s, z - s) for a, z in zip(starts[j:k], ends[j:k], strict=True)])
        langs = tuple(plangs[bisect_left(pstarts, s) : bisect_left(pstarts, e)])
        key = (text[lo:s], texts[i], text[e:hi], lo == 0, hi == n, langs, spans)
        out.append(_Segment(s, e, lo, hi, key))
    return out


_new = tuple.__new__


def _shift(f: Finding, d: int) -> Finding:
    """``f`` moved by ``d``, built with ``tuple.__new__`` (what the named tuples'
    ``__new__`` calls, one Python frame fewer: a re-lint of a repeated paragraph
    shifts tens of thousands of cached findings)."""
    fixes = f[5]
    if fixes:
        if len(fixes) == 1:
            x = fixes[0]
            fixes = (_new(Fix, (x[0] + d, x[1] + d, x[2], x[3], x[4], x[5])),)
        else:
            fixes = tuple([_new(Fix, (x[0] + d, x[1] + d, x[2], x[3], x[4], x[5])) for x in fixes])
    return _new(Finding, (f[0] + d, f[1] + d, f[2], f[3], f[4], fixes, f[6], f[7]))


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
    """May the cache serve this rule? (its declared scope is a line or a paragraph)"""
    return rule.scope.local


def local_findings(
    doc: Document, config: Config, rules: Sequence[Rule]
) -> dict[str, list[Finding]] | None:
    """Findings of ``rules`` (all local, see :func:`is_local`), per rule id, in
    position order per paragraph; None when the cache is off or a rule failed."""
    if not _enabled or not rules or is_code_language(doc):
        # source code without a structure provider: the rules there need no mask,
        # and computing one for the key would cost more than it saves
        return None
    mask = non_prose(doc)
    # only rules that declare languages read paragraph languages (whitespace rules do not)
    lmap = language_map(doc, config) if any(r.languages is not None for r in rules) else None
    context = (doc.language_id, repr(config), tuple((r.id, id(r.check)) for r in rules))
    tag = _TAGS.setdefault(context, len(_TAGS))  # a small int hashes faster
    segs = _segments(doc, config, lmap, mask)
    keys = [(tag, seg.key) for seg in segs]
    cached: list[tuple[Finding, ...] | None] = []
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
        origin, found = hit
        d = seg.start - origin
        cached.append(found if d == 0 else tuple(_shift(f, d) for f in found))
    if missing:
        fresh: list[list[Finding]] = [[] for _ in segs]
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
                return None
            for f in ran:
                pos = f.start + off
                if not lo_s <= pos < hi_s:
                    continue
                idx = bisect_right(seg_starts, pos) - 1
                fresh[idx].append(f if off == 0 else _shift(f, off))
        for i, first in twin.items():
            d = segs[i].start - segs[first].start
            fresh[i] = [_shift(f, d) for f in fresh[first]]
        global _chars
        with _LOCK:
            for i, seg in enumerate(segs):
                if cached[i] is None:
                    mine = tuple(fresh[i])
                    cached[i] = mine
                    if keys[i] not in _CACHE:
                        _chars += _text_len(keys[i])
                    _CACHE[keys[i]] = (seg.start, mine)
            _chars = evict_oldest(_CACHE, _chars, MAX_SEGMENTS, MAX_CACHED_CHARS, _text_len)
    out: dict[str, list[Finding]] = {r.id: [] for r in rules}
    for found_t in cached:
        if found_t:
            for f in found_t:
                out[f.rule].append(f)
    return out


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
    for seg in _segments(doc, config, lmap, mask):
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
