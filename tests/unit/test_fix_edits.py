"""Fix-all's edits as the server sends them: merged when there are many
(:func:`coalesce`), converted to JSON in one sweep (:func:`convert.edits_json`)."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st
from pygls.protocol import default_converter

from textsweep.engine import Document
from textsweep.engine.fixes import coalesce
from textsweep.engine.model import Fix
from textsweep.lsp import convert
from textsweep.lsp.protocol import Prepared

_CHARS = st.sampled_from(["a", " ", "é", "\U0001f600", "\n", "\r", "\r\n", "\u200b", "\t"])


@st.composite
def text_and_edits(draw: st.DrawFn) -> tuple[str, list[Fix]]:
    """A text and sorted, non-overlapping edits on it (some inserts, some deletes)."""
    text = "".join(draw(st.lists(_CHARS, max_size=60)))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=30)))
    edits: list[Fix] = []
    pos = 0
    for i in range(0, len(cuts) - 1, 2):
        s, e = cuts[i], cuts[i + 1]
        if s < pos or (s == e == pos and edits and edits[-1].start == edits[-1].end == s):
            continue
        new = "".join(draw(st.lists(_CHARS, max_size=3)))
        edits.append(Fix(s, e, new, f"t{i}"))
        pos = e
    return text, edits


def apply(text: str, edits: list[Fix]) -> str:
    out, pos = [], 0
    for f in edits:
        assert f.start >= pos
        out += [text[pos : f.start], f.replacement]
        pos = f.end
    return "".join([*out, text[pos:]])


@given(text_and_edits(), st.integers(1, 12))
def test_coalesce_applies_to_the_same_text(case: tuple[str, list[Fix]], limit: int) -> None:
    text, edits = case
    merged = coalesce(text, edits, limit)
    assert apply(text, merged) == apply(text, edits)
    assert len(merged) == min(len(edits), limit)
    bounds = {f.start for f in edits} | {f.end for f in edits}
    for a, b in itertools.pairwise(merged):
        assert a.end <= b.start
    # merged edits start and end where edits did (never inside a CRLF they avoided)
    assert all(f.start in bounds and f.end in bounds for f in merged)
    if len(edits) <= limit:
        assert merged == edits


def test_coalesce_merges_the_nearest_neighbours_first() -> None:
    text = "x" * 1000
    edits = [Fix(0, 1, "a"), Fix(3, 4, "b"), Fix(500, 501, "c"), Fix(502, 503, "d")]
    assert coalesce(text, edits, 2) == [Fix(0, 4, "axxb"), Fix(500, 503, "cxd")]
    # ties: the leftmost gap first
    ties = [Fix(0, 1, "a"), Fix(2, 3, "b"), Fix(4, 5, "c")]
    assert coalesce(text, ties, 2) == [Fix(0, 3, "axb"), Fix(4, 5, "c")]


@given(text_and_edits(), st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_edits_json_is_what_text_edits_unstructure_to(
    case: tuple[str, list[Fix]], encoding: str
) -> None:
    text, edits = case
    doc = Document(text)
    expected = default_converter().unstructure(convert.fixes_to_edits(doc, edits, encoding))
    got = convert.edits_json(doc, edits, encoding)
    assert got == expected


def test_edits_json_on_one_long_line() -> None:
    text = "é\U0001f600 " * 2000
    edits = [Fix(i, i + 1, "") for i in range(2, len(text), 3)]
    doc = Document(text)
    got = convert.edits_json(doc, edits, "utf-16")
    assert got == default_converter().unstructure(convert.fixes_to_edits(doc, edits, "utf-16"))


def test_prepared_encodes_compactly_without_escapes() -> None:
    assert Prepared.of({"newText": "é\u200b", "n": [1, None]}).json == (
        '{"newText":"é\u200b","n":[1,null]}'
    )
