"""Our own store of open documents, with LSP-correct incremental edits.

pygls applies ``didChange`` through ``str.splitlines`` lines, which also split
at ``\\f``, ``\\x85``, U+2028…, so an edit below such a character lands on the
wrong line. We apply changes with the engine's line index instead.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from ..engine.document import LINE_BREAK, Document
from .positions import position_to_offset


@dataclass
class OpenDocument:
    uri: str
    language_id: str
    version: int | None
    text: str
    path: str | None = None
    #: The file's bytes on disk (read on open and save), for the encoding rules.
    raw: bytes | None = None
    #: Line index of ``text``, kept up to date edit by edit (None: compute lazily).
    line_starts: list[int] | None = field(default=None, repr=False)

    def snapshot(self) -> Document:
        doc = Document(
            self.text, self.language_id, self.uri, self.path, self.raw, line_starts=self.line_starts
        )
        self.line_starts = doc.line_starts
        return doc

    def apply(self, change: Any, encoding: str) -> None:
        """Apply one change, updating the line index around the edit only."""
        rng = getattr(change, "range", None)
        if rng is None:
            self.text = str(change.text)
            self.line_starts = None
            return
        doc = Document(self.text, line_starts=self.line_starts)
        start = position_to_offset(doc, rng.start.line, rng.start.character, encoding)
        end = position_to_offset(doc, rng.end.line, rng.end.character, encoding)
        if end < start:
            start, end = end, start
        new: str = change.text
        self.text = self.text[:start] + new + self.text[end:]
        self.line_starts = update_line_starts(doc.line_starts, self.text, start, end, len(new))


def update_line_starts(
    starts: list[int], text: str, start: int, end: int, inserted: int
) -> list[int]:
    """The line index of ``text`` after ``[start, end)`` was replaced by ``inserted``
    characters, from the index before the edit: only the edited lines are rescanned
    (one keystroke in a 10 MB file must not rescan 10 MB).
    """
    delta = inserted - (end - start)
    lo = max(0, start - 1)  # one character back: a CR there may now pair with an LF
    hi = min(len(text), start + inserted + 1)
    if hi < len(text) and text[hi - 1] == "\r" and text[hi] == "\n":
        hi += 1  # never cut a CRLF in two at the window's end
    head = starts[: bisect.bisect_right(starts, lo)]
    found = [m.end() for m in LINE_BREAK.finditer(text, lo, hi)]
    tail_from = bisect.bisect_right(starts, hi - delta)
    tail = [s + delta for s in starts[tail_from:]] if delta else starts[tail_from:]
    return head + found + tail


def apply_change(text: str, change: Any, encoding: str) -> str:
    """Apply one ``TextDocumentContentChangeEvent`` (full or ranged) to ``text``."""
    od = OpenDocument("", "plaintext", None, text)
    od.apply(change, encoding)
    return od.text
