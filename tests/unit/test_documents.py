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


@given(TEXT, st.data(), TEXT)
def test_line_index_updated_in_place_equals_a_full_rescan(
    text: str, data: st.DataObject, new: str
) -> None:
    from textsweep.engine import Document
    from textsweep.lsp.documents import update_line_starts

    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    after = text[:a] + new + text[b:]
    updated = update_line_starts(Document(text).line_starts, after, a, b, len(new))
    assert updated == Document(after).line_starts


@given(st.lists(st.tuples(TEXT, st.data()), min_size=1, max_size=8))
def test_a_sequence_of_edits_keeps_the_index_exact(edits: list) -> None:  # type: ignore[type-arg]
    from textsweep.engine import Document
    from textsweep.lsp.documents import OpenDocument

    od = OpenDocument("untitled:x", "plaintext", 1, "a\r\nb\rc\nd")
    od.snapshot()
    for new, data in edits:
        doc = Document(od.text)
        cuts = [
            i
            for i in range(len(od.text) + 1)
            if not (0 < i < len(od.text) and od.text[i - 1 : i + 1] == "\r\n")
        ]
        a = data.draw(st.sampled_from(cuts))
        b = data.draw(st.sampled_from([c for c in cuts if c >= a]))
        od.apply(_change(doc.text, a, b, new, "utf-16"), "utf-16")
        assert od.text == doc.text[:a] + new + doc.text[b:]
        assert od.line_starts == Document(od.text).line_starts


def test_line_index_costs_machine_words_not_int_objects() -> None:
    """A big file's line index: about 8 bytes a line, before and after an edit (a
    list of ints costs 8 for the pointer plus 28 to 32 for each int object)."""
    import tracemalloc

    from textsweep.engine import Document
    from textsweep.lsp.documents import OpenDocument

    lines = 200_000
    text = "Une ligne de texte ordinaire.\n" * lines
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        od = OpenDocument("untitled:big", "plaintext", 1, text)
        od.snapshot()
        built = tracemalloc.get_traced_memory()[0] - before
        od.apply(_change(od.text, 15, 15, "x\n", "utf-16"), "utf-16")
        edited = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert od.line_starts == Document(od.text).line_starts
    assert built < 12 * lines
    assert edited < len(text) + 12 * lines + 100_000  # the new text (1 byte a char), its index
