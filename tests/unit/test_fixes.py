"""Fix composition: fix-all's edits on the original text reach the fixed text.

Fix-all runs several passes, each on the previous pass's text; the editor needs
one set of edits on the text it has. ``compose`` folds each pass into the edits
so far; these properties check it against applying the passes in turn.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textsweep.engine import Document, fix_all, lint
from textsweep.engine.fixes import apply_fixes, compose, trim_edits
from textsweep.engine.linter import FixAllCancelled
from textsweep.engine.model import Fix


@st.composite
def fix_lists(draw: st.DrawFn, text: str) -> list[Fix]:
    """Sorted, non-overlapping fixes on ``text`` (insertions, deletions, replacements)."""
    points = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    fixes: list[Fix] = []
    last_end = -1
    for a, b in zip(points[::2], points[1::2], strict=False):
        if a <= last_end:
            continue
        fixes.append(Fix(a, b, draw(st.text(alphabet="xyz \n", max_size=4))))
        last_end = b
    return fixes


def apply_in_order(text: str, fixes: list[Fix]) -> str:
    result = apply_fixes(text, fixes)
    assert not result.skipped
    return result.text


@given(st.data(), st.text(alphabet="ab \n", max_size=30), st.integers(1, 4))
def test_composed_edits_equal_passes_applied_in_turn(
    data: st.DataObject, original: str, passes: int
) -> None:
    text = original
    edits: list[Fix] = []
    for _ in range(passes):
        fixes = data.draw(fix_lists(text))
        edits = compose(text, edits, fixes)
        text = apply_in_order(text, fixes)
        # still sorted and non-overlapping on the original
        for x, y in itertools.pairwise(edits):
            assert x.end <= y.start and (x.end < y.start or x.start < x.end or y.start < y.end)
        assert apply_in_order(original, edits) == text
    trimmed = trim_edits(original, edits)
    assert apply_in_order(original, trimmed) == text
    assert all(original[e.start : e.end] != e.replacement for e in trimmed)


def test_fix_all_edits_reach_the_fixed_text_over_several_passes() -> None:
    # a zero-width space inside a doubled space, trailing blanks, a blank-line run:
    # fixes that need more than one pass
    original = "Bonjour\u200b  \u200b  le monde  \n\n\n\nfin \t\n"
    result = fix_all(Document(original))
    assert result.text != original
    assert apply_in_order(original, list(result.edits)) == result.text
    # each edit touches only what changed
    assert all(original[e.start : e.end] != e.replacement for e in result.edits)


def test_fix_all_edits_on_repeated_lines_stay_small() -> None:
    # repeated paragraphs: a document diff is quadratic here; composed edits are
    # one per fault
    para = "Une ligne  avec un double espace.\n\n"
    original = para * 2000 + "Fin.\n"
    result = fix_all(Document(original))
    assert len(result.edits) == 2000
    assert apply_in_order(original, list(result.edits)) == result.text


def test_fix_all_from_given_findings_equals_fix_all_that_lints() -> None:
    # the server hands over the findings it has: the first pass then lints nothing
    original = "Bonjour\u200b  \u200b  le monde  \n\n\n\nfin \t\n"
    doc = Document(original)
    fresh = fix_all(doc)
    given = fix_all(doc, findings=lint(doc))
    assert (given.text, given.edits, given.applied, given.passes) == (
        fresh.text,
        fresh.edits,
        fresh.applied,
        fresh.passes,
    )


def test_fix_all_stops_when_cancelled_before_a_relint() -> None:
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return True

    with pytest.raises(FixAllCancelled):
        fix_all(Document("Bonjour  le monde.\n"), cancelled=cancelled)
    assert asked == [1]
    # nothing to fix: nothing to re-lint, never asked
    assert fix_all(Document("Bonjour.\n"), cancelled=cancelled).text == "Bonjour.\n"
    assert asked == [1]


@st.composite
def touching_fix_lists(draw: st.DrawFn, text: str) -> list[Fix]:
    """Sorted fixes on ``text`` that may touch (as one rule's fixes do in a pass)."""
    points = sorted(draw(st.lists(st.integers(0, len(text)), max_size=14)))
    fixes: list[Fix] = []
    last: Fix | None = None
    for a, b in zip(points[::2], points[1::2], strict=False):
        if last is not None and (a < last.end or a == b == last.start == last.end):
            continue
        last = Fix(a, b, draw(st.text(alphabet="xy\n", max_size=3)))
        fixes.append(last)
    return fixes


def compose_reference(text: str, edits: Sequence[Fix], fixes: Sequence[Fix]) -> list[Fix]:
    """``compose`` as first written: one sort of every old edit and new fix."""
    if not fixes:
        return list(edits)
    if not edits:
        return list(fixes)
    # (start, end) on the current text, 0 for an old edit or 1 for a new fix, the fix
    items: list[tuple[int, int, int, Fix]] = []
    delta = 0
    for e in edits:
        cs = e.start + delta
        items.append((cs, cs + len(e.replacement), 0, e))
        delta += len(e.replacement) - (e.end - e.start)
    items.extend((f.start, f.end, 1, f) for f in fixes)
    items.sort(key=lambda t: (t[0], t[1], t[2]))
    out: list[Fix] = []
    delta = 0  # in unchanged text left of the sweep: original = current - delta
    i = 0
    n = len(items)
    while i < n:
        cs, ce, first_kind, _ = items[i]
        cluster = [items[i]]
        i += 1
        while i < n and items[i][0] <= ce:
            ce = max(ce, items[i][1])
            cluster.append(items[i])
            i += 1
        olds = [t[3] for t in cluster if t[2] == 0]
        news = [t[3] for t in cluster if t[2] == 1]
        orig_start = olds[0].start if first_kind == 0 else cs - delta
        for f in olds:
            delta += len(f.replacement) - (f.end - f.start)
        if not news:
            out.extend(olds)
            continue
        parts: list[str] = []
        pos = cs
        for f in news:
            parts.append(text[pos : f.start])
            parts.append(f.replacement)
            pos = f.end
        parts.append(text[pos:ce])
        out.append(Fix(orig_start, ce - delta, "".join(parts), news[0].title, news[0].safe))
    return out


@given(st.data(), st.text(alphabet="ab \n", max_size=30), st.integers(1, 4))
def test_compose_by_bisection_equals_the_full_sweep(
    data: st.DataObject, original: str, passes: int
) -> None:
    text = original
    edits: list[Fix] = []
    for _ in range(passes):
        fixes = data.draw(touching_fix_lists(text))
        got = compose(text, edits, fixes)
        assert got == compose_reference(text, edits, fixes)
        edits = got
        text = apply_in_order(text, fixes)
        assert apply_in_order(original, edits) == text
