"""A scan made from the previous text's scan (:func:`_spans._rescan`, a keystroke's
paragraph breaks and block cuts) equals a scan of the text from scratch."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textsweep.engine.structure import _spans

PIECES = [
    "word ",
    "mot",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\r\n\r\n",
    " \n",
    "\u00a0\n",
    "\t",
    "é",
    "ab",
]


def _text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(n))


def _same(new: _spans._Scan, text: str) -> None:
    want = _spans._Scan(text)
    assert (new.cuts, new.breaks, new.blocks) == (want.cuts, want.breaks, want.blocks)


@given(
    st.integers(0, 2**32),
    st.lists(
        st.tuples(st.floats(0, 1), st.integers(0, 300), st.sampled_from([*PIECES, ""])), max_size=4
    ),
)
@settings(max_examples=300, deadline=None)
def test_rescan_equals_a_fresh_scan(seed: int, edits: list[tuple[float, int, str]]) -> None:
    rng = random.Random(seed)
    text = _text(rng, rng.randrange(200, 3000))
    old = _spans._Scan(text)
    for where, cut, ins in edits:
        p = int(where * len(text))
        new_text = text[:p] + ins * rng.randrange(1, 4) + text[p + cut :]
        new = _spans._rescan(new_text, old)
        if new is not None:
            _same(new, new_text)
            old, text = new, new_text


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_rescan_of_long_prose(eol: str) -> None:
    rng = random.Random(eol)
    paras = [
        " ".join("w" * rng.randrange(1, 9) for _ in range(rng.randrange(1, 60)))
        for _ in range(2000)
    ]
    text = (eol * 2).join(paras).replace("\n", eol) + eol
    old = _spans._Scan(text)
    used = 0
    for _ in range(200):
        p = rng.randrange(len(text) + 1)
        q = min(len(text), p + rng.choice([0, 1, 40, 5000]))
        new_text = text[:p] + rng.choice(["", "x", eol, eol * 2, "a" * 300]) + text[q:]
        new = _spans._rescan(new_text, old)
        if new is not None:
            used += 1
            _same(new, new_text)
        old, text = _spans._Scan(new_text), new_text
    assert used > 150  # the edits were served by rescans, not skipped


def test_scan_reuses_a_recent_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_spans, "_RESCAN_MIN", 0)
    text = "\n\n".join(f"paragraph {i} " * (i % 7 + 1) for i in range(3000))
    first = _spans._scan(text)
    edited = text[:5000] + "x" + text[5000:]
    second = _spans._scan(edited)
    _same(second, edited)
    assert second.blocks[-1] is first.blocks[-1]  # unchanged blocks are shared


def test_per_block_merged_equals_a_merge_of_the_blocks() -> None:
    from pathlib import Path

    from textsweep.engine.structure.plaintext import _block_non_prose

    root = Path(__file__).resolve().parents[1]
    texts = [
        p.read_text(encoding="utf-8") for p in sorted((root / "realtext" / "files").rglob("*.txt"))
    ]
    rng = random.Random(5)
    for text in ["\n\n".join(texts), *texts]:
        for _ in range(3):
            want = _spans.merge(_spans.per_block_spans(text, _block_non_prose))
            assert _spans.per_block_merged(text, _block_non_prose) == want
            p = rng.randrange(len(text) + 1)
            text = (
                text[:p] + rng.choice(["    code()\n", "| a | b |\n", "\n\n", "$ ls\n"]) + text[p:]
            )

    def spans_of(block: str) -> tuple[tuple[int, int], ...]:
        # spans reaching both ends of every block: fused across each cut
        return ((0, 1), (len(block) - 1, len(block))) if len(block) > 2 else ((0, len(block)),)

    text = "\n\n".join("word " * (i % 5 + 1) for i in range(2000))
    assert _spans.per_block_merged(text, spans_of) == _spans.merge(
        _spans.per_block_spans(text, spans_of)
    )
