"""Memos keyed by text, bounded by the characters they hold, not only by entries.

``functools.lru_cache(maxsize=32768)`` on a function of a paragraph bounds the
number of paragraphs kept, not their size: 32,768 paragraphs of a few KB each are
hundreds of MB of copied text in a long-lived server. A :class:`TextMemo` keeps at
most ``max_entries`` results *and* at most ``max_chars`` characters of keys,
dropping the least recently used first. Thread-safe (the server lints in a pool).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, NamedTuple, TypeVar

T = TypeVar("T")

#: What :meth:`TextMemo.__call__` reads for a text it does not hold.
_MISSING: Any = object()


class MemoInfo(NamedTuple):
    """Counters, named as ``functools.lru_cache``'s ``cache_info()`` names them."""

    hits: int
    misses: int
    maxsize: int
    currsize: int
    chars: int


class TextMemo(Generic[T]):
    """``fn(text)`` memoised, least recently used out first (see module doc)."""

    def __init__(
        self, fn: Callable[[str], T], max_chars: int, max_entries: int, prefix: int | None = None
    ) -> None:
        self.fn = fn
        #: ``fn`` reads only this many first characters: the key is that prefix.
        self.prefix = prefix
        self.max_chars = max_chars
        self.max_entries = max_entries
        self._data: OrderedDict[str, T] = OrderedDict()
        self._chars = 0
        self._hits = 0
        self._misses = 0
        self._lock = threading.Lock()
        self.__doc__ = fn.__doc__
        self.__name__ = getattr(fn, "__name__", "memo")
        self.__wrapped__ = fn

    def __call__(self, text: str) -> T:
        if self.prefix is not None:
            text = text[: self.prefix]
        # A hit takes no lock: a lookup and a move are each atomic under the GIL
        # (a keystroke in 1 MB asks several memos about 400 blocks each); only an
        # insertion with its evictions must not interleave with another. A miss is
        # told by a sentinel, not a KeyError: a cold lint of 1 MB misses 10,000
        # times, and raising and catching each cost more than the lookup.
        value = self._data.get(text, _MISSING)  # (Any: the sentinel)
        if value is not _MISSING:
            self._hits += 1
            try:
                self._data.move_to_end(text)
            except KeyError:  # evicted by the other worker meanwhile
                pass
            return value  # type: ignore[no-any-return]
        self._misses += 1
        value = self.fn(text)  # outside the lock: the other worker need not wait
        if len(text) > self.max_chars:
            return value  # larger than the whole budget: not kept
        with self._lock:
            if text not in self._data:
                self._data[text] = value
                self._chars += len(text)
                while self._chars > self.max_chars or len(self._data) > self.max_entries:
                    old, _ = self._data.popitem(last=False)
                    self._chars -= len(old)
        return value

    def cache_clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._chars = 0
            self._hits = self._misses = 0

    def cache_info(self) -> MemoInfo:
        with self._lock:
            return MemoInfo(
                self._hits, self._misses, self.max_entries, len(self._data), self._chars
            )


def text_memo(
    max_chars: int, max_entries: int, prefix: int | None = None
) -> Callable[[Callable[[str], T]], TextMemo[T]]:
    """Decorator form of :class:`TextMemo`."""

    def wrap(fn: Callable[[str], T]) -> TextMemo[T]:
        return TextMemo(fn, max_chars, max_entries, prefix)

    return wrap


__all__ = ["MemoInfo", "TextMemo", "text_memo"]


K = TypeVar("K")
V = TypeVar("V")


def evict_oldest(
    cache: dict[K, V], chars: int, max_entries: int, max_chars: int, size: Callable[[K], int]
) -> int:
    """Drop the oldest entries of an insertion-ordered ``cache`` until it holds at most
    ``max_entries`` keys and ``max_chars`` characters (``chars`` now, ``size`` of a
    key); return the characters left. One walk: deleting ``next(iter(cache))`` one at
    a time rescans the deleted slots each time (quadratic on 60,000 one-line
    paragraphs). The caller holds the cache's lock."""
    excess = len(cache) - max_entries
    if excess <= 0 and chars <= max_chars:
        return chars
    drop = []
    for key in cache:
        if excess <= 0 and chars <= max_chars:
            break
        drop.append(key)
        excess -= 1
        chars -= size(key)
    for key in drop:
        del cache[key]
    return chars
