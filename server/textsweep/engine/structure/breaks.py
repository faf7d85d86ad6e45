"""The paragraph breaks of one block of a text, memoised by the block's text.

The plain-text layout scan and the language detection both cut every block
(:func:`._spans.blocks`) into its paragraphs; each ran the paragraph-break regex
over the block, a pass over the whole text each (12 ms a MB). The second asks
this memo.
"""

from __future__ import annotations

from ..memo import text_memo
from ._spans import Span, paragraph_break


@text_memo(max_chars=4_000_000, max_entries=16384)
def block_breaks(block: str) -> tuple[Span, ...]:
    """Spans of the paragraph breaks in ``block`` (relative to it), in order."""
    return tuple(m.span() for m in paragraph_break(block).finditer(block))
