"""Plain text's non-prose spans: the heuristics (:mod:`.plain`) and the layout
(:mod:`.layout`), block by block; also the base of the formats that are plain
text plus markup of their own (AsciiDoc)."""

from __future__ import annotations

from ..document import Document
from ..memo import text_memo
from ._spans import Span, merge, per_block_merged
from .layout import _block_layout
from .plain import _block_spans


@text_memo(max_chars=4_000_000, max_entries=16384)
def _block_non_prose(text: str) -> tuple[Span, ...]:
    """One block's heuristic and layout spans, merged (relative offsets, cached by
    text): the two block scans, their shifts and a sort of the whole document's
    spans were redone on every keystroke."""
    return tuple(merge([*_block_spans(text), *_block_layout(text)]))


def plain_text_spans(doc: Document) -> list[Span]:
    """The plain-text heuristics plus the layout lines only plain text has to guess
    (Markdown, reST and the other formats mark their tables and code themselves).
    Block by block, as :func:`.plain.heuristic_spans` and :func:`.layout.layout_spans`
    cut the text; the final merge fuses spans that touch across a cut."""
    return per_block_merged(doc.text, _block_non_prose)
