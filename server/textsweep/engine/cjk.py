"""What the Chinese and Japanese rules share: their character classes, the spaces
around full-width punctuation and the spacing between CJK and Latin text.

Rule families import from here (and from :mod:`.prose`), never from one another.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .language import only_english_word
from .memo import evict_oldest
from .model import Finding, Fix, Severity
from .prose import ProseContext
from .regions import Mask
from .structure._spans import MAX_MEMO_TEXT

if TYPE_CHECKING:
    from .registry import Rule

#: Han ideographs (with 々 and 〇), as a character-class body.
HAN = "\u3005\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
#: Hiragana and katakana with the prolonged sound mark ー.
KANA = "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"
#: Horizontal spaces a writer types by mistake (U+3000 IDEOGRAPHIC SPACE is left
#: alone: Japanese sets it after ！？ and at the start of a paragraph).
_SPACE = " \t\u00a0\u202f\u2009"
_LATIN_ALNUM = "A-Za-z0-9"
#: Characters that make the Latin side of a pair code or a placeholder
#: (``%s``, ``{0}``, ``$HOME``, ``a/b``, ``x_y``), not a word in a sentence.
_CODEY = frozenset("%{}$\\<>=/_@#&|`*~^")


_MARKER_PREFIX = re.compile(r"[ \t]*(?:[-*+>#|]+|\d+[.)])?[ \t]*")


def _line_prefix_is_markup(text: str, pos: int) -> bool:
    """Is everything from the line start to ``pos`` a list marker, a quote mark or a
    heading marker (``- ``, ``> ``, ``## ``, ``1. ``), or nothing at all?"""
    ls = text.rfind("\n", max(0, pos - 16), pos) + 1
    if ls == 0 and pos > 16:
        return False  # a marker prefix is short: no need to read a long line back
    return _MARKER_PREFIX.fullmatch(text, ls, pos) is not None


#: What ends the Latin side of a space next to a full-width sign: a line break, or
#: a character of CJK text (ideographs, kana, Hangul, CJK and full-width signs).
_CJK_OR_BREAK = re.compile(f"[\\n\\r{HAN}{KANA}\\u3000-\\u303f\\uac00-\\ud7a3\\uff00-\\uffef]")
#: Full-width brackets and quotes: an English sentence may quote CJK text in them.
#: (Clause signs, 、。，：, belong to the CJK sentence they end.)
_BRACKETS = frozenset("「」『』（）【】〈〉《》〔〕“”‘’")
_TOKEN_PUNCT = ".,;:!?()[]\"'"
#: The Latin side is read this far at most.
_LATIN_SIDE_MAX = 160


def _latin_side(text: str, s: int, e: int, sign_before: bool) -> str:
    """The Latin text beyond the space ``text[s:e]`` from its sign, up to the next CJK
    character or the line's end."""
    if sign_before:
        stop = min(len(text), e + _LATIN_SIDE_MAX)
        m = _CJK_OR_BREAK.search(text, e, stop)
        return text[e : m.start() if m else stop]
    start = max(0, s - _LATIN_SIDE_MAX)
    for m in _CJK_OR_BREAK.finditer(text, start, s):
        start = m.end()
    return text[start:s]


def _english(word: str) -> bool:
    """An English function word, not written in capitals (``OR``, ``AND``: operators)."""
    return not word.isupper() and only_english_word(word.lower())


def _in_english_sentence(text: str, s: int, e: int, sign: str, sign_before: bool) -> bool:
    """Is the space ``text[s:e]`` beside the full-width bracket ``sign`` English word
    spacing, in an English sentence that quotes CJK text (``See 「Unix 的テキスト処理」
    for examples.``)? On its Latin side, the word next to the space is an English
    function word, or two words or more include one. Removing the space gave
    ``See「…」for examples.`` (20 of the 53 findings of the Japanese Debian
    Reference, in its untranslated sentences). Still flagged: ``“逻辑 OR" （由…``
    (an operator's name) and ``（#17564） (#17852 by @gzwgq222)`` (a parenthesis)."""
    if sign not in _BRACKETS:
        return False
    tokens = [t.strip(_TOKEN_PUNCT) for t in _latin_side(text, s, e, sign_before).split()]
    if not tokens:
        return False
    if _english(tokens[0] if sign_before else tokens[-1]):
        return True
    words = [w for w in tokens if w.isascii() and w.isalpha()]
    return len(words) >= 2 and any(_english(w) for w in words)


#: Closing brackets of a label that leads a line, and their openers.
_LABEL_CLOSERS = {"】": "【", "］": "［", "〕": "〔", "）": "（"}
#: A leading label is this short at most (``【增强】``, ``【Bug 修复】``).
_LABEL_MAX = 12


def _leading_label(text: str, close: int) -> bool:
    """Does the bracket at ``close`` end a short label that leads its line, after an
    optional list marker (``- 【修复】 调整字体大小``)? The space after it separates a
    tag from the text, as a list or heading marker does (WeUI's changelog: 73 of
    its 122 entries written so)."""
    opener = _LABEL_CLOSERS[text[close]]
    start = text.rfind(opener, max(0, close - _LABEL_MAX), close)
    return start >= 0 and _line_prefix_is_markup(text, start)


def _neighbour_ok(c: str, punct: str) -> bool:
    return c.isalnum() or c in punct or c in "()[]“”‘’\"'"


def space_around_findings(
    r: Rule,
    ctx: ProseContext,
    punct: str,
    language: str,
    *,
    after_ok: str = "",
) -> Iterator[Finding]:
    """Spaces right before or after the full-width signs ``punct`` inside a line of
    ``language``'s paragraphs (never at a line's start or end, nor after a list or
    heading marker, nor next to code, nor a run of spaces aligning columns). A space
    after a sign of ``after_ok`` is a convention there and left alone. The fix
    removes the spaces (safe: only spaces change)."""
    text = ctx.text
    cls = re.escape(punct)
    pattern = re.compile(rf"(?<=[{cls}])[{_SPACE}]+(?=[^\s])|(?<=[^\s])[{_SPACE}]+(?=[{cls}])")
    for start, end, _ in ctx.index.runs():
        for m in pattern.finditer(text, start, end):
            s, e = m.span()
            before, after = text[s - 1], text[e] if e < len(text) else ""
            if not after or before in after_ok or e - s > 1:
                continue  # several spaces: columns aligned in a table or listing
            if not (_neighbour_ok(before, punct) and _neighbour_ok(after, punct)):
                continue
            if _line_prefix_is_markup(text, s) or not ctx.prose(s - 1, e + 1):
                continue
            sign = before if before in punct else after
            if _in_english_sentence(text, s, e, sign, before in punct):
                continue
            if before in _LABEL_CLOSERS and _leading_label(text, s - 1):
                continue
            where = "after" if before in punct else "before"
            yield r.finding(
                s,
                e,
                f"Space {where} the full-width {sign}: {language} sets no space around "
                "full-width punctuation",
                [Fix(s, e, "", f"Remove the space {where} {sign}")],
            )


# --------------------------------------------------------------------------- Latin spacing


#: A CJK character next to a Latin letter or digit: ``(start, end)`` of the space
#: between them (empty when they touch: spaced when ``end > start``). A plain tuple:
#: a keystroke in 1 MB read 1,500 of them, built as frozen dataclasses (2 ms).
Pair = tuple[int, int]


def _latin_token(text: str, pos: int, step: int, cjk: re.Pattern[str]) -> str:
    """The run of non-space, non-CJK characters from ``pos`` going ``step`` (±1)."""
    n = len(text)
    q = pos
    while 0 <= q < n and not text[q].isspace() and not cjk.match(text[q]):
        q += step
    return text[pos:q] if step > 0 else text[q + 1 : pos + 1]


def _pairs_in(
    text: str,
    start: int,
    end: int,
    prose: Callable[[int, int], bool],
    pattern: re.Pattern[str],
    one: re.Pattern[str],
) -> list[tuple[int, int]]:
    """``(start, end)`` of the pairs in ``text[start:end]`` (see :func:`latin_pairs`)."""
    out: list[tuple[int, int]] = []
    n = len(text)
    for m in pattern.finditer(text, start, end):
        s, e = m.span()
        if s == 0 or e >= n or not prose(s - 1, e + 1):
            continue
        if one.match(text[s - 1]):
            token = _latin_token(text, e, 1, one)
        else:
            token = _latin_token(text, s - 1, -1, one)
        if not _CODEY.isdisjoint(token):
            continue
        out.append((s, e))
    return out


@lru_cache(maxsize=8)
def _pair_patterns(cjk_class: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The pair pattern, one CJK character, and what stops a Latin token."""
    pattern = re.compile(
        rf"(?<=[{cjk_class}]) ?(?=[{_LATIN_ALNUM}])|(?<=[{_LATIN_ALNUM}]) ?(?=[{cjk_class}])"
    )
    return pattern, re.compile(f"[{cjk_class}]"), re.compile(rf"[\s{cjk_class}]")


#: Texts at least this long have their pairs memoised per run (see :func:`latin_pairs`).
MEMO_MIN = 65536
_RunKey = tuple[str, str, int, int, tuple[tuple[int, int], ...]]
_RUNS: dict[_RunKey, tuple[tuple[int, int], ...]] = {}
_RUNS_MAX = 8192
_RUNS_MAX_CHARS = 4_000_000
_runs_chars = 0
_RUNS_LOCK = threading.Lock()


def clear_runs() -> None:
    """Forget the memoised pairs (a cold start)."""
    global _runs_chars
    with _RUNS_LOCK:
        _RUNS.clear()
        _runs_chars = 0


def _run_pairs(ctx: ProseContext, cjk_class: str, start: int, end: int) -> list[tuple[int, int]]:
    """:func:`_pairs_in` of one run, memoised by all it reads: the run's text from the
    stop before it (a space or a CJK character, where a Latin token read backwards
    ends) to the stop after it, and the non-prose spans there. A keystroke in 1 MB
    then finds again the 1,500 pairs of its unchanged runs by a lookup each."""
    global _runs_chars
    text = ctx.text
    pattern, one, stop = _pair_patterns(cjk_class)
    n = len(text)
    lo = max(start - 1, 0)
    while lo > 0 and not (text[lo].isspace() or one.match(text[lo])):
        lo -= 1
    m = stop.search(text, end)
    hi = m.start() + 1 if m else n
    starts, ends = ctx.mask.bounds()
    i = bisect_right(ends, lo)
    spans = []
    while i < len(starts) and starts[i] < hi:
        spans.append((starts[i] - lo, ends[i] - lo))
        i += 1
    window = text[lo:hi]
    key = (cjk_class, window, start - lo, end - lo, tuple(spans))
    found = _RUNS.get(key)
    if found is None:
        mask = Mask(spans)
        found = tuple(
            _pairs_in(
                window,
                start - lo,
                end - lo,
                lambda a, b: not (mask and mask.covers(a, b)),
                pattern,
                one,
            )
        )
        with _RUNS_LOCK:
            if key not in _RUNS:
                _RUNS[key] = found
                _runs_chars += len(window)
                _runs_chars = evict_oldest(
                    _RUNS, _runs_chars, _RUNS_MAX, _RUNS_MAX_CHARS, lambda k: len(k[1])
                )
    return [(s + lo, e + lo) for s, e in found] if lo else list(found)


def latin_pairs(ctx: ProseContext, cjk_class: str) -> list[Pair]:
    """Every CJK–Latin boundary in prose (one space or none between them) of the
    context's paragraphs, code and placeholders left out."""
    text = ctx.text
    memo = MEMO_MIN <= len(text) <= MAX_MEMO_TEXT
    pattern, one, _ = _pair_patterns(cjk_class)
    out: list[Pair] = []
    for start, end, _ in ctx.index.runs():
        if memo:
            found = _run_pairs(ctx, cjk_class, start, end)
        else:
            found = _pairs_in(text, start, end, ctx.prose, pattern, one)
        out.extend(found)
    return out


#: A document's pairs must number at least this many before its habit of writing
#: them without a space counts as a style (below it, the guidelines' space wins).
MIN_EVIDENCE = 3


def wanted_spacing(policy: str, pairs: list[Pair]) -> tuple[bool, bool]:
    """``(want a space, inferred)`` under ``policy`` (add, remove, consistent)."""
    if policy == "add":
        return True, False
    if policy == "remove":
        return False, False
    spaced = sum(1 for s, e in pairs if e > s)
    glued = len(pairs) - spaced
    return not (glued > spaced and glued >= MIN_EVIDENCE), True


def latin_spacing_findings(
    r: Rule, ctx: ProseContext, cjk_class: str, policy: str, script: str
) -> Iterator[Finding]:
    """The pairs written against ``policy``; under an inferred policy the finding
    is informational and its fix is offered, not applied by fix-all."""
    pairs = latin_pairs(ctx, cjk_class)
    if not pairs:
        return
    want_space, inferred = wanted_spacing(policy, pairs)
    spaced = sum(1 for s, e in pairs if e > s)
    why = (
        f" (this document: {spaced} spaced, {len(pairs) - spaced} not)"
        if inferred and spaced and spaced < len(pairs)
        else ""
    )
    severity = Severity.HINT if inferred else None
    for start, end in pairs:
        if (end > start) == want_space:
            continue
        if want_space:
            yield r.finding(
                start - 1,
                end + 1,
                f"No space between {script} and Latin text: add one{why}",
                [Fix(start, start, " ", "Insert a space", safe=not inferred)],
                severity=severity,
            )
        else:
            yield r.finding(
                start,
                end,
                f"Space between {script} and Latin text: remove it{why}",
                [Fix(start, end, "", "Remove the space", safe=not inferred)],
                severity=severity,
            )
