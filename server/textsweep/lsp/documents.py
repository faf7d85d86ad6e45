"""Our own store of open documents, with LSP-correct incremental edits.

pygls applies ``didChange`` through ``str.splitlines`` lines, which also split
at ``\\f``, ``\\x85``, U+2028…, so an edit below such a character lands on the
wrong line. We apply changes with the engine's line index instead.
"""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass, field
from typing import Any

from ..engine.document import LINE_BREAK, Document
from .positions import UTF16, position_to_offset, units


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
    line_starts: array[int] | None = field(default=None, repr=False)
    #: Why a change was rejected, or None. The copy may then differ from the
    #: editor's buffer: no diagnostics nor fixes until a full-text change.
    stale: str | None = field(default=None, repr=False)

    def snapshot(self) -> Document:
        if self.stale is not None:
            # Our copy may differ from the editor's: show nothing rather than
            # diagnostics and fixes at the wrong places.
            return Document("", self.language_id, self.uri, self.path, None)
        doc = Document(
            self.text, self.language_id, self.uri, self.path, self.raw, line_starts=self.line_starts
        )
        self.line_starts = doc.line_starts
        return doc

    def apply(self, change: Any, encoding: str) -> None:
        """Apply one change, updating the line index around the edit only.

        A UTF-16 position may fall between the two halves of an astral character
        (a client deleting only the low surrogate of ``🙂``): the editor's buffer
        then holds a lone surrogate, and so does ours. Snapping the range to the
        whole character would put every later position on the line one unit off.
        """
        rng = getattr(change, "range", None)
        if rng is None:
            self.text = str(change.text)
            self.line_starts = None
            self.stale = None
            return
        if self.stale is not None:
            return  # an edit of a text we no longer know: wait for the whole text
        doc = Document(self.text, line_starts=self.line_starts)
        start, start_mid = _locate(doc, rng.start.line, rng.start.character, encoding)
        end, end_mid = _locate(doc, rng.end.line, rng.end.character, encoding)
        if (end, end_mid) < (start, start_mid):
            start, start_mid, end, end_mid = end, end_mid, start, start_mid
        text = self.text
        new: str = change.text
        # Keep the halves of a split character outside the range, as the editor does.
        head = _halves(text[start])[0] if start_mid else ""
        tail = _halves(text[end])[1] if end_mid else ""
        lo = start
        hi = end + 1 if end_mid else end
        segment = head + new + tail
        # A lone half next to the edit may pair up again with an inserted half.
        if lo > 0 and "\ud800" <= text[lo - 1] <= "\udbff":
            lo -= 1
            segment = text[lo] + segment
        if hi < len(text) and "\udc00" <= text[hi] <= "\udfff":
            segment += text[hi]
            hi += 1
        segment = _pair_surrogates(segment)
        self.text = text[:lo] + segment + text[hi:]
        self.line_starts = update_line_starts(doc.line_starts, self.text, lo, hi, len(segment))


def _locate(doc: Document, line: int, character: int, encoding: str) -> tuple[int, bool]:
    """Offset of an LSP position, and whether it falls inside an astral character
    (between its UTF-16 surrogates: the offset is then that character's)."""
    off = position_to_offset(doc, line, character, encoding)
    if encoding != UTF16 or not 0 <= line < doc.line_count or off >= len(doc.text):
        return off, False
    if ord(doc.text[off]) <= 0xFFFF:
        return off, False
    line_start = doc.line_span(line)[0]
    return off, units(doc.text[line_start:off], UTF16) + 1 == character


def _halves(ch: str) -> tuple[str, str]:
    """The UTF-16 surrogates of an astral character."""
    code = ord(ch) - 0x10000
    return chr(0xD800 + (code >> 10)), chr(0xDC00 + (code & 0x3FF))


def _pair_surrogates(s: str) -> str:
    """Join high+low surrogate pairs into the characters they encode (lone halves stay)."""
    if not any("\ud800" <= c <= "\udfff" for c in s):
        return s
    return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def update_line_starts(
    starts: array[int], text: str, start: int, end: int, inserted: int
) -> array[int]:
    """The line index of ``text`` after ``[start, end)`` was replaced by ``inserted``
    characters, from the index before the edit: only the edited lines are rescanned
    (one keystroke in a 10 MB file must not rescan 10 MB).
    """
    delta = inserted - (end - start)
    lo = max(0, start - 1)  # one character back: a CR there may now pair with an LF
    hi = min(len(text), start + inserted + 1)
    if hi < len(text) and text[hi - 1] == "\r" and text[hi] == "\n":
        hi += 1  # never cut a CRLF in two at the window's end
    out = starts[: bisect.bisect_right(starts, lo)]
    out.extend(m.end() for m in LINE_BREAK.finditer(text, lo, hi))
    tail_from = bisect.bisect_right(starts, hi - delta)
    if delta:
        # moved by ``int.__add__`` in C, not a generator step per line (30,000 lines
        # of a megabyte after the edit: 1.5 ms a keystroke)
        out.extend(map(delta.__add__, starts[tail_from:]))
    else:
        out.extend(starts[tail_from:])
    return out


def apply_change(text: str, change: Any, encoding: str) -> str:
    """Apply one ``TextDocumentContentChangeEvent`` (full or ranged) to ``text``."""
    od = OpenDocument("", "plaintext", None, text)
    od.apply(change, encoding)
    return od.text
