"""Our own store of open documents, with LSP-correct incremental edits.

pygls applies ``didChange`` through ``str.splitlines`` lines, which also split
at ``\\f``, ``\\x85``, U+2028…, so an edit below such a character lands on the
wrong line. We apply changes with the engine's line index instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..engine.document import Document
from .positions import position_to_offset


@dataclass
class OpenDocument:
    uri: str
    language_id: str
    version: int | None
    text: str
    path: str | None = None
    raw: bytes | None = None
    #: Set when the file on disk was read; cleared never (raw is refreshed on save).
    extra: dict[str, Any] = field(default_factory=dict)

    def snapshot(self) -> Document:
        return Document(self.text, self.language_id, self.uri, self.path, self.raw)


def apply_change(text: str, change: Any, encoding: str) -> str:
    """Apply one ``TextDocumentContentChangeEvent`` (full or ranged)."""
    rng = getattr(change, "range", None)
    if rng is None:
        return str(change.text)
    doc = Document(text)
    start = position_to_offset(doc, rng.start.line, rng.start.character, encoding)
    end = position_to_offset(doc, rng.end.line, rng.end.character, encoding)
    if end < start:
        start, end = end, start
    new: str = change.text
    return text[:start] + new + text[end:]
