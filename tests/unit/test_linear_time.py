"""Every scan is linear in the document, whatever its shape.

Hostile shapes (runs of line breaks, of ``:``, of ``Ã©``, long indentation…) once
made scans quadratic: 20 KB took up to 21 s. Each shape is fixed (linted, then
fixed and linted again) at two sizes in every file type with every rule on, and
must not grow more than 3× when the size doubles, nor take more than 20× the
time of prose of the same size. Ratios, not seconds: the test holds on a loaded
machine. A first single run screens each shape; only a suspect one is measured
again with medians.

A shape that is almost all faults (``«`` after ``«``, a zero-width space after
another) costs in proportion to its findings, tens of thousands of them: the
prose bound for it is looser (DENSE_VS_PROSE), the growth bound the same.
"""

from __future__ import annotations

import gc
import random
import statistics
import time

import pytest

from textsweep.engine import Config, Document, fix_all, parse_settings
from textsweep.engine.caches import clear_caches
from textsweep.engine.structure._spans import paragraph_break
from textsweep.engine.structure.markdown import _INLINE, _inline_spans, _inline_starts
from textsweep.engine.structure.plain import (
    _URL_TAIL,
    BACKTICKS,
    _backtick_spans,
    _expand_left,
    _expand_right,
    _Expander,
    _find_all,
    _finditer_at,
    _UrlTails,
)

from .hostile_shapes import LANGUAGES, SHAPES, TEST_SHAPES, every_rule_settings, prose, shape

#: Both above the engine's 8 KB segment size, so both sizes take the same paths.
SMALL, LARGE = 10_000, 20_000
#: Doubling the size may at most triple the time (quadratic would quadruple it).
MAX_GROWTH = 3.0
#: A shape may take at most this many times as long as prose of the same size.
MAX_VS_PROSE = 20.0
#: ... or, for a shape with a finding every DENSE characters or more often, this many.
DENSE = 20
DENSE_VS_PROSE = 100.0
#: Times under this fraction of prose's are noise-dominated: compared at that floor.
FLOOR = 0.25


def _config() -> Config:
    config, warnings = parse_settings(every_rule_settings())
    assert not warnings
    return config


def _run(text: str, language: str, config: Config) -> tuple[float, int]:
    """Seconds of a cold fix-all (which lints first) on ``text``, and about how many
    findings it met. The cyclic garbage collector is off meanwhile: its passes land
    at random and cost the whole heap."""
    clear_caches()
    doc = Document(text, language)
    gc.disable()
    try:
        t = time.perf_counter()
        result = fix_all(doc, config)
        return time.perf_counter() - t, result.applied + len(result.remaining)
    finally:
        gc.enable()


def _once(text: str, language: str, config: Config) -> float:
    return _run(text, language, config)[0]


def _medians(texts: tuple[str, str], language: str, config: Config) -> tuple[float, float]:
    """Median times of both texts, runs interleaved so a change of load hits both."""
    runs = [[_once(text, language, config) for text in texts] for _ in range(3)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def _medians_beside_prose(
    texts: tuple[str, str], prose_texts: tuple[str, str], language: str, config: Config
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Medians of a shape's and of prose's times, all four runs interleaved: on a
    shared machine the load changes between the first prose timing and a suspect."""
    runs = [[_once(text, language, config) for text in (*texts, *prose_texts)] for _ in range(3)]
    med = [statistics.median(r[i] for r in runs) for i in range(4)]
    return (med[0], med[1]), (med[2], med[3])


def _verdict(
    times: tuple[float, float], base: tuple[float, float], max_vs_prose: float
) -> str | None:
    """Why a shape timed at ``times`` (small, large) fails against prose's ``base``."""
    ts, tl = max(times[0], FLOOR * base[0]), times[1]
    growth, vs_prose = tl / ts, tl / base[1]
    if growth > MAX_GROWTH or vs_prose > max_vs_prose:
        return f"×{growth:.1f} when doubled, ×{vs_prose:.1f} prose ({ts:.3f} s → {tl:.3f} s)"
    return None


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_shape_is_linear(language: str) -> None:
    config = _config()
    _once(prose(SMALL), language, config)  # imports, compiled patterns, lexers
    prose_texts = (prose(SMALL), prose(LARGE))
    base = _medians(prose_texts, language, config)
    failures: dict[str, str] = {}
    for name in TEST_SHAPES[language]:
        texts = (shape(name, SMALL), shape(name, LARGE))
        small = _once(texts[0], language, config)
        large, found = _run(texts[1], language, config)
        # A shape that is almost all findings costs in proportion to them.
        bound = DENSE_VS_PROSE if found * DENSE >= LARGE else MAX_VS_PROSE
        why = _verdict((small, large), base, bound)
        if why is None:
            continue
        if large > 4 * bound * base[1]:
            failures[name] = why  # far beyond noise: no need to wait for medians
            continue
        # A suspect: measure again with medians, beside prose, twice, before blaming it.
        for _ in range(2):
            times, near_base = _medians_beside_prose(texts, prose_texts, language, config)
            why = _verdict(times, near_base, bound)
            if why is None:
                break
        if why is not None:
            failures[name] = why
    assert not failures, f"{language}: " + "; ".join(f"{k}: {v}" for k, v in failures.items())


def test_shapes_are_the_size_asked() -> None:
    """The ratios mean something only if both sizes really are what they say."""
    for name in SHAPES:
        for size in (SMALL, LARGE):
            assert abs(len(shape(name, size)) - size) <= 2, name


def test_blank_line_run_without_text_after_is_left_to_final_newline() -> None:
    """The bounded scan still finds runs followed by text, and only those."""
    from .helpers import findings

    text = "Début.\n" + "\n" * 500 + "Suite.\n" + "\n" * 500
    found = findings("blank-lines", text)
    assert [(f.start, f.end) for f in found] == [(8, 7 + 500)]
    assert not findings("blank-lines", "\n" * 500)
    lead = findings("blank-lines", "\n\n\n\nTexte.\n")
    assert [(f.start, f.end) for f in lead] == [(1, 4)], "a leading run is reported once"


def test_expander_matches_a_plain_scan() -> None:
    """The remembering scans of the plain-text heuristics give the plain scans' answers."""
    rnd = random.Random(5)
    for _ in range(2000):
        text = "".join(rnd.choice("ab_:.~ -(é") for _ in range(rnd.randint(1, 30)))
        for extra in ("_", "_~:", "_.", "_-."):
            ex = _Expander(text, extra)
            offsets = sorted(rnd.sample(range(len(text) + 1), rnd.randint(1, len(text) + 1)))
            for i in offsets:
                assert ex.left(i) == _expand_left(text, i, extra), (text, i, extra)
                assert ex.right(i) == _expand_right(text, i, extra), (text, i, extra)


def test_backtick_spans_match_the_regex() -> None:
    """The linear backtick scan finds what the BACKTICKS regex found, offset by offset,
    but for a span across a paragraph break: its opener is a literal backtick."""
    rnd = random.Random(6)
    for _ in range(5000):
        text = "".join(rnd.choice("``a \n") for _ in range(rnd.randint(0, 25)))
        expected: list[tuple[int, int]] = []
        pos = 0
        for i in _find_all(text, "`"):
            m = BACKTICKS.match(text, i) if i >= pos else None
            if m and not paragraph_break(text).search(text, i, m.end()):
                expected.append(m.span())
                pos = m.end()
        assert list(_backtick_spans(text)) == expected, text


def test_markdown_inline_spans_match_the_regex() -> None:
    """The Markdown inline scan (code spans, comments bounded) finds what _INLINE found."""
    rnd = random.Random(7)
    pieces = ["`", "``", "a", " ", "\n", "<!--", "-->", "<a>", "]", "(x)", "&amp;", "$x$", "\\*"]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14)))
        lo = rnd.randint(0, len(text))
        end = rnd.randint(lo, len(text))
        starts = [i for i in _inline_starts(text) if i >= lo]
        expected = [m.span() for m in _finditer_at(_INLINE, text, starts, end)]
        assert list(_inline_spans(text, starts, end)) == expected, (text, lo, end)


def test_url_tails_match_the_regex() -> None:
    """The remembered URL tails are the tails ``_URL_TAIL`` matches, from any offset."""
    rnd = random.Random(8)
    for _ in range(3000):
        text = "".join(rnd.choice("w.,a)<’«\n/ ") for _ in range(rnd.randint(0, 20)))
        tails = _UrlTails(text)
        for p in sorted(rnd.sample(range(len(text) + 1), rnd.randint(1, len(text) + 1))):
            m = _URL_TAIL.match(text, p)
            assert tails.end(p) == (m.end() if m else None), (text, p)
