"""The document model: text plus what every rule needs, computed once.

Lines break only at ``\\n``, ``\\r\\n`` and ``\\r`` (as LSP says), never at the
other characters ``str.splitlines`` honours (``\\f``, ``\\v``, ``\\x85``, U+2028…).
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from .markup import is_prose_language, language_for_path
from .memo import TextMemo

T = TypeVar("T")

__all__ = ["LINE_BREAK", "Document", "language_for_path", "new_line_index"]

LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LF = re.compile(r"\n")


def new_line_index(starts: Iterable[int] = (0,)) -> array[int]:
    """A line index: the offsets of line starts as 64-bit integers."""
    return array("q", starts)


class Document:
    """Text and its derived indexes; immutable once built (edits make a new one)."""

    __slots__ = ("_cache", "_line_starts", "language_id", "path", "raw", "text", "uri")

    def __init__(
        self,
        text: str,
        language_id: str = "plaintext",
        uri: str | None = None,
        path: str | None = None,
        raw: bytes | None = None,
        *,
        line_starts: array[int] | None = None,
    ) -> None:
        self.text = text
        #: The file's bytes on disk when known (for encoding checks); may be stale
        #: relative to ``text`` while the user edits, which encoding rules allow for.
        self.raw = raw
        self.language_id = language_id or "plaintext"
        self.uri = uri
        self.path = path
        #: A caller that already knows the index (the server, after an edit) passes it.
        self._line_starts: array[int] | None = line_starts
        self._cache: dict[str, Any] = {}

    @property
    def is_prose(self) -> bool:
        """Prose files get stricter defaults (one blank line, not two)."""
        return is_prose_language(self.language_id)

    @property
    def line_starts(self) -> array[int]:
        """Offset of the first character of every line (LSP line breaks only).

        An array of machine integers, not a list of int objects: 8 bytes a line
        instead of about 36 (600,000 lines: 5 MB, not 21 MB).
        """
        if self._line_starts is None:
            starts = new_line_index()
            # A plain "\n" search is several times faster than the alternation.
            pattern = LINE_BREAK if "\r" in self.text else _LF
            # (``Match.end`` mapped in C: a generator cost a Python frame a line)
            starts.extend(map(re.Match.end, pattern.finditer(self.text)))
            self._line_starts = starts
        return self._line_starts

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line_of(self, offset: int) -> int:
        """Zero-based line holding ``offset`` (an offset at a break belongs to its line)."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def line_span(self, line: int) -> tuple[int, int]:
        """``(start, end)`` of a line's content, without its terminator."""
        starts = self.line_starts
        start = starts[line]
        if line + 1 < len(starts):
            end = starts[line + 1]
            if self.text.startswith("\r\n", end - 2) and end - 2 >= start:
                end -= 2
            else:
                end -= 1
        else:
            end = len(self.text)
        return start, end

    def lines(self) -> Iterator[tuple[int, int]]:
        """Every line's content span, in order."""
        for i in range(len(self.line_starts)):
            yield self.line_span(i)

    @property
    def chars(self) -> frozenset[str]:
        """Distinct characters of the text: one pass lets every character-class rule
        skip clean text with a set intersection instead of its own regex scan."""
        return self.cached("chars", _distinct_chars)

    def has_any(self, chars: frozenset[str]) -> bool:
        return not self.chars.isdisjoint(chars)

    def cached(self, key: str, compute: Callable[[Document], T]) -> T:
        """Compute a derived view (prose regions, language map…) once per document."""
        try:
            return self._cache[key]  # type: ignore[no-any-return]
        except KeyError:
            value = compute(self)
            self._cache[key] = value
            return value


#: Below this length a text's character set is built at once; above it, block by
#: block (a keystroke in 1 MB rebuilt the whole set: 6-20 ms).
_CHARS_AT_ONCE = 65536


def _block_chars(text: str) -> str:
    """A block's distinct characters, as a short string (a frozenset per block
    would cost kilobytes each in the memo)."""
    return "".join(set(text))


def _distinct_chars(doc: Document) -> frozenset[str]:
    text = doc.text
    # imported here: the structure package imports this module
    from .structure._spans import MAX_MEMO_TEXT, map_blocks

    if len(text) <= _CHARS_AT_ONCE or len(text) > MAX_MEMO_TEXT:
        return frozenset(text)
    return frozenset("".join(map_blocks(text, _BLOCK_CHARS)))


_BLOCK_CHARS = TextMemo(_block_chars, max_chars=4_000_000, max_entries=16384)


def block_holds_any(block: str, chars: frozenset[str]) -> bool:
    """Does one block of a text (see :func:`.structure._spans.blocks`) hold one of
    ``chars``? Read from the block's distinct characters, memoised by its text (the
    memo :attr:`Document.chars` fills for a long text): a set test where a regex
    scan of the block, finding nothing in most blocks, tested a class at every
    character."""
    return not chars.isdisjoint(_BLOCK_CHARS(block))
