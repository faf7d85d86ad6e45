"""lsp.convert: turning a reloaded text into edits stays exact and linear."""

from __future__ import annotations

import pytest

from tests.e2e.lsputil import apply_edits
from textsweep.engine import Document
from textsweep.lsp.convert import DIFF_LINE_LIMIT, diff_edits


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("d\u00c3\u00a9p\u00c3\u00b4t\nligne 2\n", "dépôt\nligne 2\n"),  # same line count
        ("a\nb\nc\n", "a\nB\nc\nd\n"),  # a line more
        ("x\r\ny\r\n", "x\r\nz\r\n"),
        ("🙂 é\n" * 3, "🙂 è\n" * 3),
        ("", "new\n"),
        ("old\n", ""),
    ],
)
def test_diff_edits_reach_the_new_text(old: str, new: str, encoding: str) -> None:
    edits = diff_edits(Document(old), new, encoding)
    assert apply_edits(old, edits, encoding) == new


def test_equal_line_counts_pair_lines_one_to_one() -> None:
    # 40,000 identical lines, every one changed: difflib would be quadratic here
    old = "caf\u00c3\u00a9\n" * 40_000
    new = "café\n" * 40_000
    edits = diff_edits(Document(old), new, "utf-16")
    assert len(edits) == 40_000
    assert all(e.new_text == "é" for e in edits)


def test_a_large_middle_becomes_one_edit() -> None:
    old = "head\n" + "same\n" * (DIFF_LINE_LIMIT + 10) + "tail\n"
    new = "head\n" + "other\n" * (DIFF_LINE_LIMIT + 20) + "tail\n"
    edits = diff_edits(Document(old), new, "utf-16")
    assert len(edits) == 1
    assert apply_edits(old, edits, "utf-16") == new
