"""Incremental didChange application against an independent reference."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from tests.e2e.lsputil import offset as ref_offset
from tests.e2e.lsputil import position as ref_position
from textsweep.lsp.documents import apply_change

ALPHABET = st.sampled_from([*list("ab \t\r\n"), "é", "😀", "𝒟", "\u2028", "\x85", "\x0c", "中"])
TEXT = st.text(alphabet=ALPHABET, max_size=40)


def _change(text: str, start: int, end: int, new: str, encoding: str) -> SimpleNamespace:
    rng = SimpleNamespace(
        start=ref_position(text, start, encoding), end=ref_position(text, end, encoding)
    )
    return SimpleNamespace(range=rng, text=new)


@given(TEXT, st.data(), TEXT, st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_ranged_change_matches_reference(
    text: str, data: st.DataObject, new: str, encoding: str
) -> None:
    # Edits land on character boundaries that are not inside a CRLF pair.
    cuts = [
        i for i in range(len(text) + 1) if not (0 < i < len(text) and text[i - 1 : i + 1] == "\r\n")
    ]
    a = data.draw(st.sampled_from(cuts))
    b = data.draw(st.sampled_from([c for c in cuts if c >= a]))
    change = _change(text, a, b, new, encoding)
    # The reference maps the positions back to the same offsets.
    assert ref_offset(text, change.range.start, encoding) == a
    assert apply_change(text, change, encoding) == text[:a] + new + text[b:]


def test_full_change_replaces_everything() -> None:
    assert apply_change("old", SimpleNamespace(text="new"), "utf-16") == "new"
