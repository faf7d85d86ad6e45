"""Caches keyed by text are bounded by the characters they hold, not only by count."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from textsweep.engine import Config, Document, incremental, lint
from textsweep.engine.memo import TextMemo, evict_oldest

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def test_memo_evicts_least_recently_used_past_its_character_budget() -> None:
    calls: list[str] = []

    def upper(s: str) -> str:
        calls.append(s)
        return s.upper()

    memo = TextMemo(upper, max_chars=10, max_entries=100)
    assert memo("abcd") == "ABCD"
    assert memo("efgh") == "EFGH"
    assert memo("abcd") == "ABCD"  # hit: now the most recent
    assert memo("ijkl") == "IJKL"  # 12 characters: efgh goes
    assert memo.cache_info().chars == 8
    assert memo("abcd") == "ABCD"
    assert memo("efgh") == "EFGH"
    assert calls == ["abcd", "efgh", "ijkl", "efgh"]
    assert memo("x" * 11) == "X" * 11  # larger than the budget: computed, not kept
    assert memo.cache_info().chars <= 10
    memo.cache_clear()
    assert memo.cache_info() == (0, 0, 100, 0, 0)


def test_memo_keeps_every_value_even_the_falsy_ones() -> None:
    # a miss is told by a sentinel, not by the value: None, 0, () and "" are hits
    calls: list[str] = []

    def nothing(s: str) -> object:
        calls.append(s)
        return {"n": None, "z": 0, "t": (), "e": ""}[s]

    memo = TextMemo(nothing, max_chars=100, max_entries=100)
    for key in "nzte" * 2:
        memo(key)
    assert calls == list("nzte")
    assert memo.cache_info()[:2] == (4, 4)


def test_memo_bounds_entries_too_and_keys_on_the_prefix_read() -> None:
    memo = TextMemo(lambda s: s[:3], max_chars=1000, max_entries=2, prefix=3)
    assert memo("abcdef") == "abc"
    assert memo("abcxyz") == "abc"  # same prefix: a hit
    assert memo.cache_info().hits == 1
    memo("one")
    memo("two")
    assert memo.cache_info().currsize == 2
    assert memo.cache_info().chars == 6


def test_memo_from_two_threads() -> None:
    memo = TextMemo(len, max_chars=50, max_entries=1000)
    words = [f"w{i}" for i in range(200)]

    def work() -> None:
        for _ in range(20):
            for w in words:
                assert memo(w) == len(w)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    info = memo.cache_info()
    assert info.chars <= 50
    assert info.chars == sum(len(w) for w in words if memo._data.get(w) is not None)


def test_findings_cache_holds_at_most_its_character_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Real documents through the linter: the cache stays under a small budget,
    and what it serves is still what a full lint finds."""
    monkeypatch.setattr(incremental, "MAX_CACHED_CHARS", 2_000)
    incremental.clear()
    config = Config()
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))]
    assert sum(map(len, texts)) > 5_000
    for text in texts + texts:
        got = lint(Document(text), config)
        _, chars = incremental.cached_chars()
        assert chars <= 2_000
        incremental.set_enabled(False)
        try:
            assert got == lint(Document(text), config)
        finally:
            incremental.set_enabled(True)
    incremental.clear()
    assert incremental.cached_chars() == (0, 0)


def test_evict_oldest_drops_the_oldest_until_both_budgets_hold() -> None:
    cache = {"aaaa": 1, "bb": 2, "cccccc": 3, "d": 4}
    left = evict_oldest(cache, 13, max_entries=3, max_chars=8, size=len)
    # one entry too many and 5 characters over: "aaaa" then "bb" go
    assert list(cache) == ["cccccc", "d"]
    assert left == 7
    untouched = {"x": 1}
    assert evict_oldest(untouched, 1, max_entries=3, max_chars=8, size=len) == 1
    assert untouched == {"x": 1}
