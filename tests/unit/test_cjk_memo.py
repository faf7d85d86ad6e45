"""CJK–Latin pairs memoised per run (:func:`cjk._run_pairs`) are the pairs found
in the whole text, on mixed text with code, placeholders and edits."""

from __future__ import annotations

import random

import pytest

from textsweep.engine import Config, Document, cjk, lint

PIECES = [
    "中文",
    "使用",
    "日本語",
    "ひらがな",
    "カタカナ",
    "English",
    "x",
    "42",
    " ",
    "  ",
    "\n",
    "\n\n",
    "%s",
    "{0}",
    "a/b",
    "`code`",
    "https://example.org/路径",
    "。",
    "，",
    "\u3000",
    "$HOME",
    "、",
]


def _lint(text: str, memo: bool) -> list[tuple[object, ...]]:
    old = cjk.MEMO_MIN
    cjk.MEMO_MIN = 0 if memo else 1 << 60
    try:
        return [tuple(f) for f in lint(Document(text), Config())]
    finally:
        cjk.MEMO_MIN = old


@pytest.mark.parametrize("seed", range(40))
def test_memoised_pairs_equal_a_whole_scan(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(PIECES) for _ in range(rng.randrange(20, 400)))
    for _ in range(6):
        assert _lint(text, True) == _lint(text, False)
        pos = rng.randrange(len(text) + 1)
        text = text[:pos] + rng.choice(PIECES) + text[pos + rng.randrange(0, 4) :]


def test_memoised_pairs_on_real_chinese() -> None:
    from pathlib import Path

    files = sorted((Path(__file__).resolve().parents[1] / "realtext" / "files").rglob("*.txt"))
    text = "\n\n".join(
        p.read_text(encoding="utf-8") for p in files if "/zh/" in str(p) or "/ja/" in str(p)
    )
    assert "中" in text
    cjk.clear_runs()
    assert _lint(text, True) == _lint(text, False)
    edited = text[: len(text) // 2] + "中文English" + text[len(text) // 2 :]
    assert _lint(edited, True) == _lint(edited, False)
